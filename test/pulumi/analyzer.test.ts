/**
 * The pack end to end, as `pulumi preview --policy-pack policypack` runs it: the example programs run under the
 * SDK's mocks, the pack is started by Pulumi's own runner, and the diagnostics come back over the analyzer gRPC
 * protocol. Needs the build (`npm run build`, which `npm test` runs first): the pack ships compiled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultCatalog, parseCatalog } from '../../catalog/index.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import { remediationText } from '../../src/rules/define.js';
import { allRules } from '../../src/rules/index.js';
import {
  analyzerClient,
  capturePrograms,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type Diagnostic,
  type Level,
  type RunningPack,
} from './support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PACK_DIR = path('../../policypack');
const CATALOG = path('../../examples/catalog.yaml');
const BAD = path('../../examples/pulumi-aws/bad/index.ts');
const GOOD = path('../../examples/pulumi-aws/good/index.ts');
const SECRET_SOURCES = path('./programs/secret-sources.ts');
/** The key of the engine's wire form of a secret: `{ <key>: <secret signature>, value }`. */
const SECRET_SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const RULE_IDS = allRules.map((rule) => rule.meta.id);

let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;
const programs: Record<'badUpdate' | 'badPreview' | 'goodUpdate' | 'secretSources', CapturedResource[]> = {
  badUpdate: [],
  badPreview: [],
  goodUpdate: [],
  secretSources: [],
};

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  engine = await startEngine();
  // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
  [pack, [programs.badUpdate, programs.badPreview, programs.goodUpdate, programs.secretSources]] = await Promise.all([
    startPack(PACK_DIR, engine.address),
    capturePrograms([
      { program: BAD, mode: 'update' },
      { program: BAD, mode: 'preview' },
      { program: GOOD, mode: 'update' },
      {
        program: SECRET_SOURCES,
        mode: 'update',
        config: { 'payments:dbPassword': 'from-the-stack-config' },
        secretKeys: ['payments:dbPassword'],
      },
    ]),
  ]);
  client = analyzerClient(pack.port);
}, 120_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
});

/**
 * What the CLI sends: every policy with its level (by default the example catalog's level for the rule, as a
 * platform team would set it; `null` leaves it unset) and the catalog setting.
 */
function exampleConfig(level?: Level | null, properties: Record<string, unknown> = { catalogPath: CATALOG }) {
  const catalog = parseCatalog(readFileSync(CATALOG, 'utf8'), CATALOG);
  return Object.fromEntries(
    allRules.map((rule) => {
      const enforcementLevel = level === undefined ? effectiveLevel(rule, catalog) : level;
      return [rule.meta.id, { ...(enforcementLevel ? { enforcementLevel } : {}), properties }];
    }),
  );
}

/** `policy level resource-name` per diagnostic, distinct and sorted: what a reviewer reads off the preview. */
function summary(diagnostics: Diagnostic[]): string[] {
  return [
    ...new Set(diagnostics.map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.split('::').pop() ?? ''}`.trim())),
  ].sort();
}

function resourceNamed(records: CapturedResource[], name: string): CapturedResource {
  return records.find((record) => record.name === name)!;
}

const BAD_STACK_FINDINGS = [
  // Nothing in the program watches the break-glass role's use (the catalog's class is monitored): advisory, it may be watched elsewhere.
  'break-glass-isolation advisory break-glass-admin',
  'break-glass-isolation mandatory break-glass-admin',
  'exception-expiry advisory',
  'no-privilege-escalation mandatory orders-lambda-role',
  'no-wildcard-privilege mandatory analytics-role-s3',
  'no-wildcard-privilege mandatory orders-lambda-role-admin',
  'require-entitlement mandatory analytics-role',
  'require-entitlement mandatory etl-batch-user',
  'require-entitlement mandatory gh-actions-deploy',
  'require-entitlement mandatory orders-lambda-role',
  'require-entitlement mandatory scratch-role',
  'require-entitlement mandatory support-agent',
  'require-owner mandatory etl-batch-user',
  'require-owner mandatory scratch-role',
  'restrict-trust mandatory gh-actions-deploy',
  'secret-rotation mandatory orders-db-password',
  'session-within-class mandatory support-agent',
];

describe('policy pack over the analyzer protocol', () => {
  it('starts as the CLI starts it and describes one policy per rule', async () => {
    const info = await client.getAnalyzerInfo();
    expect(info).toMatchObject({ name: 'entitlement-guard', version: '0.1.0', supportsConfig: true });
    expect(info.policies.map((policy) => policy.name)).toEqual(RULE_IDS);
    for (const [index, rule] of allRules.entries()) {
      expect(info.policies[index]).toMatchObject({
        description: rule.meta.title,
        enforcementLevel: effectiveLevel(rule, defaultCatalog()),
        remediationSteps: remediationText(rule.meta),
        url: '', // package.json names no repository: no rule link rather than one that does not resolve
        tags: ['entitlement-guard', ...rule.meta.frameworks],
      });
      expect(Object.keys(info.policies[index]!.configSchema ?? {}).sort()).toEqual([
        'auditFile',
        'catalog',
        'catalogPath',
      ]);
    }
    const keys = info.policies.find((policy) => policy.name === 'no-long-lived-credentials')!;
    expect(keys.policyType).toBe(1); // resource: it also validates each resource before it is created
    expect(keys.framework).toEqual({
      name: 'OWASP Non-Human Identities Top 10',
      version: '2025',
      reference: 'NHI7',
      specification: 'Long-Lived Secrets',
    });
    expect(info.policies.find((policy) => policy.name === 'require-owner')!.policyType).toBe(2);
    expect(await client.getPluginInfo()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs on the built-in defaults with no configuration', async () => {
    await client.configure({});
    const keyDiagnostics = await client.analyze(resourceNamed(programs.badUpdate, 'etl-batch-user-key'));
    expect(summary(keyDiagnostics)).toEqual(['no-long-lived-credentials mandatory etl-batch-user-key']);
    const stack = summary(await client.analyzeStack(programs.badUpdate));
    expect(stack).toContain('require-owner mandatory scratch-role');
    expect(stack).toContain('no-wildcard-privilege mandatory analytics-role-s3');
  });

  it('blocks the bad program: each mistake under its rule, on its URN', async () => {
    await client.configure(exampleConfig());
    const diagnostics = await client.analyzeStack(programs.badUpdate);
    expect(summary(diagnostics)).toEqual(BAD_STACK_FINDINGS);
    expect(diagnostics.every((d) => d.policyPackName === 'entitlement-guard')).toBe(true);
    const breakGlass = diagnostics.find(
      (d) => d.policyName === 'break-glass-isolation' && d.enforcementLevel === 'mandatory',
    )!;
    expect(breakGlass.urn).toBe('urn:pulumi:dev::payments::aws:iam/role:Role::break-glass-admin');
    expect(breakGlass.message).toContain(
      'can be assumed by ci-deployer (arn:aws:iam::111122223333:role/ci-deployer), an identity of class workload',
    );
    expect(breakGlass.message).toContain(
      'request a catalog exception for rule break-glass-isolation, target break-glass-admin',
    );
  });

  it('stops the access key in Analyze, before it exists, and does not report it twice', async () => {
    await client.configure(exampleConfig());
    const key = resourceNamed(programs.badUpdate, 'etl-batch-user-key');
    const [diagnostic, ...rest] = await client.analyze(key);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({
      policyName: 'no-long-lived-credentials',
      enforcementLevel: 'mandatory',
      urn: 'urn:pulumi:dev::payments::aws:iam/accessKey:AccessKey::etl-batch-user-key',
      description: 'No long-lived credentials',
    });
    expect(diagnostic!.message).toMatch(/^AWS access key etl-batch-user-key for etl-batch-user is a long-lived secret/);
    const stack = await client.analyzeStack(programs.badUpdate);
    expect(stack.filter((d) => d.policyName === 'no-long-lived-credentials')).toEqual([]);
    for (const record of programs.badUpdate.filter((r) => r !== key)) expect(await client.analyze(record)).toEqual([]);
  });

  it('in preview, reports what waits for apply at advisory and names it; the rest is decided', async () => {
    await client.configure(exampleConfig());
    const diagnostics = await client.analyzeStack(programs.badPreview);
    const pending = diagnostics.filter(
      (d) =>
        d.urn.endsWith('::break-glass-admin') &&
        d.enforcementLevel === 'advisory' &&
        !d.message.includes('is not watched by anything'),
    );
    expect(pending.map((d) => d.policyName).sort()).toEqual(['break-glass-isolation', 'restrict-trust']);
    for (const d of pending) {
      expect(d.message).toContain('cannot be verified until apply');
      expect(d.message).toContain(
        'break-glass-admin.assumeRolePolicy (output of aws:iam/role:Role ci-deployer) is not known until apply',
      );
    }
    // Everything else is known in preview and gives the same verdicts as the update.
    const decided = summary(diagnostics.filter((d) => !pending.includes(d)));
    expect(decided).toEqual(
      BAD_STACK_FINDINGS.filter((line) => line !== 'break-glass-isolation mandatory break-glass-admin'),
    );
    expect(summary(await client.analyze(resourceNamed(programs.badPreview, 'etl-batch-user-key')))).toEqual([
      'no-long-lived-credentials mandatory etl-batch-user-key',
    ]);
  });

  it('lets the good program through: no mandatory diagnostic', async () => {
    await client.configure(exampleConfig());
    const diagnostics = await client.analyzeStack(programs.goodUpdate);
    expect(
      diagnostics
        .filter((d) => d.enforcementLevel === 'mandatory')
        .map((d) => `${d.policyName} ${d.urn}: ${d.message}`),
    ).toEqual([]);
    for (const record of programs.goodUpdate) expect(await client.analyze(record)).toEqual([]);
  });

  it('reads the catalog inline from the policy config, with the same verdicts as from the file', async () => {
    await client.configure(exampleConfig(undefined, { catalog: parse(readFileSync(CATALOG, 'utf8')) }));
    expect(summary(await client.analyzeStack(programs.badUpdate))).toEqual(BAD_STACK_FINDINGS);
  });

  it('takes per-rule enforcement from the config only where it is stricter: disabled and an unset level (advisory) never loosen the catalog', async () => {
    const configs = exampleConfig(null);
    configs['secret-rotation'] = { enforcementLevel: 'disabled', properties: { catalogPath: CATALOG } };
    configs['exception-expiry'] = { enforcementLevel: 'mandatory', properties: { catalogPath: CATALOG } };
    await client.configure(configs);
    const stack = summary(await client.analyzeStack(programs.badUpdate));
    // The catalog makes secret-rotation mandatory: the stack's `disabled` is raised back to it.
    expect(stack).toContain('secret-rotation mandatory orders-db-password');
    // The catalog makes require-owner mandatory; Pulumi's unset level is advisory; the stricter one holds.
    expect(stack).toContain('require-owner mandatory scratch-role');
    // Stricter than the catalog (advisory) is the stack's to choose.
    expect(stack).toContain('exception-expiry mandatory');
  });

  it('refuses a catalog named for some policies only: the others would run on another catalog', async () => {
    const configs = exampleConfig(null, {});
    for (const id of ['no-long-lived-credentials', 'require-owner', 'restrict-trust'])
      configs[id] = { properties: { catalogPath: CATALOG } };
    const failure = await client.configure(configs).then(
      () => undefined,
      (error: { details?: string }) => error.details,
    );
    expect(failure).toBe(
      `entitlement-guard policy "no-wildcard-privilege", config "catalogPath": not set, while 3 of ${RULE_IDS.length} policies name the catalog ` +
        '(no-long-lived-credentials, require-owner, restrict-trust): ' +
        'this policy would run on another catalog. Set catalogPath for every policy, or put the catalog in entitlement-catalog.yaml beside the pack',
    );
  });

  // A policy cannot tell a config secret from a literal (pulumi/pulumi-policy#241): the AWS SDK wraps every
  // secretString in pulumi.secret, so all three arrive in the same secret wire form, and the policy SDK unwraps
  // secrets before a policy sees the properties. So none blocks (that would block the recommended config secret);
  // each gets the same advisory reminder. Revisit once Pulumi passes the difference on.
  it('does not block a secret value from stack config, and reminds alike of every value the program sets', async () => {
    await client.configure(exampleConfig());
    const versions = programs.secretSources.filter(
      (record) => record.type === 'aws:secretsmanager/secretVersion:SecretVersion',
    );
    expect(versions.map((version) => Object.keys(version.outputs.secretString as object))).toEqual(
      Array(3).fill([SECRET_SIGNATURE_KEY, 'value']),
    );
    const diagnostics = await client.analyzeStack(programs.secretSources);
    expect(diagnostics.filter((d) => d.message.includes('written in the IaC source'))).toEqual([]);
    const reminders = diagnostics.filter((d) => d.message.includes('gets its value from the Pulumi program'));
    expect(summary(reminders)).toEqual(
      ['from-config', 'literal', 'wrapped-literal'].map((name) => `no-long-lived-credentials advisory ${name}`),
    );
  });

  /** The error of a configuration: refused when the pack receives it (Configure), or when a policy first reads it. */
  const failureOf = async (configs: Parameters<AnalyzerClient['configure']>[0]) => {
    try {
      await client.configure(configs);
      await client.analyzeStack(programs.badUpdate);
      return undefined;
    } catch (error) {
      return (error as { details?: string }).details;
    }
  };

  it('fails closed on an invalid catalog in the config, with its location', async () => {
    const failure = await failureOf(
      exampleConfig(undefined, {
        catalog: {
          apiVersion: 'entitlement-guard/v1',
          owners: [{ id: 'team-a' }],
          identities: [{ id: 'x', owner: 'team-b', class: 'service', entitlements: [] }],
        },
      }),
    );
    // The pack reads the catalog once for every policy when the configuration arrives; the first policy by name reports it.
    expect(failure).toContain('entitlement-guard policy "break-glass-isolation", config "catalog": invalid catalog');
    expect(failure).toMatch(/policy config break-glass-isolation\.catalog:\d+:\d+: identities\[0\]\.owner/);
    // What the user reads: the SDK's one-line preamble, then the located error, and no JavaScript stack frames.
    expect(failure).not.toMatch(/^\s+at /m);
  });

  it('fails closed when the config names the catalog twice or sets an unknown key', async () => {
    const reject = (properties: Record<string, unknown>) => failureOf(exampleConfig(undefined, properties));
    expect(await reject({ catalogPath: CATALOG, catalog: {} })).toContain(
      'config "catalogPath": both catalogPath and catalog are set; set one',
    );
    expect(await reject({ catalogFile: CATALOG })).toContain(
      'config "catalogFile": unknown setting; expected catalogPath, catalog or auditFile',
    );
    expect(await reject({ catalogPath: '/nonexistent/catalog.yaml' })).toContain('cannot read catalog');
    expect(await reject({ catalogFile: CATALOG })).not.toMatch(/^\s+at /m);
  });
});
