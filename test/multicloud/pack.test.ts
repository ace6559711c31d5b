/**
 * The Azure, Google Cloud and Kubernetes examples through the policy pack as `pulumi preview --policy-pack` runs it:
 * the pack started by Pulumi's own runner, diagnostics over the analyzer gRPC protocol (the harness of
 * test/pulumi), resources captured from the example programs under the SDK's mocks. Needs the build
 * (`npm run build`, which `npm test` runs first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import { allRules } from '../../src/rules/index.js';
import { EXAMPLE_PROGRAMS, ROUTE_PROGRAMS, stackResources } from './support/capture.js';
import { AZURE_ROLES, GCP_BINDINGS, K8S_ROUTES } from './support/expected.js';
import {
  analyzerClient,
  captureInParallel,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type Diagnostic,
  type RunningPack,
} from '../pulumi/support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PACK_DIR = path('../../policypack');
const CATALOG = path('../../examples/catalog.yaml');

type Program = keyof typeof EXAMPLE_PROGRAMS;
/** The programs whose credential's holder is followed from preview to update. */
const PREVIEWED = ['gcpBad', 'k8s'] as const;

let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;
const programs = {} as Record<Program, CapturedResource[]>;
const routePrograms = {} as Record<keyof typeof ROUTE_PROGRAMS, CapturedResource[]>;
const previews = {} as Record<(typeof PREVIEWED)[number], CapturedResource[]>;

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  engine = await startEngine();
  // The pack first: its start-up limit is not spent waiting behind a dozen program captures on a loaded machine.
  pack = await startPack(PACK_DIR, engine.address);
  // Every capture in two processes (see captureInParallel), each program's update before its preview.
  const examples = Object.keys(EXAMPLE_PROGRAMS) as Program[];
  const routes = Object.keys(ROUTE_PROGRAMS) as (keyof typeof ROUTE_PROGRAMS)[];
  const records = await captureInParallel([
    ...examples.map((program) => ({
      program: EXAMPLE_PROGRAMS[program].file,
      mode: 'update' as const,
      project: EXAMPLE_PROGRAMS[program].project,
    })),
    ...PREVIEWED.map((program) => ({
      program: EXAMPLE_PROGRAMS[program].file,
      mode: 'preview' as const,
      project: EXAMPLE_PROGRAMS[program].project,
    })),
    ...routes.map((program) => ({
      program: ROUTE_PROGRAMS[program].file,
      mode: 'update' as const,
      project: ROUTE_PROGRAMS[program].project,
    })),
  ]);
  examples.forEach((program, index) => (programs[program] = records[index]!));
  PREVIEWED.forEach((program, index) => (previews[program] = records[examples.length + index]!));
  routes.forEach((program, index) => (routePrograms[program] = records[examples.length + PREVIEWED.length + index]!));
  client = analyzerClient(pack.port);
  await configureCatalog({ catalogPath: CATALOG });
}, 120_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
});

/** What the CLI sends for an org pack around the example catalog: each policy at the catalog's level, with the given catalog setting. */
async function configureCatalog(properties: Record<string, unknown>): Promise<void> {
  const catalog = parseCatalog(readFileSync(CATALOG, 'utf8'), CATALOG);
  await client.configure(
    Object.fromEntries(
      allRules.map((rule) => [rule.meta.id, { enforcementLevel: effectiveLevel(rule, catalog), properties }]),
    ),
  );
}

function resourceNamed(records: CapturedResource[], name: string): CapturedResource {
  return records.find((record) => record.name === name)!;
}

/** `policy level resource-name` per diagnostic, distinct and sorted; the catalog-wide exception finding left out. */
function summary(diagnostics: Diagnostic[]): string[] {
  const lines = diagnostics
    .filter((d) => d.policyName !== 'exception-expiry')
    .map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.split('::').pop() ?? ''}`);
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
      'no-wildcard-privilege mandatory ops-everything',
      'require-entitlement mandatory analytics-deploy-global-admin',
      'require-entitlement mandatory analytics-deploy-owner',
      'require-entitlement mandatory etl-identity',
      'require-entitlement mandatory legacy-reporting',
      'require-owner mandatory legacy-reporting',
      'restrict-trust mandatory etl-identity-github',
      'secret-rotation mandatory storage-connection',
    ]);
    const secret = diagnostics.find(
      (d) => d.policyName === 'no-long-lived-credentials' && d.urn.endsWith('::analytics-deploy-secret'),
    )!;
    expect(secret.urn).toBe(
      'urn:pulumi:dev::payments-azure::azuread:index/servicePrincipalPassword:ServicePrincipalPassword::analytics-deploy-secret',
    );
    expect(secret.message).toMatch(
      /^Client secret analytics-deploy-secret on analytics-deploy ends 2099-01-01T00:00:00Z, \d+ days from now: class service allows at most 60 days\./,
    );
    // An Azure display name is not unique in a tenant, so the hint names the service principal by its Pulumi name in
    // its project and stack, which no other identity of the stack carries (README, waivers).
    expect(secret.message).toContain(
      'request a catalog exception for rule no-long-lived-credentials, target pulumi:payments-azure/dev/analytics-deploy-sp.',
    );
  });

  it('blocks the Google Cloud program: a user-managed key, basic and impersonation roles, allUsers, an unconditioned pool, an unrotated secret (its value advisory)', async () => {
    expect(summary(await client.analyzeStack(programs.gcpBad))).toEqual([
      'no-long-lived-credentials advisory partner-api-token',
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
      'no-wildcard-privilege mandatory batch-anything',
      'no-wildcard-privilege mandatory batch-runner',
      'no-wildcard-privilege mandatory batch-runner-anything',
      'no-wildcard-privilege mandatory batch-runner-secret-reader',
      'no-wildcard-privilege mandatory ci-deployer',
      'no-wildcard-privilege mandatory ci-deployer-cluster-admin',
      'no-wildcard-privilege mandatory secret-reader',
      'require-entitlement mandatory batch-runner',
      'require-entitlement mandatory ci-deployer-cluster-admin',
      'require-owner mandatory batch-runner',
      'require-owner mandatory payments-db',
    ]);
  });

  it('stops the GCP key and the Kubernetes token Secret in Analyze, before they exist; the stack policy does not report them again', async () => {
    const credentials = [
      {
        program: 'gcpBad',
        name: 'analytics-etl-key',
        urn: 'urn:pulumi:dev::analytics-gcp::gcp:serviceaccount/key:Key::analytics-etl-key',
        message: /^User-managed service-account key analytics-etl-key for analytics-etl is a private key/,
      },
      {
        program: 'k8s',
        name: 'ci-deployer-token',
        urn: 'urn:pulumi:dev::payments-k8s::kubernetes:core/v1:Secret::ci-deployer-token',
        message: /^Service-account token Secret ci-deployer-token for ci-deployer holds a token/,
      },
    ] as const;
    for (const { program, name, urn, message } of credentials) {
      const credential = resourceNamed(programs[program], name);
      const [diagnostic, ...rest] = await client.analyze(credential);
      expect(rest).toEqual([]);
      expect(diagnostic).toMatchObject({ policyName: 'no-long-lived-credentials', enforcementLevel: 'mandatory', urn });
      expect(diagnostic!.message).toMatch(message);
      for (const record of programs[program].filter((r) => r !== credential))
        expect(await client.analyze(record)).toEqual([]);
    }
  });

  it("in preview, the GCP key's account is not known yet: the stack policy reports the key, as before; the token Secret's account is written in the program, so Analyze decides it", async () => {
    const key = resourceNamed(previews.gcpBad, 'analytics-etl-key');
    expect(key.inputs.serviceAccountId).toBe('04da6b54-80e4-46f7-96ec-b56ff0331ba9');
    expect(await client.analyze(key)).toEqual([]);
    expect(summary(await client.analyzeStack(previews.gcpBad))).toContain(
      'no-long-lived-credentials mandatory analytics-etl-key',
    );
    expect(summary(await client.analyze(resourceNamed(previews.k8s, 'ci-deployer-token')))).toEqual([
      'no-long-lived-credentials mandatory ci-deployer-token',
    ]);
    expect(
      summary(await client.analyzeStack(previews.k8s)).filter((line) => line.endsWith(' ci-deployer-token')),
    ).toEqual([]);
  });

  it('an exception for the holder by a name that binds (the accountId, unique in its project; the namespaced service-account id) waives its key in Analyze as in the whole stack', async () => {
    const exception = (id: string, target: string, owner: string) => ({
      id,
      rule: 'no-long-lived-credentials',
      target,
      reason: 'Vendor import, being replaced',
      owner,
      approvedBy: 'security-lead@example.com',
      approved: '2026-11-01',
      expires: '2027-10-31',
    });
    const document = parse(readFileSync(CATALOG, 'utf8')) as { exceptions: unknown[] };
    document.exceptions.push(
      exception('EXC-900', 'analytics-etl', 'team-data'),
      exception('EXC-901', 'system:serviceaccount:payments:ci-deployer', 'team-platform'),
    );
    const catalog = parseCatalog(JSON.stringify(document), 'catalog with exceptions');
    const waived = (exceptionId: string) =>
      expect.objectContaining({
        policyName: 'no-long-lived-credentials',
        enforcementLevel: 'advisory',
        message: expect.stringContaining(`Waived by catalog exception ${exceptionId}.`),
      });
    await configureCatalog({ catalog: document });
    try {
      for (const [program, name, exceptionId] of [
        ['gcpBad', 'analytics-etl-key', 'EXC-900'],
        ['k8s', 'ci-deployer-token', 'EXC-901'],
      ] as const) {
        const credential = resourceNamed(programs[program], name);
        expect(await client.analyze(credential)).toEqual([waived(exceptionId)]);
        // The stack policy leaves the credential to Analyze; the stack's own evaluation gives the same verdict.
        const stackFindings = evaluate(modelFromPulumiResources(stackResources(programs[program])), {
          catalog,
        }).findings;
        expect(
          stackFindings.filter((finding) => finding.resource.urn === credential.urn).map((finding) => finding.waivedBy),
        ).toEqual([exceptionId]);
      }
      // In preview the key is the stack policy's, and waived there alike.
      const key = resourceNamed(previews.gcpBad, 'analytics-etl-key');
      expect((await client.analyzeStack(previews.gcpBad)).filter((d) => d.urn === key.urn)).toEqual([
        waived('EXC-900'),
      ]);
    } finally {
      await configureCatalog({ catalogPath: CATALOG });
    }
  });

  it('gives the engine’s verdicts on every Kubernetes route, Azure role and Google Cloud binding form, definitions included', async () => {
    const expected = (lines: string[]) =>
      [...new Set(lines.map((line) => line.split(' ').slice(0, 3).join(' ')))].sort();
    const privilegeAndTrust = (lines: string[]) =>
      lines.filter((line) => /^(no-wildcard-privilege|restrict-trust) /.test(line));
    for (const [program, lines] of [
      ['k8sRoutes', K8S_ROUTES],
      ['azureRoles', AZURE_ROLES],
      ['gcpBindings', GCP_BINDINGS],
    ] as const) {
      expect(privilegeAndTrust(summary(await client.analyzeStack(routePrograms[program])))).toEqual(
        expected([...lines]),
      );
    }
    // The classic @pulumi/azure provider's resources (records as its SDK registers them; the package is not installed).
    const classic = (type: string, name: string, props: Record<string, unknown>): CapturedResource => ({
      type,
      name,
      urn: `urn:pulumi:dev::classic::${type}::${name}`,
      inputs: props,
      outputs: props,
      propertyDependencies: {},
    });
    const SUB = '/subscriptions/00000000-0000-0000-0000-0000000c1a55';
    expect(
      summary(
        await client.analyzeStack([
          classic('azure:authorization/userAssignedIdentity:UserAssignedIdentity', 'batch', {
            name: 'batch',
            resourceGroupName: 'batch',
            principalId: 'p-batch',
          }),
          classic('azure:authorization/roleDefinition:RoleDefinition', 'batch-admin', {
            name: 'Batch Admin',
            scope: SUB,
            permissions: [{ actions: ['*'] }],
          }),
          classic('azure:authorization/assignment:Assignment', 'batch-secrets', {
            scope: SUB,
            roleDefinitionName: 'KeyVaultSecretsUser',
            principalId: 'p-batch',
          }),
          classic('azure:authorization/assignment:Assignment', 'batch-blob-reader', {
            scope: `${SUB}/resourceGroups/batch`,
            roleDefinitionName: 'Storage Blob Data Reader',
            principalId: 'p-batch',
          }),
        ]),
      ).filter((line) => line.startsWith('no-wildcard-privilege')),
    ).toEqual(['no-wildcard-privilege mandatory batch-admin', 'no-wildcard-privilege mandatory batch-secrets']);
    // A definition is reported on the definition, with no identity: its URN is the role's own.
    const diagnostics = await client.analyzeStack(routePrograms.k8sRoutes);
    const definition = diagnostics.find((d) => d.urn.endsWith('::route-nodes-proxy'))!;
    expect(definition).toMatchObject({
      policyName: 'no-wildcard-privilege',
      enforcementLevel: 'mandatory',
      urn: 'urn:pulumi:dev::routes-k8s::kubernetes:rbac.authorization.k8s.io/v1:ClusterRole::route-nodes-proxy',
    });
    expect(definition.message).toMatch(
      /^ClusterRole route-nodes-proxy cluster-wide grants nodes\/proxy: the kubelet API/,
    );
  });

  it('lets the compliant Azure and Google Cloud programs through', async () => {
    for (const program of ['azureGood', 'gcpGood'] as const) {
      expect(summary(await client.analyzeStack(programs[program]))).toEqual([]);
    }
  });
});
