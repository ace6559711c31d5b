/**
 * The package's CDK entry points, as an app imports them from dist/ (run after `npm run build`): cdk-nag is an
 * optional peer dependency, so only `entitlement-guard/cdk-nag` may load it; the engine and the audit writer are
 * loaded on first use, not on import.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Imports `specifier` in a fresh Node process; returns its export names and how many cdk-nag modules got loaded. */
function importInFreshProcess(specifier: string): { exports: string[]; cdkNagModules: number } {
  const script = `
    import { createRequire } from 'node:module';
    const loaded = await import(${JSON.stringify(specifier)});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ exports: Object.keys(loaded).sort(), cdkNagModules: cache.filter((file) => file.includes('/node_modules/cdk-nag/')).length }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { exports: string[]; cdkNagModules: number };
}

describe('CDK entry points', () => {
  it('entitlement-guard/cdk gives the aspect and the validation plugin without loading cdk-nag', () => {
    const { exports, cdkNagModules } = importInFreshProcess('entitlement-guard/cdk');
    expect(exports).toEqual(expect.arrayContaining(['EntitlementGuard', 'EntitlementGuardValidation']));
    expect(exports).not.toContain('EntitlementGuardChecks');
    expect(cdkNagModules).toBe(0);
  });

  it('entitlement-guard/cdk-nag gives the cdk-nag pack', () => {
    const { exports, cdkNagModules } = importInFreshProcess('entitlement-guard/cdk-nag');
    expect(exports).toEqual(['EntitlementGuardChecks', 'NAG_PACK_PREFIX']);
    expect(cdkNagModules).toBeGreaterThan(0);
  });
});

/** The files an ES module of dist/bundle imports, directly or through the files it imports (relative imports only). */
function staticImportClosure(entry: string): string[] {
  const directory = new URL('../../dist/bundle/', import.meta.url);
  const found = new Set([entry]);
  for (const file of found) {
    const source = readFileSync(new URL(file, directory), 'utf8');
    for (const [, imported] of source.matchAll(/^(?:import|export)\b[^;]*?from\s*"\.\/([^"]+)"/gm))
      found.add(imported!);
  }
  return [...found].sort();
}

/** Requires `entitlement-guard/cdk` in a fresh process, then synthesizes an app with the aspect: which of our files were loaded when. */
function cdkFilesLoaded(): { onImport: string[]; afterSynth: string[] } {
  const script = `
    const { App, Aspects, Stack } = require('aws-cdk-lib');
    const iam = require('aws-cdk-lib/aws-iam');
    const ours = () => Object.keys(require.cache).filter((file) => file.includes('/dist/cjs/')).map((file) => file.replace(/.*\\/dist\\/cjs\\//, '')).sort();
    const { EntitlementGuard } = require('entitlement-guard/cdk');
    const onImport = ours();
    const app = new App();
    new iam.Role(new Stack(app, 'S'), 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    Aspects.of(app).add(new EntitlementGuard());
    app.synth();
    console.log(JSON.stringify({ onImport, afterSynth: ours() }));`;
  const child = spawnSync(process.execPath, ['--input-type=commonjs', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { onImport: string[]; afterSynth: string[] };
}

describe('what importing entitlement-guard/cdk loads', () => {
  it('the ES module entry imports none of its own modules: it requires the CommonJS build, which requires the engine and the audit writer on first use', () => {
    expect(staticImportClosure('cdk.js')).toEqual(['cdk.js']);
    expect(staticImportClosure('cdk-nag.js')).toEqual(['cdk-nag.js']);
    const source = readFileSync(new URL('../../dist/bundle/cdk.js', import.meta.url), 'utf8');
    expect(source).toMatch(/\(["']\.\.\/cjs\/cdk\.cjs["']\)/);
    const commonJs = readFileSync(new URL('../../dist/cjs/cdk.cjs', import.meta.url), 'utf8');
    // Each half through the install's code cache (src/util/code-cache.ts).
    // (The code cache is a module of its own, which the Pulumi entry shares: its functions are called through it.)
    expect(commonJs).toMatch(
      /requireWithCodeCache\([^,]+, ["']\.\/cdk-engine\.cjs["'], (\w+\.)?installCodeCache\(\)\)/,
    );
    expect(commonJs).toMatch(/requireWithCodeCache\([^,]+, ["']\.\/cdk-audit\.cjs["'], (\w+\.)?installCodeCache\(\)\)/);
  });

  it("the Pulumi entry, ES module or CommonJS, loads the pack through the install's code cache", () => {
    expect(staticImportClosure('pulumi.js')).toEqual(['pulumi.js']);
    const source = readFileSync(new URL('../../dist/bundle/pulumi.js', import.meta.url), 'utf8');
    expect(source).toMatch(/\(["']\.\.\/cjs\/pulumi\.cjs["']\)/);
    const commonJs = readFileSync(new URL('../../dist/cjs/pulumi.cjs', import.meta.url), 'utf8');
    expect(commonJs).toMatch(/requireWithCodeCache\([^,]+, ["']\.\/pulumi-pack\.cjs["'], installCodeCache\(\)\)/);
  });

  it('an ES module app loads the CommonJS build on import, and its engine when the first stack is checked', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { App, Aspects, Stack } from 'aws-cdk-lib';
      import * as iam from 'aws-cdk-lib/aws-iam';
      import { EntitlementGuard } from 'entitlement-guard/cdk';
      const ours = () => Object.keys(createRequire(import.meta.url).cache).filter((file) => !file.includes('/node_modules/') && file.includes('/dist/')).map((file) => file.replace(/.*\\/dist\\//, '')).sort();
      const onImport = ours();
      const app = new App();
      new iam.Role(new Stack(app, 'S'), 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      Aspects.of(app).add(new EntitlementGuard());
      const errors = app.synth().stacks.flatMap((stack) => stack.messages).filter((message) => message.level === 'error');
      const required = createRequire(import.meta.url)('entitlement-guard/cdk');
      console.log(JSON.stringify({ onImport, afterSynth: ours(), errors: errors.length, sameClass: required.EntitlementGuard === EntitlementGuard }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const { onImport, afterSynth, errors, sameClass } = JSON.parse(child.stdout) as {
      onImport: string[];
      afterSynth: string[];
      errors: number;
      sameClass: boolean;
    };
    expect(onImport).toContain('cjs/cdk.cjs');
    expect(
      onImport.filter((file) => /^cjs\/(cdk-engine|cdk-audit|rotation|to-model|evaluate|engine|audit)/.test(file)),
    ).toEqual([]);
    expect(afterSynth).toContain('cjs/cdk-engine.cjs');
    expect(afterSynth).not.toContain('cjs/cdk-audit.cjs');
    // One build: an app (or a library it uses) that requires the package gets the very classes it imports.
    expect(sameClass).toBe(true);
    // The role has no owner the default catalog knows: the engine judged it.
    expect(errors).toBeGreaterThan(0);
  });

  it('the CommonJS build carries the build id a cached catalog is bound to (catalog/cache.ts), once', () => {
    // Only the CDK front-end caches catalogs, and it is the CommonJS build in both builds: the ES module build has none.
    for (const [folder, count] of [
      ['bundle', 0],
      ['cjs', 1],
    ] as const) {
      const directory = new URL(`../../dist/${folder}/`, import.meta.url);
      const ids = readdirSync(directory)
        .filter((file) => /\.c?js$/.test(file))
        .flatMap((file) => [
          ...readFileSync(new URL(file, directory), 'utf8').matchAll(/BUILD_ID = "([0-9a-f]{32})"/g),
        ]);
      expect(ids.map(([, id]) => id)).toHaveLength(count);
    }
  });

  it('the CommonJS build loads the engine when the first stack is checked, and the audit writer only with auditFile', () => {
    const { onImport, afterSynth } = cdkFilesLoaded();
    expect(onImport).not.toContain('cdk-engine.cjs');
    expect(onImport.filter((file) => /^(rotation|to-model|evaluate|audit)/.test(file))).toEqual([]);
    expect(afterSynth).toContain('cdk-engine.cjs');
    expect(afterSynth).not.toContain('cdk-audit.cjs');
  });

  it('the CommonJS files an app loads after an entry point end in .cjs and hold no "import": tsx compiles them unscanned', () => {
    // tsx lexes each `.js` file holding "import" or "export" and each `.cjs` file holding "import" for ES module
    // syntax (scripts/bundle.mjs, COMMONJS_OUTPUT): 150 ms of CPU for the engine half, more than it takes to compile.
    const directory = new URL('../../dist/cjs/', import.meta.url);
    const files = readdirSync(directory).filter((file) => /\.c?js$/.test(file));
    expect(files.filter((file) => !file.endsWith('.cjs'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['cdk.cjs', 'cdk-nag.cjs', 'index.cjs', 'pulumi.cjs']));
    expect(files.filter((file) => readFileSync(new URL(file, directory), 'utf8').includes('import'))).toEqual([]);
  });
});

describe('the built files', () => {
  it('are ASCII: a character beyond it is an escape, so Node holds each file as a one-byte string (scripts/bundle.mjs)', () => {
    for (const folder of ['bundle', 'cjs']) {
      const directory = new URL(`../../dist/${folder}/`, import.meta.url);
      const files = readdirSync(directory).filter((file) => /\.c?js$/.test(file));
      expect(files.length).toBeGreaterThan(5);
      for (const file of files)
        expect(
          readFileSync(new URL(file, directory), 'utf8').match(/\P{ASCII}/u)?.[0],
          `${folder}/${file}`,
        ).toBeUndefined();
    }
  });
});
