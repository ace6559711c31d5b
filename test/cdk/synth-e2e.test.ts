/**
 * End to end with the real `cdk synth` (aws-cdk CLI) on examples/cdk-app, which loads the built package
 * (`entitlement-guard/cdk` → dist/): run after `npm run build`, as `npm test` does. One synth per case,
 * shared by its assertions; the CDK's built-in CloudFormation validation is off (slow, and not under test).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { EXAMPLE_CATALOG, pairs, pluginViolations } from './support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const APP_DIR = join(ROOT, 'examples/cdk-app');
const BIN = join(ROOT, 'node_modules/.bin');

interface Synth {
  status: number | null;
  output: string;
  outdir: string;
}

/** `cdk synth` with each `key=value` as context (`-c`) and each `--flag` as given. */
function cdkSynth(...settings: string[]): Synth {
  if (!existsSync(join(ROOT, 'dist/bundle/cdk.js')))
    throw new Error('dist/bundle/cdk.js is missing: run `npm run build` first');
  const outdir = mkdtempSync(join(tmpdir(), 'eg-cdk-'));
  const args = [
    'synth',
    '--no-notices',
    '--app',
    `${process.execPath} bin/app.ts`,
    '-o',
    outdir,
    ...settings.flatMap((entry) => (entry.startsWith('--') ? [entry] : ['-c', entry])),
  ];
  const result = spawnSync(join(BIN, 'cdk'), args, {
    cwd: APP_DIR,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${BIN}${delimiter}${process.env.PATH}`,
      CDK_VALIDATION: 'false',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      NODE_ENV: 'production',
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, outdir };
}

/** Our annotations in the cloud assembly: (level, rule id, resource path). */
function assemblyAnnotations(outdir: string) {
  const metadata = JSON.parse(readFileSync(join(outdir, 'PaymentsBad.metadata.json'), 'utf8')) as Record<
    string,
    { type: string; data: string }[]
  >;
  return Object.values(metadata)
    .flat()
    .filter((entry) => typeof entry.data === 'string' && /^\[EntitlementGuard\] [a-z-]+ \(/.test(entry.data))
    .map((entry) => ({
      level: entry.type,
      ruleId: /^\[EntitlementGuard\] (\S+)/.exec(entry.data)![1]!,
      resource: /resource: (\S+)/.exec(entry.data)![1]!,
    }));
}

describe('cdk synth on the example app', () => {
  let bad: Synth;
  let good: Synth;
  let uncatalogued: Synth;
  let unguarded: Synth;
  beforeAll(() => {
    // Without the CDK's analytics, which record the app's constructs (the guards among them) in the template.
    const noAnalytics = '--no-version-reporting';
    bad = cdkSynth('stacks=bad', 'guard=all', 'audit=entitlement-audit.html', noAnalytics);
    unguarded = cdkSynth('stacks=bad', 'guard=none', noAnalytics);
    good = cdkSynth('stacks=good');
    uncatalogued = cdkSynth('stacks=good', 'guard=all', 'catalog=/nonexistent/catalog.yaml');
  }, 360_000);

  it('fails on the bad stack with every classic mistake, by rule id and construct path', () => {
    expect(bad.status).toBe(1);
    const errors = pairs(assemblyAnnotations(bad.outdir).filter((annotation) => annotation.level === 'aws:cdk:error'));
    for (const expected of [
      'no-long-lived-credentials PaymentsBad/EtlBatchUserKey/Resource',
      'no-wildcard-privilege PaymentsBad/OrdersLambdaRole/Resource',
      'no-wildcard-privilege PaymentsBad/AnalyticsRole/DefaultPolicy/Resource',
      'require-owner PaymentsBad/ScratchRole/Resource',
      'require-entitlement PaymentsBad/ScratchRole/Resource',
      'restrict-trust PaymentsBad/GhActionsDeploy/Resource',
      'secret-rotation PaymentsBad/OrdersDbPassword/Resource',
      'session-within-class PaymentsBad/SupportAgent/Resource',
      'break-glass-isolation PaymentsBad/BreakGlassAdmin/Resource',
    ]) {
      expect(errors).toContain(expected);
    }
    expect(errors.some((pair) => pair.includes('PaymentsBad/CiDeployer/'))).toBe(false);
    expect(bad.output).toContain('[EntitlementGuard] break-glass-isolation (mandatory)');
    expect(bad.output).toContain('PaymentsBad/BreakGlassAdmin');
  });

  it("locates each error at the app's construct: the toolkit prints the line of lib/stacks.ts that created it, never a line of this package", () => {
    // The toolkit's blocks for the aspect's annotations (the plugin and nag pack blocks carry the CDK's own construct trace).
    const blocks = bad.output
      .split('\n\n')
      .filter((block) => /^ERROR \[EntitlementGuard\] /m.test(block) && block.includes('(Construct Annotations)'));
    const located = blocks.map((block) => /^(\S+):\d+:\d+\nERROR /.exec(block)?.[1]);
    expect(located.length).toBeGreaterThanOrEqual(9);
    expect(new Set(located)).toEqual(new Set(['lib/stacks.ts']));
    expect(bad.output).toMatch(
      /^ {2}resource: PaymentsBad\/BreakGlassAdmin\/Resource .*\n {2}source: lib\/stacks\.ts:\d+:\d+$/m,
    );
    expect(blocks.filter((block) => /dist\/bundle|cdk-aspects\//.test(block))).toEqual([]);
  });

  it('gives the same (rule id, resource) findings from the aspect, the nag pack, the validation plugin and `check cdk.out`', () => {
    const aspect = assemblyAnnotations(bad.outdir);
    const cli = runCheck({ paths: [bad.outdir], catalogPath: EXAMPLE_CATALOG, format: 'json', toolVersion: 'test' });
    const cliFindings = cli.result!.findings.map((finding) => ({
      ruleId: finding.ruleId,
      resource: finding.resource.path ?? finding.resource.name,
    }));
    expect(cli.exitCode).toBe(1);
    expect(pairs(cliFindings)).toEqual(pairs(aspect));
    // cdk-nag hands packs L1 resources only: findings about the catalog itself (an expired exception) are not its to report.
    const onResources = aspect.filter((annotation) => annotation.resource.startsWith('PaymentsBad/'));
    expect(pairs(pluginViolations(bad.outdir, 'EntitlementGuardChecks'))).toEqual(pairs(onResources));
    // The validation plugin reports only what blocks: every finding here does.
    expect(pairs(pluginViolations(bad.outdir, 'EntitlementGuard'))).toEqual(
      pairs(aspect.filter((annotation) => annotation.level === 'aws:cdk:error')),
    );
  });

  it('writes the template the CDK writes with no guard, byte for byte, the BootstrapVersion check included', () => {
    const template = (synth: Synth) => readFileSync(join(synth.outdir, 'PaymentsBad.template.json'), 'utf8');
    expect(unguarded.status).toBe(0);
    expect(template(unguarded)).toContain('"CheckBootstrapVersion"');
    expect(template(bad)).toBe(template(unguarded));
  });

  it('writes the audit view of the app beside the templates in cdk.out', () => {
    const html = readFileSync(join(bad.outdir, 'entitlement-audit.html'), 'utf8');
    const planned = [...html.matchAll(/<tr [^>]*data-name="([^"]+)" data-origin="change"/g)].map((match) => match[1]);
    expect(planned).toEqual(
      expect.arrayContaining([
        'etl-batch-user',
        'orders-lambda-role',
        'scratch-role',
        'gh-actions-deploy',
        'support-agent',
        'break-glass-admin',
      ]),
    );
  });

  it("stops on a catalog it cannot read, in every front-end, located at the app's line that created it, with no line of this package", () => {
    expect(uncatalogued.status).toBe(1);
    const unreadable =
      'invalid catalog: 1 issue\n/nonexistent/catalog.yaml: cannot read catalog: cannot read file (ENOENT)';
    const at = (line: number, column: number) => `  source: bin/app.ts:${line}:${column}`;
    // The aspect's error annotation on the stack; the nag pack's and the plugin's violation (their constructors
    // keep the error for the report: thrown there, Node would print this package's throw line).
    expect(uncatalogued.output).toContain(
      `bin/app.ts:26:23\nERROR [EntitlementGuard] the stack was not checked: ${unreadable}\n${at(26, 23)} (Construct Annotations)`,
    );
    expect(uncatalogued.output).toContain(
      `FATAL [EntitlementGuard] the app was not checked: ${unreadable}\n${at(27, 72)} (EntitlementGuardChecks)`,
    );
    expect(uncatalogued.output).toContain(
      `FATAL [EntitlementGuard] the app was not checked: ${unreadable}\n${at(28, 75)} (EntitlementGuard)`,
    );
    expect(uncatalogued.output).not.toMatch(/dist\/bundle|dist\/cjs|cdk-aspects\/|^\s+at /m);
  });

  it('passes on the compliant stack', () => {
    expect(good.output).not.toContain('(mandatory)');
    expect(good.status).toBe(0);
  });
});
