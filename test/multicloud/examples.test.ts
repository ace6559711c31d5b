/**
 * The Azure, Google Cloud and Kubernetes examples through the engine: each Pulumi program captured under the SDK's
 * mocks (update and preview) and read by the Pulumi adapter, the manifests read by the CLI, all held to the example
 * catalog. Exact findings per example; the compliant variants pass; the Kubernetes manifest and the same objects
 * written as a Pulumi program give the same verdicts; one audit table lists every identity of every cloud.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.js';
import { mergeModels, modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { buildAudit } from '../../src/audit/build.js';
import { runCheck } from '../../src/cli/check.js';
import { loadChange } from '../../src/cli/load-inputs.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { Model } from '../../src/model/model.js';
import { formatAuditMarkdown } from '../../src/reporters/audit-markdown.js';
import { captureInParallel, type CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { EXAMPLE_PROGRAMS, stackResources } from './support/capture.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const ROOT = path('../..');
const CATALOG = path('../../examples/catalog.yaml');
const catalog = loadCatalog(CATALOG);
// The programs compute dates from the clock (a Key Vault expiry 30 days ahead), as the pack evaluates them.
const now = new Date();

type Program = keyof typeof EXAMPLE_PROGRAMS;
const captured = {} as Record<`${Program}:${'update' | 'preview'}`, CapturedResource[]>;
/** examples/pulumi-aws/good as `pulumi up` registers it, for the multi-cloud audit. */
let awsGood: CapturedResource[];

beforeAll(async () => {
  // Every capture in two processes (see captureInParallel), with the AWS program the last test reads.
  const keys = (Object.keys(EXAMPLE_PROGRAMS) as Program[]).flatMap((program) =>
    (['update', 'preview'] as const).map((mode) => ({ program, mode })),
  );
  const records = await captureInParallel([
    ...keys.map(({ program, mode }) => ({
      program: EXAMPLE_PROGRAMS[program].file,
      mode,
      project: EXAMPLE_PROGRAMS[program].project,
    })),
    { program: path('../../examples/pulumi-aws/good/index.ts'), mode: 'update' },
  ]);
  keys.forEach(({ program, mode }, index) => (captured[`${program}:${mode}`] = records[index]!));
  awsGood = records[keys.length]!;
}, 120_000);

const modelOf = (key: keyof typeof captured): Model => modelFromPulumiResources(stackResources(captured[key]));

/** `rule level resource detail` per finding, distinct and sorted; catalog-wide exception findings left out. */
function summary(findings: readonly Finding[]): string[] {
  const lines = findings
    .filter((f) => f.ruleId !== 'exception-expiry')
    .map((f) => `${f.ruleId} ${f.pending ? 'pending' : f.level} ${f.resource.name} ${f.detail ?? ''}`.trim());
  return [...new Set(lines)].sort();
}
const findingsOf = (model: Model) => evaluate(model, { catalog, now }).findings;

const AZURE_BAD = [
  'no-long-lived-credentials advisory storage-connection Secret::value-in-program',
  'no-long-lived-credentials mandatory analytics-deploy-secret Credential::azure-client-secret',
  'no-long-lived-credentials mandatory legacy-reporting-password Credential::azure-client-secret',
  'no-wildcard-privilege mandatory analytics-deploy-global-admin Role::Global Administrator',
  'no-wildcard-privilege mandatory analytics-deploy-owner Role::Owner',
  'no-wildcard-privilege mandatory etl-ops-everything Role::Ops Everything',
  'no-wildcard-privilege mandatory ops-everything Privilege::all-actions+role-assignment',
  'require-entitlement mandatory analytics-deploy-global-admin Role::Global Administrator@directory',
  'require-entitlement mandatory analytics-deploy-owner Role::Owner@/subscriptions/00000000-0000-0000-0000-00000000c0de',
  'require-entitlement mandatory etl-identity Entitlement::none',
  'require-entitlement mandatory legacy-reporting Class::undeclared',
  'require-entitlement mandatory legacy-reporting Entitlement::none',
  'require-owner mandatory legacy-reporting Owner::missing',
  'restrict-trust mandatory etl-identity-github Subject::repo:example-co/analytics:pull_request',
  'secret-rotation mandatory storage-connection Expiry::none',
];

const GCP_BAD = [
  'no-long-lived-credentials advisory partner-api-token Secret::value-in-program',
  'no-long-lived-credentials mandatory analytics-etl-key Credential::gcp-service-account-key',
  'no-wildcard-privilege mandatory analytics-etl-editor Role::roles/editor',
  'no-wildcard-privilege mandatory ci-deployer-token-creator Role::roles/iam.serviceAccountTokenCreator',
  'no-wildcard-privilege mandatory reports-public Member::allUsers',
  'require-entitlement mandatory analytics-etl-editor Role::roles/editor@projects/example-co-analytics',
  'require-entitlement mandatory ci-deployer-token-creator Role::roles/iam.serviceAccountTokenCreator@projects/example-co-analytics',
  'require-owner mandatory partner-api-token Owner::missing',
  'restrict-trust mandatory github-actions Condition::attributeCondition',
  'restrict-trust mandatory github-actions Subject::*',
  'secret-rotation mandatory partner-api-token Rotation::none',
];

const K8S_BAD = [
  'no-long-lived-credentials mandatory ci-deployer-token Credential::k8s-service-account-token',
  'no-long-lived-credentials mandatory payments-db Secret::plaintext-value',
  'no-wildcard-privilege mandatory batch-anything Route::wildcard',
  'no-wildcard-privilege mandatory batch-runner Token::automount',
  // The wildcard Role reads every Secret of payments, ci-deployer's token Secret among them (h143, session 45).
  'no-wildcard-privilege mandatory batch-runner-anything Role::batch-anything/Route::secrets-read/Account::payments/ci-deployer',
  'no-wildcard-privilege mandatory batch-runner-anything Role::batch-anything/Route::wildcard',
  'no-wildcard-privilege mandatory batch-runner-secret-reader Role::secret-reader/Route::bind',
  'no-wildcard-privilege mandatory batch-runner-secret-reader Role::secret-reader/Route::escalate',
  'no-wildcard-privilege mandatory batch-runner-secret-reader Role::secret-reader/Route::secrets-read',
  'no-wildcard-privilege mandatory ci-deployer Token::automount',
  'no-wildcard-privilege mandatory ci-deployer-cluster-admin Role::cluster-admin',
  'no-wildcard-privilege mandatory secret-reader Route::bind',
  'no-wildcard-privilege mandatory secret-reader Route::escalate',
  'no-wildcard-privilege mandatory secret-reader Route::secrets-read',
  'require-entitlement mandatory batch-runner Class::undeclared',
  'require-entitlement mandatory batch-runner Entitlement::none',
  'require-entitlement mandatory ci-deployer-cluster-admin Role::cluster-admin@cluster',
  'require-owner mandatory batch-runner Owner::missing',
  'require-owner mandatory payments-db Owner::missing',
];

describe('Azure example (examples/pulumi-azure)', () => {
  it('blocks every mistake of the bad program, in update and in preview alike', () => {
    expect(summary(findingsOf(modelOf('azureBad:update')))).toEqual(AZURE_BAD);
    expect(summary(findingsOf(modelOf('azureBad:preview')))).toEqual(AZURE_BAD);
  });

  it('reads one workload identity per application and service principal, owned by the Azure AD group of the change', () => {
    const identities = modelOf('azureBad:update').identities.map((identity) => ({
      kind: identity.kind,
      name: identity.name,
      owners: identity.platformOwners ?? [],
      credentials: identity.credentials.map(
        (credential) =>
          `${credential.kind} ${credential.source.name}${credential.expiresAt ? ` until ${String(credential.expiresAt)}` : ''}`,
      ),
      grants: identity.grants.map((grant) =>
        grant.kind === 'role' ? `${String(grant.role)} @ ${String(grant.scope)}` : grant.kind,
      ),
    }));
    expect(identities).toEqual([
      {
        kind: 'azure-service-principal',
        name: 'analytics-deploy',
        owners: ['team-data'],
        credentials: ['azure-client-secret analytics-deploy-secret until 2099-01-01T00:00:00Z'],
        grants: ['Global Administrator @ directory', 'Owner @ /subscriptions/00000000-0000-0000-0000-00000000c0de'],
      },
      {
        kind: 'azure-application',
        name: 'legacy-reporting',
        owners: [],
        credentials: ['azure-client-secret legacy-reporting-password'],
        grants: [],
      },
      {
        kind: 'azure-managed-identity',
        name: 'etl-identity',
        owners: [],
        credentials: ['federated etl-identity-github'],
        grants: ['Ops Everything @ /subscriptions/00000000-0000-0000-0000-00000000c0de'],
      },
    ]);
  });

  it('lets the compliant program through', () => {
    expect(summary(findingsOf(modelOf('azureGood:update')))).toEqual([]);
    expect(summary(findingsOf(modelOf('azureGood:preview')))).toEqual([]);
  });
});

describe('Google Cloud example (examples/pulumi-gcp)', () => {
  it('blocks every mistake of the bad program', () => {
    expect(summary(findingsOf(modelOf('gcpBad:update')))).toEqual(GCP_BAD);
  });

  it('in preview the pool member waits for the pool name: the trust is pending, never passed, the rest is decided', () => {
    const preview = summary(findingsOf(modelOf('gcpBad:preview')));
    expect(preview).toEqual(
      [
        ...GCP_BAD.filter((line) => line !== 'restrict-trust mandatory github-actions Subject::*'),
        'restrict-trust pending github-actions Federated::unknown',
      ].sort(),
    );
  });

  it('lets the compliant program through; in preview only the pending subject is reported, at advisory level', () => {
    expect(summary(findingsOf(modelOf('gcpGood:update')))).toEqual([]);
    const preview = findingsOf(modelOf('gcpGood:preview')).filter((f) => f.ruleId !== 'exception-expiry');
    expect(preview.map((f) => [f.ruleId, f.level, f.message])).toEqual([
      [
        'restrict-trust',
        'advisory',
        'Federated credential github-actions of ci-deployer cannot be verified until apply: subject ci-deployer-workload-identity.member (output of gcp:iam/workloadIdentityPool:WorkloadIdentityPool github) is not known until apply.',
      ],
    ]);
  });
});

describe('Kubernetes example (examples/k8s)', () => {
  const check = (file: string) =>
    runCheck({
      paths: [file],
      catalogPath: 'examples/catalog.yaml',
      format: 'json',
      cwd: ROOT,
      now,
      toolVersion: 'test',
    });

  it('the CLI blocks every mistake of the bad manifest (multi-document YAML) and names the file', () => {
    const result = check('examples/k8s/bad.yaml');
    expect(result.exitCode).toBe(1);
    expect(summary(result.result!.findings)).toEqual(K8S_BAD);
    expect(
      new Set(result.result!.findings.filter((f) => f.ruleId !== 'exception-expiry').map((f) => f.resource.file)),
    ).toEqual(new Set(['examples/k8s/bad.yaml']));
  });

  it('the CLI lets the compliant manifest through (exit 0) and reads a directory of manifests', () => {
    const good = check('examples/k8s/good.yaml');
    expect(good.exitCode).toBe(0);
    expect(summary(good.result!.findings)).toEqual([]);
    const directory = runCheck({
      paths: ['examples/k8s'],
      catalogPath: 'examples/catalog.yaml',
      format: 'json',
      cwd: ROOT,
      now,
      toolVersion: 'test',
    });
    expect(directory.exitCode).toBe(1);
    expect(directory.result!.summary.identities).toBe(4);
  });

  it('a located error for a broken manifest (exit 2)', () => {
    const result = runCheck({
      paths: ['test/adapters/kubernetes/fixtures/broken.yaml'],
      format: 'text',
      cwd: ROOT,
      toolVersion: 'test',
    });
    expect(result).toMatchObject({
      exitCode: 2,
      errors: [
        'test/adapters/kubernetes/fixtures/broken.yaml:7:1: the document is not a Kubernetes object: apiVersion and kind (strings) are required',
      ],
    });
  });

  it('the same objects written as a Pulumi program give the same findings as the manifest, in update and preview', () => {
    const manifest = summary(check('examples/k8s/bad.yaml').result!.findings);
    // Except secret data: a manifest's is written in the file; a program's may come from stack config (the pack cannot tell).
    const fromProgram = manifest
      .map((line) =>
        line === 'no-long-lived-credentials mandatory payments-db Secret::plaintext-value'
          ? 'no-long-lived-credentials advisory payments-db Secret::value-in-program'
          : line,
      )
      .sort();
    expect(fromProgram).not.toEqual(manifest);
    expect(summary(findingsOf(modelOf('k8s:update')))).toEqual(fromProgram);
    expect(summary(findingsOf(modelOf('k8s:preview')))).toEqual(fromProgram);
  });
});

describe('one audit of a multi-cloud change', () => {
  it('lists every identity of every cloud in one table, with one vocabulary', async () => {
    const aws = modelFromPulumiResources(stackResources(awsGood));
    const manifests = loadChange({
      paths: ['examples/k8s/good.yaml'],
      catalogPath: 'examples/catalog.yaml',
      cwd: ROOT,
    });
    if (!('model' in manifests)) throw new Error(manifests.errors.join('\n'));
    const model = mergeModels([aws, modelOf('azureGood:update'), modelOf('gcpGood:update'), manifests.model]);
    const audit = buildAudit(model, evaluate(model, { catalog, now }), catalog, now);
    const planned = audit.identities.filter((identity) => identity.origin === 'change');
    const rows = planned.map(
      (identity) =>
        `${identity.cloud} ${identity.kind} ${identity.name} owner=${identity.owner ?? '-'} class=${identity.class ?? '-'} entitlements=${identity.entitlements.map((e) => e.id).join('+') || '-'}`,
    );
    expect(rows.filter((row) => !row.startsWith('aws ') && !row.startsWith('undefined ')).sort()).toEqual([
      'azure azure-service-principal analytics-deploy owner=team-data class=service entitlements=warehouse-read',
      'gcp gcp-service-account analytics-etl owner=team-data class=service entitlements=warehouse-read',
      'kubernetes k8s-service-account batch-runner owner=team-payments class=workload entitlements=payments-namespace-edit',
    ]);
    expect(
      new Set(
        planned.flatMap((identity) => identity.placements?.map((placement) => placement.cloud) ?? [identity.cloud]),
      ),
    ).toEqual(new Set(['aws', 'azure', 'gcp', 'kubernetes']));
    // The catalog's ci-deployer (one match per cloud) is one row: its AWS role, Google service account and Kubernetes
    // service account beneath, each with its account, grants and findings.
    const ci = planned.filter((identity) => identity.catalogId === 'ci-deployer');
    expect(ci.map((identity) => [identity.id, identity.name, identity.cloud, identity.owner, identity.class])).toEqual([
      ['catalog:ci-deployer', 'ci-deployer', undefined, 'team-platform', 'workload'],
    ]);
    const placements = ci[0]!.placements!;
    expect(
      placements.map((placement) => `${placement.cloud} ${placement.kind} ${placement.name} ${placement.arn ?? '-'}`),
    ).toEqual(CI_DEPLOYER_PLACEMENTS);
    expect(ci[0]!.grants).toEqual(placements.flatMap((placement) => placement.grants));
    expect(ci[0]!.findings).toEqual(placements.flatMap((placement) => placement.findings));
    expect(ci[0]!.entitlements.map((entitlement) => entitlement.id)).toEqual(['ci-deploy', 'payments-namespace-edit']);
    expect(ci[0]!.grants.map((grant) => grant.label)).toEqual(CI_DEPLOYER_GRANTS);
    expect(
      placements.map((placement) => [
        placement.cloud,
        placement.grants.length,
        placement.trust.length,
        placement.findings.map((finding) => finding.ruleId),
      ]),
    ).toEqual([
      ['aws', 1, 1, []],
      ['gcp', 0, 0, []],
      ['kubernetes', 1, 0, []],
    ]);
    // One review key for the three: the catalog id.
    expect(
      audit
        .review!.owners.flatMap((group) => group.items)
        .filter((item) => item.identity === 'ci-deployer')
        .map((item) => [item.subject, item.identityKey, item.clouds]),
    ).toEqual([['privileged grants', 'catalog:ci-deployer', ['aws', 'gcp', 'kubernetes']]]);
    // The same columns for every cloud: credentials and grants in the engine's vocabulary.
    const deploy = planned.find((identity) => identity.name === 'analytics-deploy')!;
    expect(deploy.credentials.map((credential) => credential.kind)).toEqual(['federated']);
    expect(deploy.grants.map((grant) => grant.label)).toHaveLength(1);
    const markdown = formatAuditMarkdown(audit);
    for (const identity of planned) {
      const origin = identity.placements ? 'change \\(aws, gcp, kubernetes\\)' : 'change';
      expect(markdown).toMatch(
        new RegExp(
          `^\\| (🔴 )?${identity.name.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')} \\| ${origin} \\| ${identity.owner ?? '—'} \\|`,
          'm',
        ),
      );
    }
    expect(markdown.match(/^\| (🔴 )?ci-deployer \|/gm)).toHaveLength(1);
    expect(
      markdown.split('\n').filter((line) => line.startsWith('- on ') && line.includes(' ci-deployer in ')),
    ).toEqual([
      '- on aws: ci-deployer in account 111122223333 (`aws:iam/role:Role urn:pulumi:dev::payments::aws:iam/role:Role::ci-deployer`): 1 grant, 0 credentials, 0 findings (0 blocking)',
      '- on gcp: ci-deployer in project example-co-analytics (`gcp:serviceaccount/account:Account urn:pulumi:dev::analytics-gcp::gcp:serviceaccount/account:Account::ci-deployer`): 0 grants, 1 credential, 0 findings (0 blocking)',
      '- on kubernetes: ci-deployer in namespace payments (`kubernetes:core/v1:ServiceAccount ci-deployer`): 1 grant, 0 credentials, 0 findings (0 blocking)',
    ]);
  });
});

const CI_DEPLOYER_PLACEMENTS = [
  'aws aws-role ci-deployer arn:aws:iam::111122223333:role/ci-deployer',
  'gcp gcp-service-account ci-deployer ci-deployer@example-co-analytics.iam.gserviceaccount.com',
  'kubernetes k8s-service-account ci-deployer system:serviceaccount:payments:ci-deployer',
];
const CI_DEPLOYER_GRANTS = [
  'policy assume-cdk-bootstrap-roles (ci-deployer)',
  'role payments-deployer at namespace/payments',
];
