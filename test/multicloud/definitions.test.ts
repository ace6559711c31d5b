/**
 * Definitions judged on their own and every binding form, through the engine (programs captured under the SDK's
 * mocks, the manifest through the CLI): each Kubernetes privilege-escalation route of the RBAC good-practices guide on
 * its Role or ClusterRole, bound or not, and on the binding that grants it; aggregated ClusterRoles; Azure built-in
 * roles judged by their actions from Microsoft's data, custom role definitions, the classic provider's resources;
 * Google Cloud members, bindings, policies, conditions, custom roles, pool-wide sets held to their provider's
 * condition and providers without one. Narrow roles stay clean. The pack gives the same verdicts (pack.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { runCheck } from '../../src/cli/check.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import { azurePrivileges, azureRoleData, builtInRoleById, builtInRoleByName } from '../../src/iam/azure/roles.js';
import { gcpRoleData, predefinedRole, predefinedRoleVerdict } from '../../src/iam/gcp/roles.js';
import { captureInParallel, type CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { ROUTE_PROGRAMS, stackResources } from './support/capture.js';
import { AZURE_ROLES, GCP_BINDINGS, K8S_ROUTES } from './support/expected.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOG = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));
const catalog = loadCatalog(CATALOG);
const now = new Date('2026-12-01T00:00:00Z');

type Program = keyof typeof ROUTE_PROGRAMS;
const captured = {} as Record<`${Program}:${'update' | 'preview'}`, CapturedResource[]>;

beforeAll(async () => {
  // Every capture in two processes (see captureInParallel).
  const keys = (Object.keys(ROUTE_PROGRAMS) as Program[]).flatMap((program) =>
    (['update', 'preview'] as const).map((mode) => ({ program, mode })),
  );
  const records = await captureInParallel(
    keys.map(({ program, mode }) => ({
      program: ROUTE_PROGRAMS[program].file,
      mode,
      project: ROUTE_PROGRAMS[program].project,
    })),
  );
  keys.forEach(({ program, mode }, index) => (captured[`${program}:${mode}`] = records[index]!));
}, 120_000);

/** `rule level resource detail` of the privilege and trust findings, distinct and sorted. */
function summary(findings: readonly Finding[]): string[] {
  const lines = findings
    .filter((f) => f.ruleId === 'no-wildcard-privilege' || f.ruleId === 'restrict-trust')
    .map((f) => `${f.ruleId} ${f.pending ? 'pending' : f.level} ${f.resource.name} ${f.detail ?? ''}`.trim());
  return [...new Set(lines)].sort();
}
const findingsOf = (resources: PulumiResource[]) =>
  evaluate(modelFromPulumiResources(resources), { catalog, now }).findings;
const programFindings = (key: keyof typeof captured) => findingsOf(stackResources(captured[key]));

describe('Kubernetes: every route on the definition, bound or not, and on the binding', () => {
  const check = () =>
    runCheck({
      paths: ['test/fixtures/kubernetes/routes.yaml'],
      catalogPath: 'examples/catalog.yaml',
      format: 'json',
      cwd: ROOT,
      now,
      toolVersion: 'test',
    });

  it('the CLI reports each route on its role, the aggregated role with the rules it selects, and the binding with the route named; narrow roles stay clean', () => {
    const result = check();
    expect(result.exitCode).toBe(1);
    expect(summary(result.result!.findings)).toEqual(K8S_ROUTES);
    const binding = result.result!.findings.find((f) => f.resource.name === 'ops-bot-ops')!;
    expect(binding.message).toBe(
      'ops-bot-ops binds ops-bot to ops cluster-wide (ClusterRoleBinding), which grants "bind" on roles: binding any role, cluster-admin included, to anyone (verbs "bind" on "clusterroles"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list bind in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
    const definition = result.result!.findings.find((f) => f.resource.name === 'route-nodes-proxy')!;
    expect(definition).toMatchObject({
      ruleId: 'no-wildcard-privilege',
      level: 'mandatory',
      resource: {
        type: 'kubernetes:rbac.authorization.k8s.io/v1:ClusterRole',
        file: 'test/fixtures/kubernetes/routes.yaml',
      },
    });
    expect(definition.identity).toBeUndefined();
    expect(definition.message).toBe(
      'ClusterRole route-nodes-proxy cluster-wide grants nodes/proxy: the kubelet API, which runs commands in every pod of the node (verbs "get" on "nodes/proxy"): a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the workload needs; if its holders do need this, list nodes-proxy in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
    const names = new Set(result.result!.findings.map((f) => f.resource.name));
    for (const narrow of ['pod-reader', 'widgets-admin', 'ops-bot-pod-reader']) expect(names.has(narrow)).toBe(false);
  });

  it('the same objects as a Pulumi program give the same verdicts, in update and in preview', () => {
    expect(summary(programFindings('k8sRoutes:update'))).toEqual(K8S_ROUTES);
    expect(summary(programFindings('k8sRoutes:preview'))).toEqual(K8S_ROUTES);
  });
});

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const urn = (type: string, name: string) => `urn:pulumi:dev::records::${type}::${name}`;
function record(
  type: string,
  name: string,
  props: Record<string, unknown>,
  dependencies?: Record<string, [string, string][]>,
): PulumiResource {
  return {
    type,
    name,
    urn: urn(type, name),
    props,
    ...(dependencies
      ? {
          propertyDependencies: Object.fromEntries(
            Object.entries(dependencies).map(([key, refs]) => [key, refs.map(([t, n]) => urn(t, n))]),
          ),
        }
      : {}),
  };
}

describe('Azure: built-in roles from Microsoft’s data, custom role definitions, the classic provider', () => {
  it('knows every built-in role by id and by name (case and spaces ignored), with its source and date', () => {
    expect(azureRoleData().count).toBeGreaterThan(900);
    expect(azureRoleData().source).toContain('iann0036/iam-dataset@2073fa52ac008a45477aa0b1b4580cd99135bf60');
    expect(azureRoleData().date).toBe('2026-08-22');
    expect(
      builtInRoleById(
        '/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/B86A8FE4-44CE-4948-AEE5-ECCB2C155CD7',
      )?.name,
    ).toBe('Key Vault Secrets Officer');
    expect(builtInRoleByName('keyvaultsecretsofficer')?.id).toBe('b86a8fe4-44ce-4948-aee5-eccb2c155cd7');
    expect(builtInRoleByName('Key  Vault Secrets OFFICER')?.name).toBe('Key Vault Secrets Officer');
  });

  it('whether a built-in role is privileged follows from its actions', () => {
    const categories = (name: string) =>
      azurePrivileges(builtInRoleByName(name)!.permissions).map((privilege) => privilege.category);
    expect(categories('Owner')).toEqual(['all-actions', 'role-assignment']);
    expect(categories('Contributor')).toEqual(['all-actions']);
    expect(categories('User Access Administrator')).toEqual(['role-assignment']);
    expect(categories('Role Based Access Control Administrator')).toEqual(['role-assignment']);
    expect(categories('Key Vault Secrets User')).toEqual(['key-vault-secrets']);
    expect(categories('Storage Account Contributor')).toEqual(['storage-keys']);
    expect(categories('Storage Blob Data Reader')).toEqual([]);
    expect(categories('Reader')).toEqual([]);
  });

  it('reports custom roles with privileged actions on the definition, unassigned; built-in roles by id at subscription scope; Storage Blob Data Reader on one resource group stays clean', () => {
    expect(summary(programFindings('azureRoles:update'))).toEqual(AZURE_ROLES);
    expect(summary(programFindings('azureRoles:preview'))).toEqual(AZURE_ROLES);
  });

  it('reads the classic @pulumi/azure Assignment (by role name or id) and RoleDefinition', () => {
    const SUB = '/subscriptions/00000000-0000-0000-0000-0000000c1a55';
    const MI = 'azure:authorization/userAssignedIdentity:UserAssignedIdentity';
    const DEF = 'azure:authorization/roleDefinition:RoleDefinition';
    const ASSIGN = 'azure:authorization/assignment:Assignment';
    const findings = findingsOf([
      record(MI, 'batch', { name: 'batch', resourceGroupName: 'batch', principalId: 'p-batch' }),
      record(DEF, 'batch-admin', {
        name: 'Batch Admin',
        scope: SUB,
        assignableScopes: [SUB],
        permissions: [{ actions: ['*'], notActions: [] }],
        roleDefinitionResourceId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/9f2c1a3e-0000-4000-8000-00000000b47c`,
      }),
      record(ASSIGN, 'batch-owner', { scope: SUB, roleDefinitionName: 'Owner', principalId: 'p-batch' }),
      record(ASSIGN, 'batch-secrets', {
        scope: SUB,
        roleDefinitionName: 'KeyVaultSecretsUser',
        principalId: 'p-batch',
      }),
      record(
        ASSIGN,
        'batch-custom',
        { scope: `${SUB}/resourceGroups/batch`, roleDefinitionId: UNKNOWN, principalId: 'p-batch' },
        { roleDefinitionId: [[DEF, 'batch-admin']] },
      ),
      record(ASSIGN, 'batch-blob-reader', {
        scope: `${SUB}/resourceGroups/batch`,
        roleDefinitionName: 'Storage Blob Data Reader',
        principalId: 'p-batch',
      }),
      record(ASSIGN, 'batch-elsewhere', {
        scope: SUB,
        roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/0b1c2d3e-0000-4000-8000-0000000e15e1`,
        principalId: 'p-batch',
      }),
    ]);
    expect(summary(findings)).toEqual([
      'no-wildcard-privilege mandatory batch-admin Privilege::all-actions+role-assignment',
      'no-wildcard-privilege mandatory batch-custom Role::Batch Admin',
      'no-wildcard-privilege mandatory batch-owner Role::Owner',
      'no-wildcard-privilege mandatory batch-secrets Role::Key Vault Secrets User',
      'no-wildcard-privilege pending batch-elsewhere Role::unknown',
    ]);
    expect(findings.find((f) => f.resource.name === 'batch-owner')!.identity).toBe(
      'urn:pulumi:dev::records::azure:authorization/userAssignedIdentity:UserAssignedIdentity::batch',
    );
    expect(findings.find((f) => f.resource.name === 'batch-elsewhere')!.message).toBe(
      `batch-elsewhere grants batch a role that cannot be verified until apply: role ${SUB}/providers/Microsoft.Authorization/roleDefinitions/0b1c2d3e-0000-4000-8000-0000000e15e1 at ${SUB}: not a built-in role and not defined in this change, so its actions cannot be read.`,
    );
  });
});

describe('Google Cloud: every binding form and member kind, custom roles, pools', () => {
  it('judges predefined roles by the permissions Google publishes for them, with the data’s source and date', () => {
    expect(gcpRoleData().count).toBeGreaterThan(2000);
    expect(gcpRoleData().date).toBe('2026-08-22');
    expect(predefinedRoleVerdict('roles/storage.objectViewer')).toBeUndefined();
    expect(predefinedRole('roles/storage.objectViewer')).toEqual({ privileged: [] });
    expect(predefinedRoleVerdict('roles/owner')?.risk).toBe('basic');
    expect(predefinedRoleVerdict('roles/editor')?.risk).toBe('basic');
    expect(predefinedRoleVerdict('roles/viewer')).toBeUndefined();
    expect(predefinedRoleVerdict('roles/iam.workloadIdentityUser')).toMatchObject({
      risk: 'impersonation',
      permissions: ['iam.serviceAccounts.getAccessToken', 'iam.serviceAccounts.getOpenIdToken'],
    });
    expect(predefinedRoleVerdict('roles/resourcemanager.projectIamAdmin')).toMatchObject({
      risk: 'iam-policy',
      permissions: ['resourcemanager.projects.setIamPolicy'],
    });
    expect(predefinedRoleVerdict('roles/iam.roleAdmin')?.risk).toBe('role-admin');
  });

  it('reads IAMMember, IAMBinding and IAMPolicy at project, folder, organization and service-account level, with conditions; custom roles; a pool-wide set held to its provider’s condition; a provider without one, unused', () => {
    expect(summary(programFindings('gcpBindings:update'))).toEqual(GCP_BINDINGS);
    const conditional = programFindings('gcpBindings:update').find((f) => f.resource.name === 'loader-act-as')!;
    expect(conditional.message).toBe(
      'loader-act-as grants loader (under IAM condition "until-2027: request.time < timestamp("2027-01-01T00:00:00Z")") roles/iam.serviceAccountUser on projects/example-co-data: it can act as, or mint credentials for, every service account there (Checkov CKV_GCP_41/44/45/49). Grant it on the one service account needed (a serviceaccount IAMMember) instead.',
    );
    const provider = programFindings('gcpBindings:update').find((f) => f.resource.name === 'open-github')!;
    expect(provider.message).toBe(
      'Workload identity pool provider open-github (issuer https://token.actions.githubusercontent.com, pool open) has no attribute condition, so the pool accepts a token for any repository or workload of that issuer, for every principal bound to the pool now or later. Set attributeCondition, e.g. assertion.repository_owner == "<your org>" && assertion.repository == "<org>/<repo>".',
    );
  });

  it('in preview the pool member and the custom role name wait for their resources: followed by dependency, never passed', () => {
    const preview = summary(programFindings('gcpBindings:preview'));
    expect(preview).toEqual(
      GCP_BINDINGS.filter((line) => !line.includes('Subject::'))
        .concat('restrict-trust pending deploy-github Federated::unknown')
        .sort(),
    );
  });

  it('members of every kind: public, people (users, groups, workforce pools) judged as standing privilege held by people, workload principals judged; unreadable policies and roles fail closed', () => {
    const PROJECT = 'gcp:projects/iAMMember:IAMMember';
    const findings = findingsOf([
      record(PROJECT, 'public', { project: 'p', role: 'roles/viewer', member: 'allAuthenticatedUsers' }),
      record(PROJECT, 'person', { project: 'p', role: 'roles/owner', member: 'user:alice@example.com' }),
      record(PROJECT, 'workforce', {
        project: 'p',
        role: 'roles/owner',
        member: 'principalSet://iam.googleapis.com/locations/global/workforcePools/staff/group/admins',
      }),
      record(PROJECT, 'pool-owner', {
        project: 'p',
        role: 'roles/editor',
        member: 'principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/*',
      }),
      record(PROJECT, 'pool-subject', {
        project: 'p',
        role: 'roles/storage.objectViewer',
        member:
          'principal://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/subject/repo:o/r:ref:refs/heads/main',
      }),
      record(PROJECT, 'typo', {
        project: 'p',
        role: 'roles/storage.objectViewr',
        member: 'serviceAccount:x@p.iam.gserviceaccount.com',
      }),
      record(PROJECT, 'elsewhere', {
        project: 'p',
        role: 'organizations/1/roles/ops',
        member: 'serviceAccount:x@p.iam.gserviceaccount.com',
      }),
      record('gcp:projects/iAMPolicy:IAMPolicy', 'bad-policy', {
        project: 'p',
        policyData: JSON.stringify({ bindings: 'roles/owner' }),
      }),
      record('gcp:projects/iAMPolicy:IAMPolicy', 'empty-policy', { project: 'p', policyData: '{}' }),
      record('gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', 'odd-condition', {
        workloadIdentityPoolId: 'ci',
        attributeCondition: "assertion.repository.startsWith('o/')",
        oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
      }),
      record('gcp:serviceaccount/account:Account', 'deployer', {
        accountId: 'deployer',
        project: 'p',
        email: 'deployer@p.iam.gserviceaccount.com',
        name: 'projects/p/serviceAccounts/deployer@p.iam.gserviceaccount.com',
      }),
      record('gcp:serviceaccount/iAMPolicy:IAMPolicy', 'deployer-policy', {
        serviceAccountId: 'projects/p/serviceAccounts/deployer@p.iam.gserviceaccount.com',
        policyData: JSON.stringify({
          bindings: [
            {
              role: 'roles/iam.workloadIdentityUser',
              members: ['principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/*'],
            },
          ],
        }),
      }),
    ]);
    expect(summary(findings)).toEqual([
      'no-wildcard-privilege mandatory person Role::roles/owner/Member::user:alice@example.com',
      'no-wildcard-privilege mandatory pool-owner Role::roles/editor',
      'no-wildcard-privilege mandatory public Member::allAuthenticatedUsers',
      'no-wildcard-privilege mandatory workforce Role::roles/owner/Member::principalSet://iam.googleapis.com/locations/global/workforcePools/staff/group/admins',
      'no-wildcard-privilege pending bad-policy Role::unknown',
      'no-wildcard-privilege pending elsewhere Role::unknown',
      'no-wildcard-privilege pending typo Role::unknown',
      'restrict-trust pending odd-condition Federated::unknown',
    ]);
    // People are judged by the role's permissions as any principal is (until session 48 only the catalog's privileged list,
    // roles/owner in cloud-admin-roles, named them), and the finding says it is standing privilege held by people.
    expect(findings.find((f) => f.resource.name === 'person')!.message).toContain(
      'roles/owner on projects/p, which holds nearly every permission of every service there: standing privilege held by people',
    );
    expect(findings.find((f) => f.resource.name === 'odd-condition' && f.ruleId === 'restrict-trust')!.message).toBe(
      'Federated credential odd-condition of deployer cannot be verified until apply: subject every identity of the pool, limited by attribute condition "assertion.repository.startsWith(\'o/\')", which this check cannot read as a subject.',
    );
  });
});

describe('the role data refresh script', () => {
  it('runs offline from the checked-in data and finds it in step with the code', async () => {
    const { execFileSync } = await import('node:child_process');
    const output = execFileSync(process.execPath, ['scripts/refresh-role-data.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(output.trim().split('\n')).toEqual([
      'data/azure-built-in-roles.json: in step',
      'data/gcp-predefined-roles.json: in step',
    ]);
  });
});

describe('the audit view shows each definition and binding with what it grants', () => {
  it('lists every role and provider of the change with its grants, the bindings that use it and its findings; a binding row names the route', async () => {
    const { loadChange } = await import('../../src/cli/load-inputs.js');
    const { buildAudit } = await import('../../src/audit/build.js');
    const change = loadChange({
      paths: ['test/fixtures/kubernetes/routes.yaml'],
      catalogPath: 'examples/catalog.yaml',
      cwd: ROOT,
    });
    if (!('model' in change)) throw new Error(change.errors.join('\n'));
    const audit = buildAudit(change.model, evaluate(change.model, { catalog, now }), catalog, now);
    const rows = (audit.definitions ?? []).map(
      (d) =>
        `${d.kind} ${d.name} [${d.grants.map((g) => g.category).join(', ') || '-'}] bound by [${d.boundBy.join(', ')}] ${d.findings.length}`,
    );
    expect(rows).toContain('ClusterRole ops [route bind] bound by [ops-bot-ops → ops-bot] 1');
    expect(rows).toContain('Role pod-reader [-] bound by [ops-bot-pod-reader → ops-bot] 0');
    expect(rows).toContain('ClusterRole route-nodes-proxy [route nodes-proxy] bound by [] 1');
    expect(audit.definitions!.find((d) => d.name === 'ops')!.aggregates).toEqual(['aggregate-to-ops']);
    const opsBot = audit.identities.find((identity) => identity.name === 'ops-bot')!;
    expect(opsBot.grants.map((grant) => [grant.label, grant.privileged.map((p) => p.category)])).toEqual([
      ['role ops at cluster', ['route bind']],
      ['role pod-reader at namespace/apps', []],
    ]);
    const gcp = modelFromPulumiResources(stackResources(captured['gcpBindings:update']));
    const gcpAudit = buildAudit(gcp, evaluate(gcp, { catalog, now }), catalog, now);
    expect(
      (gcpAudit.definitions ?? [])
        .map(
          (d) =>
            `${d.kind} ${d.name} [${d.grants.map((g) => `${g.category}: ${g.examples.join(', ')}`).join('; ')}] [${d.boundBy.join(', ')}]`,
        )
        .sort(),
    ).toEqual([
      'GCP custom role projects/example-co-data/roles/deployer [impersonation: iam.serviceAccounts.actAs] [loader-deployer → loader]',
      'GCP custom role projects/example-co-data/roles/reader [] []',
      "Workload identity pool provider deploy-github [trust: issuer https://token.actions.githubusercontent.com, condition assertion.repository == 'example-co/data-pipelines'] [acts as loader]",
      'Workload identity pool provider open-github [trust: issuer https://token.actions.githubusercontent.com, no attribute condition] []',
    ]);
  });
});
