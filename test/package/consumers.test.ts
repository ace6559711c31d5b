/**
 * The package as its users get it: `npm pack` output installed with npm into fresh consumer projects, offline
 * (the package's own dependencies come from the local npm cache through a lockfile; the heavy peers and the
 * toolchains are linked from this repository's node_modules), then type-checked and run:
 *
 * - the subpath exports type-check under `module: commonjs` with Node (node10) resolution (cdk init's template,
 *   Pulumi's policy-pack template), node16 (CommonJS), nodenext (ES module) and bundler, with TypeScript 5.x and the
 *   current compiler (TypeScript 7);
 * - a CDK app run by ts-node (CommonJS, type-checked as it runs), the same app run by tsx (ES module);
 * - an organisation's Pulumi pack (Pulumi's template, compiled) started as the Pulumi CLI starts it;
 * - the CLI from node_modules/.bin.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzerClient, startEngine, startPack } from '../pulumi/support/analyzer-client.mjs';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'consumers');
const run = promisify(execFile);

/** Peers and toolchains the consumers get from this repository instead of the network. */
const LINKED = [
  'aws-cdk-lib',
  'constructs',
  'cdk-nag',
  '@pulumi/pulumi',
  '@pulumi/policy',
  '@types/node',
  'typescript',
  'typescript-7',
  'ts-node',
  'tsx',
];
const COMPILERS = {
  'TypeScript 5': 'node_modules/typescript/bin/tsc',
  'TypeScript 7': 'node_modules/typescript-7/bin/tsc',
} as const;

let work: string;
let installed: { name: string; version: string; files: string[] };

interface LockEntry {
  version: string;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * A lockfile for a project that depends on the tarball: the package's dependencies, and theirs, pinned as this
 * repository's lockfile pins them, so that `npm ci --offline` finds every tarball in the cache by its integrity.
 */
interface Manifest {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, unknown>;
}

function consumerLock(tarball: string, manifest: Manifest) {
  const repoLock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const packages: Record<string, unknown> = {
    '': { name: 'consumers', dependencies: { [manifest.name]: `file:${tarball}` } },
    // npm ci links bins and checks peers from the lockfile's copy of the manifest.
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: `file:${tarball}`,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      peerDependencies: manifest.peerDependencies,
      peerDependenciesMeta: manifest.peerDependenciesMeta,
    },
  };
  const queue = Object.keys(manifest.dependencies);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const entry = repoLock.packages[key];
    if (!entry) throw new Error(`${name} is not in package-lock.json at the top level`);
    packages[key] = entry;
    for (const [nested, nestedEntry] of Object.entries(repoLock.packages))
      if (nested.startsWith(`${key}/node_modules/`)) packages[nested] = nestedEntry;
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  return { name: 'consumers', lockfileVersion: 3, requires: true, packages };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'eg-consumers-'));
  // `npm test` has just built dist/: pack it as it is (--ignore-scripts: no second build racing the other tests).
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: REPO,
      encoding: 'utf8',
    }),
  ) as {
    filename: string;
    files: { path: string }[];
  }[];
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'consumers', private: true, dependencies: { [manifest.name]: `file:${packed!.filename}` } }),
  );
  writeFileSync(join(work, 'package-lock.json'), JSON.stringify(consumerLock(packed!.filename, manifest)));
  await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: work });
  for (const name of LINKED) {
    mkdirSync(dirname(join(work, 'node_modules', name)), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', name), join(work, 'node_modules', name), 'dir');
  }
  cpSync(FIXTURES, work, { recursive: true });
  for (const project of ['cdk-ts-node', 'cdk-tsx', 'cdk-cache', 'pulumi-pack'])
    cpSync(join(REPO, 'examples/catalog.yaml'), join(work, project, 'catalog.yaml'));
  for (const flavour of ['cjs', 'esm'])
    cpSync(join(work, 'types/consumer.ts'), join(work, 'types', flavour, 'consumer.ts'));
  installed = { name: manifest.name, version: manifest.version, files: packed!.files.map((file) => file.path).sort() };
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs a command in the work tree; a failure carries the command's own output. */
async function inWork(
  cwd: string,
  command: string,
  args: string[],
): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NODE_OPTIONS: '' };
  try {
    const { stdout, stderr } = await run(command, args, { cwd: join(work, cwd), env, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return {
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
      code: typeof failed.code === 'number' ? failed.code : -1,
    };
  }
}

/**
 * What the aspect reports on the consumer apps' Deployer role (AdministratorAccess, no owner tag, not in the catalog)
 * under examples/catalog.yaml: one error per finding, on the construct the app wrote.
 */
const DEPLOYER_ERRORS = [
  '/Consumer/Deployer [EntitlementGuard] no-privilege-escalation (mandatory)',
  '/Consumer/Deployer [EntitlementGuard] no-wildcard-privilege (mandatory)',
  '/Consumer/Deployer [EntitlementGuard] require-entitlement (mandatory)',
  '/Consumer/Deployer [EntitlementGuard] require-entitlement (mandatory)',
  '/Consumer/Deployer [EntitlementGuard] require-owner (mandatory)',
];

/** @pulumi/policy 1.21.0's own index.d.ts re-exports names its proxy.d.ts lacks: any project that lib-checks it sees these. */
const UPSTREAM_POLICY_ERRORS = /^\S*node_modules\/@pulumi\/policy\/index\.d\.ts\(2,(10|32)\): error TS2305: /;

// Concurrent: each test waits on a child process, and the machine's two cores can run two. A type-check of an
// aws-cdk-lib consumer takes ~5 s of CPU alone, minutes when the suite shares the machine: a generous timeout, never
// an assertion on time.
describe.concurrent('the packed package', { timeout: 600_000 }, () => {
  it('holds the builds it exports and nothing else: no sources, no source maps, no tests', () => {
    expect(installed.files.filter((file) => /\.(map|ts)$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    const documents =
      /^(README\.md|LICENSE|catalog\/README\.md|cdk-aspects\/README\.md|policypack\/README\.md|docs\/(rules|terraform)\.md|examples\/(multicloud\.md|catalog\.yaml|cdk-app\/catalog\.generated\.yaml))$/;
    expect(
      installed.files.filter(
        (file) =>
          !documents.test(file) &&
          !/^(dist\/(bundle|cjs|types)\/|dist\/data\/(aws-actions\.jsonl|aws-actions\.index\.json|aws-managed-policies\.index\.json)$|catalog\/entitlement-catalog\.schema\.json$|data\/(aws-managed-policies\.jsonl|aws-sdk-services\.json|azure-built-in-roles\.json|azure-key-vault-access-policies\.json|entra-directory-roles\.json|microsoft-graph-permissions\.json|gcp-predefined-roles\.json|kubernetes-default-roles\.json|sam-policy-templates\.json)$|package\.json$)/.test(
            file,
          ),
      ),
    ).toEqual([]);
    // The AWS managed policy data (3 MB) ships; the 74 MB dataset it is extracted from does not. The Azure and Google
    // Cloud role data, the Key Vault access policy mapping, Entra ID's directory roles, Microsoft Graph's
    // permissions, Kubernetes' default roles, SAM's policy templates and the
    // AWS SDK client table ship beside it, read on first use (src/util/package-data.ts).
    // The build's AWS action table (scripts/build-action-table.mjs) ships in dist/data/, with the indexes by which the
    // engine reads one line of it, or of the managed policy data, at a time (scripts/build-data-indexes.mjs).
    expect(installed.files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'dist/bundle/cli.js',
        'dist/cjs/cdk.cjs',
        'dist/cjs/package.json',
        'dist/types/cdk-aspects/index.d.ts',
        'data/aws-managed-policies.jsonl',
        'dist/data/aws-actions.jsonl',
        'dist/data/aws-actions.index.json',
        'dist/data/aws-managed-policies.index.json',
        'data/azure-built-in-roles.json',
        'data/azure-key-vault-access-policies.json',
        'data/entra-directory-roles.json',
        'data/microsoft-graph-permissions.json',
        'data/gcp-predefined-roles.json',
        'data/kubernetes-default-roles.json',
        'data/sam-policy-templates.json',
        'data/aws-sdk-services.json',
      ]),
    );
  });

  it('ships what its README and documents link to: every relative link resolves to a file in the package', () => {
    const files = new Set(installed.files);
    const broken = [...files]
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) => {
        // The repository's README goes on to its development set-up (tests, benchmarks): the package user's part comes first.
        const text = readFileSync(join(REPO, file), 'utf8').split('\n## Set-up (developing this repository)')[0]!;
        return [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
          .map((match) => match[1]!)
          .filter((target) => !/^[a-z]+:/.test(target))
          .map((target) => join(dirname(file), target))
          .filter((target) => !files.has(target))
          .map((target) => `${file} -> ${target}`);
      });
    expect(broken).toEqual([]);
  });

  // The settings skip checking the bodies of third-party declarations (aws-cdk-lib's are a million lines): what is
  // checked is how each import resolves and types in the consumer's file. TypeScript 7 checks node16 and nodenext
  // with every declaration file's body as well (below), which includes the consumer's file: one compiler run each.
  const SETTINGS = [
    ['cjs', 'commonjs'],
    ['cjs', 'node16'],
    ['esm', 'nodenext'],
    ['esm', 'bundler'],
  ] as const;
  const FULLY_CHECKED = ['node16', 'nodenext'];
  describe.each(Object.entries(COMPILERS))('type-checks with %s', (compiler, tsc) => {
    it.each(SETTINGS.filter(([, setting]) => compiler !== 'TypeScript 7' || !FULLY_CHECKED.includes(setting)))(
      'types/%s under module %s',
      async (flavour, setting) => {
        const result = await inWork(`types/${flavour}`, process.execPath, [
          join(work, tsc),
          '-p',
          `tsconfig.${setting}.json`,
        ]);
        expect(result.stdout + result.stderr).toBe('');
        expect(result.code).toBe(0);
      },
    );
  });

  it.each(SETTINGS.filter(([, setting]) => FULLY_CHECKED.includes(setting)))(
    "type-checks with TypeScript 7 types/%s under module %s, every declaration file too: only @pulumi/policy's own errors",
    async (flavour, setting) => {
      const result = await inWork(`types/${flavour}`, process.execPath, [
        join(work, COMPILERS['TypeScript 7']),
        '-p',
        `tsconfig.${setting}.json`,
        '--skipLibCheck',
        'false',
      ]);
      const errors = (result.stdout + result.stderr).split('\n').filter((line) => line.includes('error'));
      expect(errors).toHaveLength(2);
      expect(errors.filter((line) => !UPSTREAM_POLICY_ERRORS.test(line))).toEqual([]);
    },
  );

  // Type-checked above under the same setting (module commonjs, types/cjs); ts-node's own type-check of an
  // aws-cdk-lib app costs ~40 s of CPU, so it only transpiles here, and what is tested is what it loads at run time.
  it('runs a CDK app with ts-node (module commonjs: require() of the CommonJS build)', async () => {
    const result = await inWork('cdk-ts-node', process.execPath, [
      join(work, 'node_modules/ts-node/dist/bin.js'),
      '--transpile-only',
      'bin/app.ts',
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(DEPLOYER_ERRORS);
  });

  it("takes a catalog checked by an earlier synth from the install's cache, and checks an edited one again", async () => {
    // With a Node option of their own (--no-warnings), these synths' code cache entries are theirs alone: the
    // other consumers' synths, running at the same time, compile the same files under other names.
    const synth = () =>
      inWork('cdk-cache', process.execPath, [
        '--no-warnings',
        join(work, 'node_modules/ts-node/dist/bin.js'),
        '--transpile-only',
        'bin/app.ts',
      ]);
    // The engine half's compiled code, kept by the first synth when it exits (src/util/code-cache.ts).
    const codeCache = join(work, 'node_modules/.cache/entitlement-guard/code');
    const entries = () => (existsSync(codeCache) ? readdirSync(codeCache) : []);
    const stamped = (names: string[]) =>
      names.sort().map((entry) => `${entry} ${statSync(join(codeCache, entry)).mtimeMs}`);
    const before = new Set(entries());
    const first = await synth();
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({ errors: DEPLOYER_ERRORS, yamlLoaded: true });
    const written = entries().filter((entry) => !before.has(entry));
    expect(written.length).toBeGreaterThan(3);
    const writtenStamps = stamped(written);
    // The same catalog text: neither the YAML parser nor the schema validator is loaded.
    const second = await synth();
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout)).toEqual({ errors: DEPLOYER_ERRORS, yamlLoaded: false });
    // The same code: every entry taken, none written again.
    expect(stamped(written)).toEqual(writtenStamps);

    const catalog = join(work, 'cdk-cache/catalog.yaml');
    writeFileSync(catalog, `${readFileSync(catalog, 'utf8')}\nnot-a-field: true\n`);
    const edited = await synth();
    expect(edited.stderr).toBe('');
    // Parsed and checked again: the aspect fails every stack with the catalog's located issues.
    expect(JSON.parse(edited.stdout)).toEqual({
      errors: ['/Consumer [EntitlementGuard] the stack was not checked'],
      yamlLoaded: true,
    });
  });

  it('runs the same app with tsx as an ES module (import of the ES module entry, which requires the CommonJS build)', async () => {
    const result = await inWork('cdk-tsx', process.execPath, [
      join(work, 'node_modules/tsx/dist/cli.mjs'),
      'bin/app.ts',
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(DEPLOYER_ERRORS);
  });

  it("serves an organisation's Pulumi pack built from Pulumi's template, as `pulumi preview --policy-pack` starts it", async () => {
    // The pack installs the package in its own node_modules, as a published pack does: its cache folder is its own,
    // apart from the one the CDK apps of the tests running beside this one write to.
    cpSync(
      join(work, 'node_modules', 'entitlement-guard'),
      join(work, 'pulumi-pack', 'node_modules', 'entitlement-guard'),
      {
        recursive: true,
      },
    );
    const build = await inWork('pulumi-pack', process.execPath, [join(work, COMPILERS['TypeScript 5'])]);
    expect(build.stdout + build.stderr).toBe('');
    // The pack's compiled code, kept once the first stack is answered (policypack/src/code-cache-after-stack.ts):
    // the CLI ends a pack with a signal, so the pack cannot wait for its exit to write it.
    const codeCache = join(work, 'pulumi-pack/node_modules/.cache/entitlement-guard/code');
    const entries = () => new Set(existsSync(codeCache) ? readdirSync(codeCache) : []);
    const written = (names: Iterable<string>) =>
      [...names].sort().map((entry) => `${entry} ${statSync(join(codeCache, entry)).mtimeMs}`);
    const before = entries();
    expect(before.size).toBe(0);
    const engine = await startEngine();
    let pack = await startPack(join(work, 'pulumi-pack'), engine.address);
    let client = analyzerClient(pack.port);
    try {
      const info = await client.getAnalyzerInfo();
      expect(info.name).toBe('example-co-entitlements');
      const role = {
        type: 'aws:iam/role:Role',
        name: 'deployer',
        urn: 'urn:pulumi:dev::payments::aws:iam/role:Role::deployer',
        inputs: {},
        outputs: {
          name: 'deployer',
          arn: 'arn:aws:iam::111122223333:role/deployer',
          assumeRolePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
          managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        },
        propertyDependencies: {},
      };
      const diagnostics = await client.analyzeStack([role]);
      expect(diagnostics.map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn}`).sort()).toEqual([
        'exception-expiry advisory ', // the example catalog's expired EXC-087, on the stack
        `no-privilege-escalation mandatory ${role.urn}`,
        `no-wildcard-privilege mandatory ${role.urn}`,
        `require-entitlement mandatory ${role.urn}`,
        `require-entitlement mandatory ${role.urn}`,
        `require-owner mandatory ${role.urn}`,
      ]);
      // The pack and the chunks it loads: at least the pack itself, whatever a CDK app's synth left before.
      await vi.waitFor(() => expect([...entries()].filter((entry) => !before.has(entry)).length).toBeGreaterThan(0), {
        timeout: 10_000,
        interval: 100,
      });
      // The pack writes its entries in one turn of its event loop, so once it answers again all are written.
      await client.getAnalyzerInfo();
      const first = written(entries());
      // Ended as the CLI ends it; the next pack takes the entries and writes none (a file compiled afresh would be
      // written again under the same name).
      client.close();
      await pack.stop();
      pack = await startPack(join(work, 'pulumi-pack'), engine.address);
      client = analyzerClient(pack.port);
      expect((await client.analyzeStack([role])).length).toBe(diagnostics.length);
      await client.getAnalyzerInfo();
      expect(written(entries())).toEqual(first);
    } finally {
      client.close();
      await pack.stop();
      await engine.close();
    }
  });

  it('runs the CLI from node_modules/.bin as a command', async () => {
    const result = await inWork('cli', join(work, 'node_modules/.bin/entitlement-guard'), [
      'check',
      'bad.template.yaml',
      '--catalog',
      join(REPO, 'examples/catalog.yaml'),
      '--format',
      'json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const findings = (
      JSON.parse(result.stdout) as { findings: { ruleId: string; detail: string; resource: { name: string } }[] }
    ).findings;
    expect(findings.map((finding) => `${finding.ruleId} ${finding.resource.name} ${finding.detail}`)).toEqual([
      'exception-expiry EXC-087 Expires::2026-01-31',
      'no-privilege-escalation Deployer Path::*',
      'no-wildcard-privilege Deployer Policy::AdministratorAccess',
      'require-entitlement Deployer Class::undeclared',
      'require-entitlement Deployer Entitlement::none',
      'require-owner Deployer Owner::missing',
    ]);
    // The command's compiled code, kept by Node's compile cache in the install's cache folder (src/cli/bin.ts).
    const compiled = readdirSync(join(work, 'node_modules/.cache/entitlement-guard/node-compile-cache'), {
      recursive: true,
    });
    expect(compiled.length).toBeGreaterThan(0);
  });
});
