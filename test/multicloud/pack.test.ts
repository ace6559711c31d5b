/**
 * The Azure, Google Cloud and Kubernetes examples through the policy pack as `pulumi preview --policy-pack` runs it:
 * the pack started by Pulumi's own runner, diagnostics over the analyzer gRPC protocol (the harness of
 * test/pulumi), resources captured from the example programs under the SDK's mocks. Needs the build
 * (`npm run build`, which `npm test` runs first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import { allRules } from '../../src/rules/index.js';
import { EXAMPLE_PROGRAMS } from './support/capture.js';
import { analyzerClient, captureProgram, startEngine, startPack, type AnalyzerClient, type CapturedResource, type Diagnostic, type RunningPack } from '../pulumi/support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PACK_DIR = path('../../policypack');
const CATALOG = path('../../examples/catalog.yaml');

type Program = keyof typeof EXAMPLE_PROGRAMS;

let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;
const programs = {} as Record<Program, CapturedResource[]>;

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js'))) throw new Error('the policy pack is not built: run `npm run build` first');
  engine = await startEngine();
  const captures = (Object.keys(EXAMPLE_PROGRAMS) as Program[]).map(async (program) => {
    const { file, project } = EXAMPLE_PROGRAMS[program];
    programs[program] = await captureProgram(file, 'update', { project });
  });
  [pack] = await Promise.all([startPack(PACK_DIR, engine.address), ...captures]);
  client = analyzerClient(pack.port);
  // What the CLI sends for an org pack around the example catalog: each policy at the catalog's level.
  const catalog = parseCatalog(readFileSync(CATALOG, 'utf8'), CATALOG);
  await client.configure(Object.fromEntries(allRules.map((rule) => [rule.meta.id, { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalogPath: CATALOG } }])));
}, 120_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
});

/** `policy level resource-name` per diagnostic, distinct and sorted; the catalog-wide exception finding left out. */
function summary(diagnostics: Diagnostic[]): string[] {
  const lines = diagnostics.filter((d) => d.policyName !== 'exception-expiry').map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.split('::').pop() ?? ''}`);
  return [...new Set(lines)].sort();
}

describe('the pack over the analyzer protocol, beyond AWS', () => {
  it('blocks the Azure program: client secrets, Owner and Global Administrator, a wildcard custom role, an untrusted subject, a Key Vault secret (advisory: its value may come from stack config)', async () => {
    const diagnostics = await client.analyzeStack(programs.azureBad);
    expect(summary(diagnostics)).toEqual([
      'no-long-lived-credentials advisory storage-connection',
      'no-long-lived-credentials mandatory analytics-deploy-secret',
      'no-long-lived-credentials mandatory legacy-reporting-password',
      'no-wildcard-privilege mandatory analytics-deploy-global-admin',
      'no-wildcard-privilege mandatory analytics-deploy-owner',
      'no-wildcard-privilege mandatory etl-ops-everything',
      'require-entitlement mandatory analytics-deploy-global-admin',
      'require-entitlement mandatory analytics-deploy-owner',
      'require-entitlement mandatory etl-identity',
      'require-entitlement mandatory legacy-reporting',
      'require-owner mandatory legacy-reporting',
      'restrict-trust mandatory etl-identity-github',
      'secret-rotation mandatory storage-connection',
    ]);
    const secret = diagnostics.find((d) => d.policyName === 'no-long-lived-credentials' && d.urn.endsWith('::analytics-deploy-secret'))!;
    expect(secret.urn).toBe('urn:pulumi:dev::payments-azure::azuread:index/servicePrincipalPassword:ServicePrincipalPassword::analytics-deploy-secret');
    expect(secret.message).toMatch(/^Client secret analytics-deploy-secret on analytics-deploy ends 2099-01-01T00:00:00Z, \d+ days from now: class service allows at most 60 days\./);
    expect(secret.message).toContain('request a catalog exception for rule no-long-lived-credentials, target analytics-deploy');
  });

  it('blocks the Google Cloud program: a user-managed key, basic and impersonation roles, allUsers, an unconditioned pool, an unrotated secret (its value advisory)', async () => {
    expect(summary(await client.analyzeStack(programs.gcpBad))).toEqual([
      'no-long-lived-credentials advisory partner-api-token',
      'no-long-lived-credentials mandatory analytics-etl-key',
      'no-wildcard-privilege mandatory analytics-etl-editor',
      'no-wildcard-privilege mandatory ci-deployer-token-creator',
      'no-wildcard-privilege mandatory reports-public',
      'require-entitlement mandatory analytics-etl-editor',
      'require-entitlement mandatory ci-deployer-token-creator',
      'require-owner mandatory partner-api-token',
      'restrict-trust mandatory github-actions',
      'secret-rotation mandatory partner-api-token',
    ]);
  });

  it('blocks the Kubernetes program: cluster-admin, RBAC wildcards and escalation verbs, a token Secret, a secret set by the program (advisory)', async () => {
    expect(summary(await client.analyzeStack(programs.k8s))).toEqual([
      'no-long-lived-credentials advisory payments-db',
      'no-long-lived-credentials mandatory ci-deployer-token',
      'no-wildcard-privilege mandatory batch-runner',
      'no-wildcard-privilege mandatory batch-runner-anything',
      'no-wildcard-privilege mandatory batch-runner-secret-reader',
      'no-wildcard-privilege mandatory ci-deployer',
      'no-wildcard-privilege mandatory ci-deployer-cluster-admin',
      'require-entitlement mandatory batch-runner',
      'require-entitlement mandatory ci-deployer-cluster-admin',
      'require-owner mandatory batch-runner',
      'require-owner mandatory payments-db',
    ]);
  });

  it('lets the compliant Azure and Google Cloud programs through', async () => {
    for (const program of ['azureGood', 'gcpGood'] as const) {
      expect(summary(await client.analyzeStack(programs[program]))).toEqual([]);
    }
  });
});
