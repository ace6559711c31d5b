/** The Azure AD, azure-native and GCP Pulumi adapters on hand-written stack records: links by value and by dependency, unknowns kept. */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { isUnknown, type Grant } from '../../src/model/model.js';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const urn = (type: string, name: string) => `urn:pulumi:dev::example::${type}::${name}`;
function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies?: Record<string, [type: string, name: string][]>,
): PulumiResource {
  return {
    type,
    name,
    urn: urn(type, name),
    props,
    ...(propertyDependencies
      ? {
          propertyDependencies: Object.fromEntries(
            Object.entries(propertyDependencies).map(([key, refs]) => [key, refs.map(([t, n]) => urn(t, n))]),
          ),
        }
      : {}),
  };
}
const text = (value: unknown) => (isUnknown(value) ? `<${value.description}>` : String(value));
const grantText = (grant: Grant) =>
  grant.kind === 'role' ? `${text(grant.role)} @ ${text(grant.scope)} (${grant.scopeLevel ?? '?'})` : grant.kind;

const SP = 'azuread:index/servicePrincipal:ServicePrincipal';
const APP = 'azuread:index/application:Application';
const MI = 'azure-native:managedidentity:UserAssignedIdentity';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';

describe('Azure AD and azure-native', () => {
  const model = modelFromPulumiResources([
    resource(APP, 'reports', {
      displayName: 'reports',
      clientId: 'c-1',
      objectId: 'o-app',
      tags: ['owner:team-data', 'identity-class=service', 'no separator'],
    }),
    resource(SP, 'reports-sp', { clientId: 'c-1', objectId: 'o-sp' }),
    resource('azuread:index/servicePrincipalPassword:ServicePrincipalPassword', 'reports-secret', {
      servicePrincipalId: 'o-sp',
      endDate: '2027-01-01T00:00:00Z',
    }),
    resource('azuread:index/applicationCertificate:ApplicationCertificate', 'reports-cert', {
      applicationId: '/applications/o-app',
      endDate: UNKNOWN,
    }),
    resource(APP, 'lonely', { displayName: 'lonely-app', objectId: 'o-lonely', password: { displayName: 'inline' } }),
    resource('azuread:index/directoryRole:DirectoryRole', 'app-admins', {
      displayName: 'Application Administrator',
      templateId: UNKNOWN,
    }),
    resource(
      'azuread:index/directoryRoleAssignment:DirectoryRoleAssignment',
      'reports-app-admin',
      { roleId: UNKNOWN, principalObjectId: 'o-sp' },
      { roleId: [['azuread:index/directoryRole:DirectoryRole', 'app-admins']] },
    ),
    resource('azuread:index/appRoleAssignment:AppRoleAssignment', 'reports-graph', {
      appRoleId: '06b708a9-e830-4db3-a914-8e69da51d44f',
      principalObjectId: 'o-sp',
      resourceObjectId: 'graph',
    }),
    resource(MI, 'etl', { resourceName: 'etl-mi', principalId: UNKNOWN, tags: { owner: 'team-data' } }),
    resource(
      'azure-native:authorization:RoleAssignment',
      'etl-rg-reader',
      {
        principalId: UNKNOWN,
        roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
        scope: `${SUB}/resourceGroups/etl`,
      },
      { principalId: [[MI, 'etl']] },
    ),
    resource(
      'azure-native:authorization:RoleAssignment',
      'etl-later',
      { principalId: UNKNOWN, roleDefinitionId: UNKNOWN, scope: SUB },
      { principalId: [[MI, 'etl']] },
    ),
    resource('azure-native:keyvault:Secret', 'api-key', {
      secretName: 'api-key',
      properties: { attributes: { expires: 1_800_000_000 } },
    }),
  ]);

  it('an application and its service principal are one identity; an application alone is one too', () => {
    expect(
      model.identities.map((identity) => [
        identity.kind,
        identity.name,
        identity.tags,
        identity.credentials.map((c) => `${c.kind} ${c.source.name} ${text(c.expiresAt ?? 'no end')}`),
      ]),
    ).toEqual([
      [
        'azure-service-principal',
        'reports',
        { owner: 'team-data', 'identity-class': 'service' },
        [
          'azure-client-secret reports-secret 2027-01-01T00:00:00Z',
          'azure-certificate reports-cert <reports-cert.endDate is not known until apply>',
        ],
      ],
      ['azure-application', 'lonely-app', {}, ['azure-client-secret lonely no end']],
      ['azure-managed-identity', 'etl-mi', { owner: 'team-data' }, []],
    ]);
  });

  it('role assignments by literal id and by dependency: directory roles of the change, Graph app roles, built-in RBAC roles, unknown roles kept', () => {
    expect(model.identities.map((identity) => identity.grants.map(grantText))).toEqual([
      [
        'Application Administrator @ directory (directory)',
        'AppRoleAssignment.ReadWrite.All @ application (application)',
      ],
      [],
      [
        'Reader @ /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/etl (resource-group)',
        '<etl-later.roleDefinitionId is not known until apply> @ /subscriptions/00000000-0000-0000-0000-000000000001 (subscription)',
      ],
    ]);
  });

  it('a Key Vault secret expiry (seconds since the epoch) is a date', () => {
    expect(model.secrets.map((secret) => [secret.cloud, secret.name, secret.expiresAt])).toEqual([
      ['azure', 'api-key', '2027-01-15T08:00:00.000Z'],
    ]);
  });
});

describe('Google Cloud', () => {
  const SA = 'gcp:serviceaccount/account:Account';
  const model = modelFromPulumiResources([
    resource(SA, 'loader', { accountId: 'loader', project: 'p1', email: 'loader@p1.iam.gserviceaccount.com' }),
    resource('gcp:folder/iAMBinding:IAMBinding', 'folder-admins', {
      folder: 'folders/42',
      role: 'roles/iam.serviceAccountUser',
      members: ['serviceAccount:loader@p1.iam.gserviceaccount.com', 'user:alice@example.com'],
    }),
    resource('gcp:organizations/iAMPolicy:IAMPolicy', 'org-policy', {
      orgId: '99',
      policyData: JSON.stringify({
        bindings: [
          {
            role: 'roles/viewer',
            members: ['allAuthenticatedUsers', 'serviceAccount:loader@p1.iam.gserviceaccount.com'],
          },
        ],
      }),
    }),
    resource('gcp:projects/iAMPolicy:IAMPolicy', 'broken-policy', { project: 'p1', policyData: '{not json' }),
    resource('gcp:serviceaccount/key:Key', 'partner-key', {
      serviceAccountId: 'projects/p2/serviceAccounts/partner@p2.iam.gserviceaccount.com',
    }),
    resource('gcp:serviceaccount/key:Key', 'partner-key-2', { serviceAccountId: 'partner@p2.iam.gserviceaccount.com' }),
    resource('gcp:serviceaccount/key:Key', 'other-partner-key', {
      serviceAccountId: 'projects/p3/serviceAccounts/partner@p3.iam.gserviceaccount.com',
    }),
    resource('gcp:serviceaccount/key:Key', 'compute-key', {
      serviceAccountId: '123456789012-compute@developer.gserviceaccount.com',
    }),
    resource('gcp:secretmanager/secret:Secret', 'quarterly', {
      secretId: 'quarterly',
      rotation: { rotationPeriod: '7776000s' },
      labels: { owner: 'team-data' },
    }),
    resource('gcp:secretmanager/secret:Secret', 'odd', { secretId: 'odd', rotation: { rotationPeriod: '90d' } }),
  ]);

  it('IAM members, bindings and policies at folder and organization level attach to the accounts of the change, others stay external', () => {
    const [loader] = model.identities;
    expect(loader!.grants.map(grantText)).toEqual([
      'roles/iam.serviceAccountUser @ folders/42 (folder)',
      'roles/viewer @ organizations/99 (organization)',
    ]);
    expect(model.externalRoleGrants!.map(({ member, grant }) => `${member}: ${grantText(grant)}`)).toEqual([
      'user:alice@example.com: roles/iam.serviceAccountUser @ folders/42 (folder)',
      'allAuthenticatedUsers: roles/viewer @ organizations/99 (organization)',
      '<broken-policy.policyData is not JSON>: <broken-policy.policyData is not JSON> @ projects/p1 (project)',
    ]);
  });

  it('a key for an account the change does not create still belongs to an identity, named as a created account would be: by its accountId', () => {
    expect(
      model.identities
        .slice(1)
        .map((identity) => [identity.id, identity.name, identity.arn, identity.credentials.map((c) => c.source.name)]),
    ).toEqual([
      [
        'dev/external-service-account:partner@p2.iam.gserviceaccount.com',
        'partner',
        'partner@p2.iam.gserviceaccount.com',
        ['partner-key', 'partner-key-2'],
      ],
      [
        'dev/external-service-account:partner@p3.iam.gserviceaccount.com',
        'partner',
        'partner@p3.iam.gserviceaccount.com',
        ['other-partner-key'],
      ],
      // Not a user-managed account's email (no accountId in it): named by the whole email.
      [
        'dev/external-service-account:123456789012-compute@developer.gserviceaccount.com',
        '123456789012-compute@developer.gserviceaccount.com',
        '123456789012-compute@developer.gserviceaccount.com',
        ['compute-key'],
      ],
    ]);
  });

  it('Secret Manager rotation periods in seconds become days; anything else fails closed', () => {
    expect(model.secrets.map((secret) => [secret.name, text(secret.rotationDays), secret.tags])).toEqual([
      ['quarterly', '90', { owner: 'team-data' }],
      ['odd', '<odd.rotation.rotationPeriod "90d" is not a duration like "2592000s">', {}],
    ]);
  });
});

describe('Kubernetes (@pulumi/kubernetes)', () => {
  const SA_TYPE = 'kubernetes:core/v1:ServiceAccount';
  const CRB = 'kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding';
  // In preview an auto-named account's name is unknown; references to it are followed through their dependencies.
  const model = modelFromPulumiResources([
    resource(SA_TYPE, 'deployer', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: UNKNOWN, namespace: 'payments' },
    }),
    resource(
      CRB,
      'deployer-admin',
      {
        metadata: { name: 'deployer-admin' },
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'ServiceAccount', name: UNKNOWN, namespace: 'payments' }],
      },
      { subjects: [[SA_TYPE, 'deployer']] },
    ),
    resource(CRB, 'someone-admin', {
      metadata: { name: 'someone-admin' },
      roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: UNKNOWN,
    }),
    resource(
      'kubernetes:core/v1:Secret',
      'deployer-token',
      {
        metadata: {
          name: 'deployer-token',
          namespace: 'payments',
          annotations: { 'kubernetes.io/service-account.name': UNKNOWN },
        },
        type: 'kubernetes.io/service-account-token',
      },
      { metadata: [[SA_TYPE, 'deployer']] },
    ),
    resource(
      'kubernetes:core/v1:Secret',
      'generated',
      { metadata: { name: 'generated', namespace: 'payments' }, stringData: { password: UNKNOWN } },
      { stringData: [['random:index/randomPassword:RandomPassword', 'pw']] },
    ),
  ]);

  it('a binding and a token Secret whose account name is unknown in preview reach the account through their dependencies', () => {
    expect(
      model.identities.map((identity) => [
        identity.name,
        identity.grants.map(grantText),
        identity.credentials.map((c) => `${c.kind} ${c.source.name}`),
      ]),
    ).toEqual([['deployer', ['cluster-admin @ cluster (cluster)'], ['k8s-service-account-token deployer-token']]]);
  });

  it('a binding whose subjects cannot be followed is still judged; a Secret computed from another resource is not plain text', () => {
    expect(model.externalRoleGrants!.map(({ member, grant }) => `${member}: ${grantText(grant)}`)).toEqual([
      'a subject of someone-admin not known until apply: cluster-admin @ cluster (cluster)',
    ]);
    expect(
      model.secrets.map((secret) => [secret.name, secret.plaintextValue ?? false, secret.valueInProgram ?? false]),
    ).toEqual([['generated', false, false]]);
  });
});

describe('Azure principals the change does not create', () => {
  const model = modelFromPulumiResources([
    resource('azure-native:authorization:RoleAssignment', 'vendor-owner', {
      principalId: 'ext-sp-1',
      principalType: 'ServicePrincipal',
      roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      scope: SUB,
    }),
    resource('azure-native:authorization:RoleAssignment', 'alice-owner', {
      principalId: 'alice-id',
      principalType: 'User',
      roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      scope: SUB,
    }),
    resource('azuread:index/servicePrincipalPassword:ServicePrincipalPassword', 'vendor-secret', {
      servicePrincipalId: 'ext-sp-1',
    }),
    resource('azure-native:managedidentity:FederatedIdentityCredential', 'shared-mi-github', {
      resourceName: 'shared-mi',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:example-co/x:ref:refs/heads/main',
    }),
  ]);

  it('keep their grants as external grants, typed by principalType, and their credentials on an identity named by the id', () => {
    expect(model.externalRoleGrants!.map(({ member, grant }) => `${member}: ${grantText(grant)}`)).toEqual([
      'ServicePrincipal:ext-sp-1: Owner @ /subscriptions/00000000-0000-0000-0000-000000000001 (subscription)',
      'User:alice-id: Owner @ /subscriptions/00000000-0000-0000-0000-000000000001 (subscription)',
    ]);
    expect(
      model.identities.map((identity) => [identity.id, identity.kind, identity.credentials.map((c) => c.source.name)]),
    ).toEqual([
      ['dev/external-azure-service-principal:ext-sp-1', 'azure-service-principal', ['vendor-secret']],
      ['dev/external-azure-managed-identity:shared-mi', 'azure-managed-identity', ['shared-mi-github']],
    ]);
  });
});
