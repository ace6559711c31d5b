/**
 * An organisation's pack, built with createPolicyPack({ catalog }), over the analyzer protocol as `pulumi preview
 * --policy-pack` runs it: every way a stack's policy config could loosen it (disable a rule, lower its level,
 * replace or extend the catalog) gives the organisation's verdict, and a stricter level is the stack's to choose.
 * The generic pack given a catalog through the config advertises the defaults but reports the catalog's levels.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { allRules } from '../../src/rules/index.js';
import {
  analyzerClient,
  captureProgram,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type Diagnostic,
  type Level,
  type RunningPack,
} from './support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const ORG_PACK = path('./org-pack');
const GENERIC_PACK = path('../../policypack');
const CATALOG = path('../../examples/catalog.yaml');
const BAD = path('../../examples/pulumi-aws/bad/index.ts');

let engine: Awaited<ReturnType<typeof startEngine>>;
let orgPack: RunningPack;
let genericPack: RunningPack;
let org: AnalyzerClient;
let generic: AnalyzerClient;
let bad: CapturedResource[];

beforeAll(async () => {
  engine = await startEngine();
  [orgPack, genericPack, bad] = await Promise.all([
    startPack(ORG_PACK, engine.address),
    startPack(GENERIC_PACK, engine.address),
    captureProgram(BAD, 'update'),
  ]);
  org = analyzerClient(orgPack.port);
  generic = analyzerClient(genericPack.port);
}, 120_000);

afterAll(async () => {
  org?.close();
  generic?.close();
  await orgPack?.stop();
  await genericPack?.stop();
  await engine?.close();
});

function lines(diagnostics: Diagnostic[]): string[] {
  return [
    ...new Set(diagnostics.map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.split('::').pop() ?? ''}`.trim())),
  ].sort();
}

/** What the Pulumi CLI sends: every policy at the level the pack advertises, with the given overrides. */
async function configureAdvertised(
  client: AnalyzerClient,
  overrides: Record<string, { enforcementLevel?: Level; properties?: Record<string, unknown> }> = {},
  properties: Record<string, unknown> = {},
) {
  const info = await client.getAnalyzerInfo();
  const configs = Object.fromEntries(
    info.policies.map((policy) => [policy.name, { enforcementLevel: policy.enforcementLevel, properties }]),
  );
  await client.configure({ ...configs, ...overrides });
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { details?: string }) => error.details,
  );

describe('an org pack built with createPolicyPack({ catalog })', () => {
  let baseline: string[];

  beforeAll(async () => {
    await configureAdvertised(org);
    baseline = lines(await org.analyzeStack(bad));
  });

  it('blocks the bad program on its own catalog', () => {
    expect(baseline).toContain('restrict-trust mandatory gh-actions-deploy');
    expect(baseline).toContain('secret-rotation mandatory orders-db-password');
  });

  it('a stack config that disables a mandatory rule gets the org verdict: the rule still runs, mandatory', async () => {
    await configureAdvertised(org, { 'restrict-trust': { enforcementLevel: 'disabled' } });
    expect(lines(await org.analyzeStack(bad))).toEqual(baseline);
  });

  it('a stack config that lowers a mandatory rule to advisory gets the org verdict', async () => {
    await configureAdvertised(org, {
      'secret-rotation': { enforcementLevel: 'advisory' },
      'restrict-trust': { enforcementLevel: 'advisory' },
    });
    expect(lines(await org.analyzeStack(bad))).toEqual(baseline);
  });

  it('disabling every rule at once changes nothing either', async () => {
    await org.configure(
      Object.fromEntries(allRules.map((rule) => [rule.meta.id, { enforcementLevel: 'disabled' as const }])),
    );
    expect(lines(await org.analyzeStack(bad))).toEqual(baseline);
  });

  it('a stack config that replaces the catalog (a self-approved target "*" exception inline) is refused, naming why', async () => {
    const loose = {
      apiVersion: 'entitlement-guard/v1',
      owners: [{ id: 'team-x' }],
      exceptions: [
        {
          id: 'EXC-1',
          rule: 'restrict-trust',
          target: '*',
          reason: 'r',
          owner: 'team-x',
          approvedBy: 'team-x',
          expires: '2099-12-31',
        },
      ],
    };
    expect(await rejection(configureAdvertised(org, { 'restrict-trust': { properties: { catalog: loose } } }))).toBe(
      `entitlement-guard policy "restrict-trust", config "catalog": this pack holds the organisation's catalog (${CATALOG}); stack configuration may not ` +
        "replace or extend it (the organisation's pack allows that only with createPolicyPack({ allowStackCatalog: true }))",
    );
  });

  it('a stack config that points every policy at another catalog file is refused', async () => {
    const details = await rejection(configureAdvertised(org, {}, { catalogPath: CATALOG }));
    expect(details).toContain(
      `config "catalogPath": this pack holds the organisation's catalog (${CATALOG}); stack configuration may not replace or extend it`,
    );
  });

  it("a stricter level is the stack's to choose: exception-expiry (advisory in the catalog) made mandatory", async () => {
    await configureAdvertised(org);
    expect(baseline).toContain('exception-expiry advisory');
    await configureAdvertised(org, { 'exception-expiry': { enforcementLevel: 'mandatory' } });
    const stricter = lines(await org.analyzeStack(bad));
    expect(stricter).toContain('exception-expiry mandatory');
    expect(stricter.filter((line) => !line.startsWith('exception-expiry'))).toEqual(
      baseline.filter((line) => !line.startsWith('exception-expiry')),
    );
  });
});

describe('the generic pack with the catalog in its config', () => {
  it('reports the levels of that catalog, not the defaults it advertised: restrict-trust advisory there is advisory here', async () => {
    const document = parse(readFileSync(CATALOG, 'utf8')) as { rules: Record<string, string> };
    document.rules['restrict-trust'] = 'advisory';
    const file = join(mkdtempSync(join(tmpdir(), 'eg-org-')), 'catalog.yaml');
    writeFileSync(file, stringify(document));
    const advertised = (await generic.getAnalyzerInfo()).policies.find(
      (policy) => policy.name === 'restrict-trust',
    )!.enforcementLevel;
    expect(advertised).toBe('mandatory');
    await configureAdvertised(generic, {}, { catalogPath: file });
    const reported = lines(await generic.analyzeStack(bad));
    expect(reported).toContain('restrict-trust advisory gh-actions-deploy');
    expect(reported).toContain('secret-rotation mandatory orders-db-password');
  });
});

describe('the published pack with entitlement-catalog.yaml beside it', () => {
  let published: RunningPack;
  let client: AnalyzerClient;

  beforeAll(async () => {
    published = await startPack(path('./published-pack-with-catalog'), engine.address);
    client = analyzerClient(published.port);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await published?.stop();
  });

  it('reads the catalog once, for every policy, and advertises its levels', async () => {
    const levels = Object.fromEntries(
      (await client.getAnalyzerInfo()).policies.map((policy) => [policy.name, policy.enforcementLevel]),
    );
    expect(levels).toMatchObject({
      'restrict-trust': 'advisory',
      'exception-expiry': 'mandatory',
      'no-long-lived-credentials': 'mandatory',
    });
  });

  it('refuses a stack config that names another catalog for some policy', async () => {
    const details = await rejection(client.configure({ 'require-owner': { properties: { catalogPath: CATALOG } } }));
    expect(details).toContain('config "catalogPath": this pack holds the organisation\'s catalog');
    expect(details).toContain('published-pack-with-catalog/entitlement-catalog.yaml');
  });
});
