/**
 * Issue 24 item 2 through the policy pack over the analyzer gRPC protocol: the trust and every-resource cases block
 * (mandatory) on the resources that make them, while the catalog sets require-entitlement to advisory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCatalog } from '../../catalog/index.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import { allRules } from '../../src/rules/index.js';
import {
  analyzerClient,
  captureProgram,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type RunningPack,
} from './support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG_FILE = path('../fixtures/cloudformation/semantics/catalog.yaml');

let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;
let resources: CapturedResource[];

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  engine = await startEngine();
  [pack, resources] = await Promise.all([
    startPack(path('../../policypack'), engine.address),
    captureProgram(path('./programs/gate-semantics.ts'), 'update'),
  ]);
  client = analyzerClient(pack.port);
  const document = parse(readFileSync(CATALOG_FILE, 'utf8')) as object;
  const catalog = parseCatalog(readFileSync(CATALOG_FILE, 'utf8'), CATALOG_FILE);
  await client.configure(
    Object.fromEntries(
      allRules.map((rule) => [
        rule.meta.id,
        { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalog: document } },
      ]),
    ),
  );
}, 120_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
});

describe('the pack reads trust and every-resource grants as IAM does', () => {
  it('blocks each case on the resource that makes it; require-entitlement stays advisory', async () => {
    const diagnostics = await client.analyzeStack(resources);
    const mandatory = diagnostics
      .filter((d) => d.enforcementLevel === 'mandatory')
      .map((d) => `${d.policyName} ${d.urn.split('::').pop()}`);
    expect([...new Set(mandatory)].sort()).toEqual([
      'no-privilege-escalation assume-any-role',
      'no-wildcard-privilege assume-any-role-policy',
      'no-wildcard-privilege pass-any-role-policy',
      'restrict-trust anyone-from-other-account',
      'restrict-trust anyone-self-compared',
    ]);
    expect(
      diagnostics.filter((d) => d.policyName === 'require-entitlement').every((d) => d.enforcementLevel === 'advisory'),
    ).toBe(true);
    const untrusted = diagnostics.find(
      (d) =>
        d.policyName === 'restrict-trust' &&
        d.urn.endsWith('::anyone-from-other-account') &&
        d.message.includes('999988887777'),
    )!;
    expect(untrusted.message).toContain(
      'Role anyone-from-other-account trusts account 999988887777 (Principal: "*" with StringEquals aws:PrincipalAccount "999988887777")',
    );
  });
});
