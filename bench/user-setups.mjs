// What Entitlement Guard costs as users run it (issue 23), each figure beside its baseline in the same run:
//
//   imports  `require` and `import` of entitlement-guard/cdk and /pulumi in a fresh Node process, after the framework
//            the app loads anyway (aws-cdk-lib and its IAM module; @pulumi/pulumi and @pulumi/policy): wall, CPU, the
//            main thread's CPU, and beside it a control that spins as long at the same point (what the framework's
//            helper threads still do then, without the import);
//   cdk      a CDK app in TypeScript run as `cdk synth` runs it (the app's own process; CDK_OUTDIR and the context the
//            CLI passes, construct stack traces off, built-in CloudFormation validation off): through tsx as CommonJS,
//            through ts-node as CommonJS with type-checking (the `cdk init` template), and through tsx as an ES
//            module; small (one stack, 20 resources) and, with --large, large (2,000 roles, 200 users, 100 rotated
//            secrets in 20 stacks: bench/support/cdk-app.mjs). Variants: bare, the EntitlementGuard aspect under a
//            catalog the app complies with (bench/support/catalog.yaml) and under one it fails on every role
//            (examples/catalog.yaml), and cdk-nag's AwsSolutionsChecks (cdk-nag 3, as a validation plugin); the
//            first round also checks that both aspect variants write the bare app's templates, byte for byte;
//   pulumi   the policy pack started as the Pulumi CLI starts it (the analyzer plugin over gRPC,
//            test/pulumi/support/analyzer-client.mjs) beside a do-nothing pack (one resource and one stack policy
//            that return at once): start-up, AnalyzeStack (the request built before the clock starts) and Analyze
//            on 10,000 resources, wall and the pack process's own CPU (from /proc; start-up's CPU is the process's until
//            it serves its port), with the range over rounds, each target as the median of the rounds' figures against
//            the do-nothing pack's of the same round, and the pack's peak RSS; `--pulumi-pack name=dir` adds another pack
//            directory (a copy of an earlier build, say) to the same rounds;
//   cli      `entitlement-guard check` on a 100,000-resource cdk.out beside a Node process that reads its manifest
//            and every template and parses them (one template at a time, as `JSON.parse` of each file), CPU time with
//            its range over rounds, and the peak RSS of both; beside them the check's loading alone (the CLI's own
//            loader: catalog, reads, the strict located parse and the model, no rule run), the floor under any check
//            of this design; `--cli-sizes 25000,50000,100000` (the default) runs each size, so that memory's growth
//            with the number of resources shows.
//
// Each sample is a fresh process, timed from outside with GNU time (wall, user+system CPU of the process and its
// children, peak RSS). A round takes one sample of every variant of a set-up, in an order that rotates; what a variant
// adds is the median over rounds of its difference to bare in the same round. Ratios are printed; absolute times drift
// with the machine's load, which is printed beside them.
//
//   npm run build && node bench/user-setups.mjs [--rounds N] [--large] [--only imports,cdk,pulumi,cli] [--pulumi-pack name=dir]
//     [--runners tsx-cjs,ts-node,tsx-esm] [--shapes small,large]
//   Run it with the Node 22 of node_modules/.bin (npm puts it first on PATH; it refuses an older Node, whose figures
//   for `import` and `require` of the package would be another runtime's).
//     [--cli-sizes N,N,…] [--write-apps DIR: write the CDK apps of --runners and --shapes there, measure nothing]
//   (EG_BENCH_LARGE=1 is --large)
import '../scripts/require-node.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  analyzeStackRequest,
  analyzerClient,
  startEngine,
  startPack,
} from '../test/pulumi/support/analyzer-client.mjs';
import { ROLES, SECRETS, STACKS, USERS } from './support/cdk-app.mjs';
import { cdkCliEnv } from './support/cdk-cli-env.mjs';
import { writeCdkOut } from './support/cdk-out.mjs';
import { pulumiStack } from './support/pulumi-stack.mjs';
import { median, quantile } from './support/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    large: { type: 'boolean', default: process.env.EG_BENCH_LARGE === '1' },
    only: { type: 'string', default: 'imports,cdk,pulumi,cli' },
    'pulumi-pack': { type: 'string', multiple: true, default: [] },
    // A large ts-node synth type-checks for minutes on a loaded machine: measure set-ups one at a time if need be.
    runners: { type: 'string', default: 'tsx-cjs,ts-node,tsx-esm' },
    shapes: { type: 'string' },
    'cli-sizes': { type: 'string', default: '25000,50000,100000' },
    // Writes the CDK apps of --runners and --shapes into this folder (one per set-up) and measures nothing: for
    // profiling one set-up (node --cpu-prof, valgrind) on the very apps the benchmark runs.
    'write-apps': { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds);
const ONLY = new Set(args.only.split(','));
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

console.log(
  `${new Date().toISOString()} · node ${process.version} · ${cpus().length} cores · load ${load()} · ${ROUNDS} rounds${args.large ? ' · large shapes' : ''}`,
);

/** Runs `command` under GNU time: wall s, CPU s (user + system, children included), peak RSS MiB, and its output. */
function timed(command, commandArgs, { cwd = ROOT, env = {} } = {}) {
  const child = spawnSync('/usr/bin/time', ['-f', '\n@@time %e %U %S %M', command, ...commandArgs], {
    cwd,
    env: { ...process.env, PATH: `${BIN}:${process.env.PATH}`, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const match = /@@time (\S+) (\S+) (\S+) (\S+)\s*$/.exec(child.stderr);
  if (!match) throw new Error(`${command} ${commandArgs.join(' ')}: ${child.stderr.slice(-3000)}`);
  const [, wall, user, system, rssKb] = match;
  return {
    wall: Number(wall),
    cpu: Number(user) + Number(system),
    rss: Number(rssKb) / 1024,
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr.slice(0, match.index),
  };
}

/**
 * A folder as an app's install leaves it: this package copied into node_modules/entitlement-guard (a symlink would
 * resolve to the repository, where the package cannot find itself by name), every other package linked.
 */
function installFolder(prefix, into) {
  const dir = into ?? mkdtempSync(join(tmpdir(), prefix));
  if (into) mkdirSync(into, { recursive: true });
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules')))
    if (name !== '.bin' && !name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  const own = join(modules, 'entitlement-guard');
  for (const part of ['package.json', 'dist', 'data', 'catalog/entitlement-catalog.schema.json'])
    cpSync(join(ROOT, part), join(own, part), { recursive: true });
  return dir;
}

const pct = (part, whole) => `${part >= 0 ? '+' : ''}${((100 * part) / whole).toFixed(1)} %`;
const s = (value) => value.toFixed(2);

// ---------------------------------------------------------------------------------------------------------------
// imports
// ---------------------------------------------------------------------------------------------------------------

function benchImports() {
  console.log('\n## Import cost (fresh process, after the framework; median of 7; CPU ms of the import itself)');
  // Right after the framework loads, V8's helper threads are still compiling and collecting what it loaded, so the
  // process's CPU over the import (helper threads included) also charges it with that tail. The main thread's own
  // CPU (from /proc/thread-self/schedstat, in nanoseconds) is the import's; a control that spins the main thread
  // for the import's wall time at the same point shows what the helper threads do meanwhile without it.
  const frameworks = { cdk: ['aws-cdk-lib', 'aws-cdk-lib/aws-iam'], pulumi: ['@pulumi/pulumi', '@pulumi/policy'] };
  const script = (entry, mode, spinMs) => {
    const pre = frameworks[entry];
    const load = (name) =>
      mode === 'require' ? `require(${JSON.stringify(name)})` : `await import(${JSON.stringify(name)})`;
    const ours =
      spinMs === undefined
        ? `${load(`entitlement-guard/${entry}`)};`
        : `const end = performance.now() + ${spinMs}; while (performance.now() < end);`;
    const body =
      `const { readFileSync } = ${load('node:fs')};` +
      `const thread = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;` +
      `${pre.map((name) => `${load(name)};`).join('')}` +
      `const t = performance.now(), c = process.cpuUsage(), m = thread(); ${ours} const main = thread() - m;` +
      `const u = process.cpuUsage(c);` +
      `console.log(JSON.stringify({ ms: performance.now() - t, cpu: (u.user + u.system) / 1000, main }));`;
    return mode === 'require' ? `(async () => { ${body} })()` : body;
  };
  const dir = installFolder('eg-imports-');
  try {
    benchImportsIn(dir, script);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchImportsIn(dir, script) {
  const sample = (entry, mode, spinMs) => {
    const samples = [];
    for (let index = 0; index < 7; index++) {
      const output = execFileSync(
        process.execPath,
        [mode === 'require' ? '--input-type=commonjs' : '--input-type=module', '-e', script(entry, mode, spinMs)],
        { cwd: dir, encoding: 'utf8' },
      );
      samples.push(JSON.parse(output.trim().split('\n').pop()));
    }
    const of = (pick) => median(samples.map(pick));
    return {
      wall: of((one) => one.ms),
      cpu: of((one) => one.cpu),
      main: of((one) => one.main),
      helpers: of((one) => one.cpu - one.main),
    };
  };
  const ms = (value) => `${value.toFixed(0).padStart(3)} ms`;
  for (const entry of ['cdk', 'pulumi']) {
    for (const mode of ['require', 'import']) {
      const ours = sample(entry, mode);
      const control = sample(entry, mode, ours.wall);
      console.log(
        `entitlement-guard/${entry} ${mode.padEnd(7)} wall ${ms(ours.wall)} · CPU ${ms(ours.cpu)}: main thread ` +
          `${ms(ours.main)}, helper threads ${ms(ours.helpers)} (${ms(control.helpers)} without the import, the ` +
          `framework's own) (target ≤ 50 ms added) · load ${load()}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// cdk
// ---------------------------------------------------------------------------------------------------------------

const SHAPES = {
  // One stack of 20 resources: 6 roles with a policy each (12), 4 users, 2 secrets with their rotation (4).
  small: { stacks: 1, roles: 6, users: 4, secrets: 2 },
  large: { stacks: STACKS, roles: ROLES, users: USERS, secrets: SECRETS },
};
const RUNNERS = {
  // What `npx tsx bin/app.ts` runs; CommonJS by the app's package.json.
  'tsx (CommonJS)': { key: 'tsx-cjs', type: 'commonjs', command: 'tsx', args: ['app.ts'] },
  // `cdk init app --language typescript`: "app": "npx ts-node --prefer-ts-exts bin/app.ts", type-checked.
  'ts-node (CommonJS, type-checked)': {
    key: 'ts-node',
    type: 'commonjs',
    command: 'ts-node',
    args: ['--prefer-ts-exts', 'app.ts'],
  },
  'tsx (ES module)': { key: 'tsx-esm', type: 'module', command: 'tsx', args: ['app.ts'] },
};
const CATALOGS = {
  compliant: join(ROOT, 'bench', 'support', 'catalog.yaml'),
  failing: join(ROOT, 'examples', 'catalog.yaml'),
};
const CDK_VARIANTS = ['bare', 'guard', 'guard-failing', 'awssolutions'];
/**
 * Written beside the timed variants but not timed here (bench/user-apps-instructions.mjs counts it with --variants):
 * an aspect that judges nothing and puts on each role one error, and on each user two, of the failing app's message
 * length: what the CDK itself charges for the failing app's annotations, written and read back.
 */
const FLOOR_VARIANTS = ['annotations-floor'];
/** A failing annotation's length in the large app (examples/catalog.yaml's require-entitlement finding on a role). */
const FLOOR_MESSAGE_LENGTH = 1400;

/** The app's TypeScript source for a variant: static imports, as a user writes them. */
function appSource(variant, shape) {
  const imports = [
    `import { ${variant === 'annotations-floor' ? 'Annotations, ' : ''}App, Aspects, Duration, Stack, Tags, Validations } from 'aws-cdk-lib';`,
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    "import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';",
    variant.startsWith('guard') ? "import { EntitlementGuard } from 'entitlement-guard/cdk';" : '',
    variant === 'awssolutions' ? "import { AwsSolutionsChecks } from 'cdk-nag';" : '',
  ];
  const catalog = variant === 'guard-failing' ? CATALOGS.failing : CATALOGS.compliant;
  return `${imports.filter(Boolean).join('\n')}
const app = new App({ builtinCloudFormationValidation: false });
const perStack = (total: number, stack: number) => [Math.floor((stack * total) / ${shape.stacks}), Math.floor(((stack + 1) * total) / ${shape.stacks})];
for (let s = 0; s < ${shape.stacks}; s++) {
  const stack = new Stack(app, \`Bench\${s}\`);
  const [r0, r1] = perStack(${shape.roles}, s);
  for (let i = r0; i < r1; i++) {
    const role = new iam.Role(stack, \`Role\${i}\`, {
      roleName: \`payments-api-\${i}\`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
    });
    const table = \`arn:aws:dynamodb:eu-west-1:111122223333:table/payments-\${i}\`;
    role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [table] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [\`arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/\${i}\`] }));
  }
  const [u0, u1] = perStack(${shape.users}, s);
  for (let i = u0; i < u1; i++) Tags.of(new iam.User(stack, \`User\${i}\`, { userName: \`batch-user-\${i}\` })).add('owner', 'team-data');
  const [k0, k1] = perStack(${shape.secrets}, s);
  for (let i = k0; i < k1; i++) {
    const secret = new secretsmanager.Secret(stack, \`Secret\${i}\`, { secretName: \`payments/\${i}\` });
    new secretsmanager.CfnRotationSchedule(stack, \`Secret\${i}Rotation\`, {
      secretId: secret.secretArn,
      rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:secrets-rotation',
      rotationRules: { scheduleExpression: 'rate(30 days)' },
    });
    Tags.of(secret).add('owner', 'team-payments');
  }
}
${variant.startsWith('guard') ? `Aspects.of(app).add(new EntitlementGuard({ catalog: ${JSON.stringify(catalog)} }));` : ''}
${variant === 'awssolutions' ? 'Validations.of(app).addPlugins(new AwsSolutionsChecks(app));' : ''}
${variant === 'annotations-floor' ? annotationsFloorSource() : ''}
let outcome: string;
try {
  const assembly = app.synth();
  const errors = assembly.stacks.flatMap((stack) => stack.messages).filter((message) => message.level === 'error').length;
  outcome = \`synthesized, \${errors} error annotations\`;
} catch (error) {
  if (!String(error).includes('ValidationFailed')) throw error;
  outcome = 'validation report failed';
}
console.log(\`@@outcome \${outcome}\`);
`;
}

/** The annotations-floor variant's aspect: the failing app's annotations, without judging anything. */
function annotationsFloorSource() {
  return `const FILLER = 'x'.repeat(${FLOOR_MESSAGE_LENGTH});
Aspects.of(app).add({
  visit(node: import('constructs').IConstruct) {
    const errors = node instanceof iam.Role ? 1 : node instanceof iam.User ? 2 : 0;
    for (let i = 0; i < errors; i++)
      Annotations.of(node).addError(\`[Floor] finding \${i} on \${node.node.path}\\n\${FILLER}\`.slice(0, ${FLOOR_MESSAGE_LENGTH}));
  },
});`;
}

/** What each variant must end with, so a figure never comes from another case than its name says. */
function expectedOutcome(variant) {
  if (variant === 'awssolutions') return /^validation report failed$/;
  // examples/catalog.yaml entitles none of the roles' managed policy: every role is reported (and more).
  if (variant === 'guard-failing' || variant === 'annotations-floor')
    return new RegExp(`^synthesized, (\\d+) error annotations$`);
  return /^synthesized, 0 error annotations$/;
}

/** An app folder as `cdk init` leaves it: its own package.json and tsconfig, and the packages in node_modules. */
function appFolder(runner, shape, into) {
  const dir = installFolder('eg-user-setup-', into);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-app', private: true, type: runner.type }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      // cdk init's compiler options (module commonjs); the ES module app uses Node's own module resolution.
      compilerOptions: {
        target: 'ES2022',
        module: runner.type === 'module' ? 'NodeNext' : 'commonjs',
        ...(runner.type === 'module' ? { moduleResolution: 'NodeNext' } : {}),
        lib: ['es2022'],
        strict: true,
        noImplicitAny: true,
        strictNullChecks: true,
        noUnusedLocals: false,
        declaration: true,
        inlineSourceMap: true,
        inlineSources: true,
        experimentalDecorators: true,
        strictPropertyInitialization: false,
        types: ['node'],
        skipLibCheck: false,
      },
    }),
  );
  for (const variant of [...CDK_VARIANTS, ...FLOOR_VARIANTS])
    writeFileSync(join(dir, `${variant}.ts`), appSource(variant, shape));
  return dir;
}

function cdkSample(dir, runner, variant, shape, { keepOutput = false } = {}) {
  const outdir = cdkOutdir(dir, variant);
  const sample = timed(runner.command, [...runner.args.slice(0, -1), `${variant}.ts`], {
    cwd: dir,
    env: cdkCliEnv(outdir),
  });
  if (!keepOutput) rmSync(outdir, { recursive: true, force: true });
  const outcome = /@@outcome (.*)/.exec(sample.stdout)?.[1];
  const tooFew = variant === 'guard-failing' && Number(/(\d+) error/.exec(outcome ?? '')?.[1]) < shape.roles;
  if (!outcome || !expectedOutcome(variant).test(outcome) || tooFew)
    throw new Error(`${variant}: ${outcome ?? 'no outcome'} (exit ${sample.status})\n${sample.stderr.slice(-3000)}`);
  return sample;
}

function cdkOutdir(dir, variant) {
  return join(dir, `cdk.out-${variant}`);
}

/**
 * A gate must not change what is deployed: each guard variant's templates, byte for byte, are the bare app's (the
 * aspect once wrote templates without the BootstrapVersion parameter and rule that the synthesizer adds).
 */
function assertSameTemplates(dir, variants) {
  const templates = (variant) =>
    readdirSync(cdkOutdir(dir, variant))
      .filter((file) => file.endsWith('.template.json'))
      .sort();
  const bare = templates('bare');
  for (const variant of variants) {
    const files = templates(variant);
    if (files.join() !== bare.join()) throw new Error(`${variant}: wrote templates ${files} where bare wrote ${bare}`);
    for (const file of files) {
      const read = (from) => readFileSync(join(cdkOutdir(dir, from), file), 'utf8');
      if (read(variant) !== read('bare')) throw new Error(`${variant}: ${file} differs from the bare app's`);
    }
  }
}

function benchCdk() {
  const shapes = args.shapes ? args.shapes.split(',') : args.large ? ['small', 'large'] : ['small'];
  const runners = args.runners.split(',');
  for (const key of [...runners, ...shapes])
    if (!Object.values(RUNNERS).some((runner) => runner.key === key) && !SHAPES[key])
      throw new Error(`--runners/--shapes: unknown ${key}`);
  for (const shapeName of shapes) {
    const shape = SHAPES[shapeName];
    const resources = shape.roles * 2 + shape.users + shape.secrets * 2;
    for (const [runnerName, runner] of Object.entries(RUNNERS).filter(([, { key }]) => runners.includes(key))) {
      if (args['write-apps']) {
        const dir = appFolder(runner, shape, join(args['write-apps'], `${shapeName}-${runner.key}`));
        console.log(
          `${runnerName}, ${shapeName}: cd ${dir} && ${runner.command} ${runner.args.slice(0, -1).concat('<variant>.ts').join(' ')} (${CDK_VARIANTS.join(', ')})`,
        );
        continue;
      }
      const dir = appFolder(runner, shape);
      try {
        const loads = [load()];
        const rounds = [];
        for (let round = 0; round < ROUNDS; round++) {
          const samples = {};
          for (let index = 0; index < CDK_VARIANTS.length; index++) {
            const variant = CDK_VARIANTS[(round + index) % CDK_VARIANTS.length];
            samples[variant] = cdkSample(dir, runner, variant, shape, { keepOutput: round === 0 });
          }
          if (round === 0) {
            assertSameTemplates(dir, ['guard', 'guard-failing']);
            for (const variant of CDK_VARIANTS) rmSync(cdkOutdir(dir, variant), { recursive: true, force: true });
          }
          rounds.push(samples);
        }
        loads.push(load());
        printCdk(
          `${shapeName} app (${shape.stacks} stack${shape.stacks > 1 ? 's' : ''}, ${resources} resources) · ${runnerName}`,
          rounds,
          loads,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

function printCdk(title, rounds, loads) {
  console.log(`\n## CDK: ${title} · load ${loads.join(' → ')}`);
  console.log(
    'variant        | wall s | added wall          | CPU s | added CPU           | added / AwsSolutionsChecks added (wall, CPU) | peak RSS MiB',
  );
  const base = (key) => median(rounds.map((round) => round.bare[key]));
  const added = (variant, key) => rounds.map((round) => round[variant][key] - round.bare[key]);
  const nagAdded = (key) => median(added('awssolutions', key));
  for (const variant of CDK_VARIANTS) {
    const cells = [variant.padEnd(14), s(median(rounds.map((round) => round[variant].wall))).padStart(6)];
    for (const key of ['wall', 'cpu']) {
      if (variant === 'bare') {
        cells.push('—'.padEnd(19));
      } else {
        const diffs = added(variant, key);
        cells.push(
          `${s(median(diffs))} (${pct(median(diffs), base(key))}; ${s(quantile(diffs, 0.25))}…${s(quantile(diffs, 0.75))})`.padEnd(
            19,
          ),
        );
      }
      if (key === 'wall') cells.push(s(median(rounds.map((round) => round[variant].cpu))).padStart(5));
    }
    const ratio = (key) => (median(added(variant, key)) / nagAdded(key)).toFixed(2);
    cells.push(variant.startsWith('guard') ? `${ratio('wall')}, ${ratio('cpu')}`.padEnd(44) : '—'.padEnd(44));
    cells.push(median(rounds.map((round) => round[variant].rss)).toFixed(0));
    console.log(cells.join(' | '));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// pulumi
// ---------------------------------------------------------------------------------------------------------------

/** A pack that does nothing: one resource policy and one stack policy that return at once. */
function doNothingPack() {
  const dir = mkdtempSync(join(tmpdir(), 'eg-do-nothing-pack-'));
  mkdirSync(join(dir, 'node_modules', '@pulumi'), { recursive: true });
  for (const name of ['@pulumi/policy', '@pulumi/pulumi'])
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'do-nothing', version: '0.0.1', main: 'index.js' }));
  writeFileSync(join(dir, 'PulumiPolicy.yaml'), 'runtime: nodejs\n');
  writeFileSync(
    join(dir, 'index.js'),
    `const { PolicyPack } = require('@pulumi/policy');
new PolicyPack('do-nothing', { policies: [
  { name: 'nothing-per-resource', description: 'does nothing', enforcementLevel: 'mandatory', validateResource: () => {} },
  { name: 'nothing-per-stack', description: 'does nothing', enforcementLevel: 'mandatory', validateStack: () => {} },
] });
`,
  );
  return dir;
}

/**
 * An organisation's pack as `policypack/README.md` shows it (createPolicyPack with its catalog), with this package
 * installed in the pack's own node_modules as `npm install` leaves it: its code then loads through the install's
 * code cache, written once the first stack is answered, which a pack started from this checkout has no folder for.
 */
function publishedPack(catalogPath) {
  const dir = installFolder('eg-published-pack-');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-org-pack', version: '0.0.1', main: 'index.js' }),
  );
  writeFileSync(join(dir, 'PulumiPolicy.yaml'), 'runtime: nodejs\n');
  writeFileSync(
    join(dir, 'index.js'),
    `const { createPolicyPack } = require('entitlement-guard/pulumi');
createPolicyPack({ name: 'bench-org-entitlements', catalog: ${JSON.stringify(catalogPath)} });
`,
  );
  return dir;
}

/** User + system CPU ms a running process has used so far (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A running process's peak resident set so far, in MiB (Linux: VmHWM in /proc/<pid>/status). */
function peakRssMiB(pid) {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function benchPulumi() {
  const count = 10_000;
  const records = pulumiStack(count);
  const engine = await startEngine();
  const nothing = doNothingPack();
  let published;
  const loads = [load()];
  try {
    const { allRules } = await import('../dist/src/rules/index.js');
    const { effectiveLevel } = await import('../dist/src/engine/evaluate.js');
    const { loadCatalog } = await import('../dist/catalog/index.js');
    const catalogPath = join(ROOT, 'examples', 'catalog.yaml');
    const catalog = loadCatalog(catalogPath);
    const ourConfig = Object.fromEntries(
      allRules.map((rule) => [
        rule.meta.id,
        { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalogPath } },
      ]),
    );
    published = publishedPack(catalogPath);
    const packs = {
      'do-nothing': { dir: nothing, config: {} },
      'entitlement-guard': { dir: join(ROOT, 'policypack'), config: ourConfig },
      // Its catalog is built in: a stack config naming one is refused, so it is configured with none.
      'entitlement-guard (published)': { dir: published, config: {} },
    };
    for (const option of args['pulumi-pack']) {
      const [name, dir] = option.split('=');
      if (!name || !dir || packs[name]) throw new Error(`--pulumi-pack ${option}: expected a new name=directory`);
      packs[name] = { dir, config: ourConfig };
    }
    const samples = Object.fromEntries(Object.keys(packs).map((name) => [name, []]));
    const names = Object.keys(packs);
    for (let round = 0; round < ROUNDS; round++) {
      // Each pack takes each place in the order in turn.
      for (const name of names.map((_, index) => names[(index + round) % names.length])) {
        const { dir, config } = packs[name];
        const pack = await startPack(dir, engine.address);
        // The pack's own CPU until it served its port: start-up, which the load of a shared machine moves less than wall.
        const startupCpu = processCpuMs(pack.pid);
        const client = analyzerClient(pack.port);
        try {
          await client.configure(config);
          // Built before the clock starts: marshalling the stack is the engine's work, not the pack's.
          const request = analyzeStackRequest(records);
          let started = performance.now();
          let cpu = processCpuMs(pack.pid);
          const diagnostics = (await client.sendAnalyzeStack(request)).length;
          const stackMs = performance.now() - started;
          const stackCpu = processCpuMs(pack.pid) - cpu;
          started = performance.now();
          cpu = processCpuMs(pack.pid);
          for (const record of records) await client.analyze(record);
          const resourceMs = performance.now() - started;
          const resourceCpu = processCpuMs(pack.pid) - cpu;
          samples[name].push({
            startup: pack.startupMs,
            startupCpu,
            stackMs,
            stackCpu,
            resourceMs,
            resourceCpu,
            rss: peakRssMiB(pack.pid),
            diagnostics,
          });
        } finally {
          client.close();
          await pack.stop();
        }
      }
    }
    loads.push(load());
    console.log(
      `\n## Pulumi: ${count} resources over the analyzer protocol · ${ROUNDS} rounds · load ${loads.join(' → ')}`,
    );
    const values = (name, key) => samples[name].map((sample) => sample[key]);
    const m = (name, key) => median(values(name, key));
    /** Median per resource in µs, with the range over rounds. */
    const perResource = (name, key) => {
      const all = values(name, key).map((value) => (value / count) * 1000);
      return `${median(all).toFixed(0).padStart(4)} [${Math.min(...all).toFixed(0)}–${Math.max(...all).toFixed(0)}]`;
    };
    const width = Math.max(...names.map((name) => name.length)) + 1;
    console.log(
      "wall µs per resource (the pack process's CPU µs per resource), median [range over rounds]; start-up wall (CPU) ms; peak RSS of the pack process",
    );
    for (const name of names) {
      console.log(
        `${name.padEnd(width)} start-up ${m(name, 'startup').toFixed(0).padStart(5)} (${m(name, 'startupCpu').toFixed(0)}) ms · AnalyzeStack ${perResource(name, 'stackMs')} (${perResource(name, 'stackCpu')}) · ` +
          `Analyze ${perResource(name, 'resourceMs')} (${perResource(name, 'resourceCpu')}) · peak RSS ${m(name, 'rss').toFixed(0)} MiB · ${samples[name][0].diagnostics} stack diagnostics`,
      );
    }
    // Each round's figure against the do-nothing pack's of the same round, so that a change of load between rounds
    // falls on both sides: the median of those, and their range.
    const paired = (ours, key, combine) => {
      const each = samples[ours].map((sample, round) => combine(sample[key], samples['do-nothing'][round][key]));
      return { median: median(each), min: Math.min(...each), max: Math.max(...each) };
    };
    const ratio = (ours, key) => {
      const { median: mid, min, max } = paired(ours, key, (a, b) => a / b);
      return `${mid.toFixed(2)}× [${min.toFixed(2)}–${max.toFixed(2)}]`;
    };
    const added = (ours, key) => {
      const { median: mid, min, max } = paired(ours, key, (a, b) => a - b);
      return `${mid.toFixed(0)} ms [${min.toFixed(0)}–${max.toFixed(0)}]`;
    };
    for (const ours of names.filter((name) => name !== 'do-nothing')) {
      console.log(
        `targets (${ours}): AnalyzeStack ${perResource(ours, 'stackMs').trim()} µs/resource wall, ${perResource(ours, 'stackCpu').trim()} CPU (≤ 300) · ` +
          `Analyze ${ratio(ours, 'resourceMs')} do-nothing wall, ${ratio(ours, 'resourceCpu')} CPU (≤ 1.2) · ` +
          `start-up ${added(ours, 'startup')} wall, ${added(ours, 'startupCpu')} CPU over do-nothing (≤ +200)`,
      );
    }
    const [first, ...cached] = samples['entitlement-guard (published)'];
    if (cached.length > 0)
      console.log(
        `the published pack's start-up: ${first.startup.toFixed(0)} ms wall (${first.startupCpu} ms CPU) the first time, ` +
          `before its code cache is written; ${median(cached.map((one) => one.startup)).toFixed(0)} ms ` +
          `(${median(cached.map((one) => one.startupCpu)).toFixed(0)} ms CPU) after, median of ${cached.length}`,
      );
  } finally {
    rmSync(nothing, { recursive: true, force: true });
    if (published) rmSync(published, { recursive: true, force: true });
    await engine.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// cli
// ---------------------------------------------------------------------------------------------------------------

function benchCli() {
  const sizes = args['cli-sizes'].split(',').map(Number);
  const figures = [];
  for (const size of sizes) figures.push(benchCliSize(size));
  if (figures.length < 2) return;
  // Linear memory: each step up in size adds about the same MiB per 1,000 resources.
  console.log('\n## CLI: peak RSS by size (linear when each step adds about the same MiB per 1,000 resources)');
  console.log(
    'resources | read + parse MiB (per 1,000 more) | check MiB (per 1,000 more) | check CPU / read + parse CPU',
  );
  figures.forEach(({ resources, parseRss, checkRss, ratio }, index) => {
    const previous = figures[index - 1];
    const slope = (now, before) =>
      previous ? `(${((1000 * (now - before)) / (resources - previous.resources)).toFixed(2)})` : '';
    console.log(
      `${String(resources).padStart(9)} | ${`${parseRss.toFixed(0)} ${slope(parseRss, previous?.parseRss)}`.padEnd(32)} | ${`${checkRss.toFixed(0)} ${slope(checkRss, previous?.checkRss)}`.padEnd(26)} | ${ratio.toFixed(2)}×`,
    );
  });
}

function benchCliSize(size) {
  const dir = mkdtempSync(join(tmpdir(), 'eg-cdk-out-'));
  try {
    const resources = writeCdkOut(dir, size);
    // Reads the manifest and every template, parsed by `parse` (an expression naming a function of the text) and
    // read back through `resources` (what follows the call to reach the Resources section).
    const readTemplates = (prelude, parse, resources) =>
      `${prelude} const dir = process.argv[1];` +
      `const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')); let count = 0;` +
      `for (const artifact of Object.values(manifest.artifacts)) count += Object.keys(${parse}(readFileSync(join(dir, artifact.properties.templateFile), 'utf8'))${resources}).length;` +
      `console.log(count);`;
    const readAndParse = readTemplates(
      `const { readFileSync } = require('node:fs'); const { join } = require('node:path');`,
      'JSON.parse',
      '.Resources',
    );
    // The same reads through the check's JSON parser (duplicate keys refused, key positions kept for findings' lines).
    const readAndParseLocated = readTemplates(
      `const { parseLocatedJson } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'util', 'located-json.js')).href)});` +
        `const { readFileSync } = await import('node:fs'); const { join } = await import('node:path');`,
      'parseLocatedJson',
      '.value.Resources',
    );
    // The check's own loading (catalog, reading, the strict located parse, the model), judging and reporting nothing:
    // what any check of this cdk.out costs before its first rule runs, through the CLI's own loader.
    const loadOnly =
      `const { loadChange } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'cli', 'load-inputs.js')).href)});` +
      `const loaded = loadChange({ paths: [process.argv[1]], catalogPath: process.argv[2] });` +
      `if (!('model' in loaded)) { console.error(loaded.errors.join('\\n')); process.exit(2); }` +
      `console.log(loaded.model.identities.length);`;
    const loads = [load()];
    const samples = { parse: [], located: [], model: [], check: [] };
    let exit;
    const names = Object.keys(samples);
    for (let round = 0; round < ROUNDS; round++) {
      // Each takes the first place in turn.
      const order = names.map((_, index) => names[(index + round) % names.length]);
      for (const name of order) {
        if (name === 'parse') {
          samples.parse.push(timed(process.execPath, ['--input-type=commonjs', '-e', readAndParse, dir]));
          continue;
        }
        if (name === 'located') {
          const located = timed(process.execPath, ['--input-type=module', '-e', readAndParseLocated, dir]);
          if (located.status !== 0)
            throw new Error(`located parse exited ${located.status}: ${located.stderr.slice(-2000)}`);
          samples.located.push(located);
          continue;
        }
        if (name === 'model') {
          const model = timed(process.execPath, ['--input-type=module', '-e', loadOnly, dir, CATALOGS.compliant]);
          if (model.status !== 0) throw new Error(`loading exited ${model.status}: ${model.stderr.slice(-2000)}`);
          samples.model.push(model);
          continue;
        }
        const check = timed(process.execPath, [
          join(ROOT, 'dist', 'bundle', 'cli.js'),
          'check',
          dir,
          '--catalog',
          CATALOGS.compliant,
          '--format',
          'text',
        ]);
        if (check.status !== 0 && check.status !== 1)
          throw new Error(`check exited ${check.status}: ${check.stderr.slice(-2000)}`);
        exit = check.status;
        samples.check.push(check);
      }
    }
    loads.push(load());
    const m = (name, key) => median(samples[name].map((sample) => sample[key]));
    const range = (name, key) =>
      `${s(Math.min(...samples[name].map((sample) => sample[key])))}…${s(Math.max(...samples[name].map((sample) => sample[key])))}`;
    const times = (name) =>
      `${(m(name, 'wall') / m('parse', 'wall')).toFixed(2)}× wall, ${(m(name, 'cpu') / m('parse', 'cpu')).toFixed(2)}× CPU`;
    console.log(
      `\n## CLI: cdk.out of ${resources} resources in ${Math.ceil(resources / 500)} templates · load ${loads.join(' → ')}`,
    );
    console.log(
      `read + JSON.parse       wall ${s(m('parse', 'wall'))} s · CPU ${s(m('parse', 'cpu'))} s (${range('parse', 'cpu')}) · peak RSS ${m('parse', 'rss').toFixed(0)} MiB`,
    );
    console.log(
      `read + located parse    wall ${s(m('located', 'wall'))} s · CPU ${s(m('located', 'cpu'))} s (${range('located', 'cpu')}) · peak RSS ${m('located', 'rss').toFixed(0)} MiB · ${times('located')} read + parse`,
    );
    console.log(
      `check's loading only    wall ${s(m('model', 'wall'))} s · CPU ${s(m('model', 'cpu'))} s (${range('model', 'cpu')}) · peak RSS ${m('model', 'rss').toFixed(0)} MiB · ${times('model')} read + parse`,
    );
    console.log(
      `entitlement-guard check wall ${s(m('check', 'wall'))} s · CPU ${s(m('check', 'cpu'))} s (${range('check', 'cpu')}) · peak RSS ${m('check', 'rss').toFixed(0)} MiB · exit ${exit}`,
    );
    const ratio = m('check', 'cpu') / m('parse', 'cpu');
    console.log(`target: check ≤ 2× read + parse: ${times('check')}`);
    return { resources, parseRss: m('parse', 'rss'), checkRss: m('check', 'rss'), ratio };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (ONLY.has('imports')) benchImports();
if (ONLY.has('cdk')) benchCdk();
if (ONLY.has('pulumi')) await benchPulumi();
if (ONLY.has('cli')) benchCli();
