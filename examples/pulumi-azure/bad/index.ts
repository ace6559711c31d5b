// Azure AD and Azure RBAC mistakes, one per block; each is what Entitlement Guard must stop before it is deployed.
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as keyvault from '@pulumi/azure-native/keyvault/index.js';
import * as managedidentity from '@pulumi/azure-native/managedidentity/index.js';
import * as azuread from '@pulumi/azuread';

const subscription = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const builtInRole = (guid: string) => `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';

const data = new azuread.Group('team-data', { displayName: 'team-data', securityEnabled: true });

// 1. A deployment app with a client secret that ends in 2099, Owner on the whole subscription and Global Administrator.
const deployApp = new azuread.Application('analytics-deploy', {
  displayName: 'analytics-deploy',
  owners: [data.objectId],
  tags: ['identity-class:service', 'entitlements:warehouse-read'],
});
const deploySp = new azuread.ServicePrincipal('analytics-deploy-sp', {
  clientId: deployApp.clientId,
  owners: [data.objectId],
});
new azuread.ServicePrincipalPassword('analytics-deploy-secret', {
  servicePrincipalId: deploySp.id,
  endDate: '2099-01-01T00:00:00Z',
});
new authorization.RoleAssignment('analytics-deploy-owner', {
  principalId: deploySp.objectId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: builtInRole(OWNER),
  scope: subscription,
});
new azuread.DirectoryRoleAssignment('analytics-deploy-global-admin', {
  roleId: GLOBAL_ADMINISTRATOR,
  principalObjectId: deploySp.objectId,
});

// 2. An application nobody owns, with a password that never expires.
const legacyApp = new azuread.Application('legacy-reporting', { displayName: 'legacy-reporting' });
new azuread.ApplicationPassword('legacy-reporting-password', { applicationId: legacyApp.id });

// 3. A managed identity federated to pull-request builds, holding a custom role that allows every action.
const etl = new managedidentity.UserAssignedIdentity('etl-identity', {
  resourceName: 'etl-identity',
  resourceGroupName: 'analytics-etl',
  tags: { owner: 'team-data', 'identity-class': 'workload' },
});
new managedidentity.FederatedIdentityCredential('etl-identity-github', {
  resourceName: etl.name,
  resourceGroupName: 'analytics-etl',
  federatedIdentityCredentialResourceName: 'github-pull-requests',
  issuer: 'https://token.actions.githubusercontent.com',
  subject: 'repo:example-co/analytics:pull_request',
  audiences: ['api://AzureADTokenExchange'],
});
const opsEverything = new authorization.RoleDefinition('ops-everything', {
  roleName: 'Ops Everything',
  scope: subscription,
  assignableScopes: [subscription],
  permissions: [{ actions: ['*'], notActions: [] }],
});
new authorization.RoleAssignment('etl-ops-everything', {
  principalId: etl.principalId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: opsEverything.id,
  scope: subscription,
});

// 4. A Key Vault secret with its value in the source and no expiry.
new keyvault.Secret('storage-connection', {
  vaultName: 'example-co-analytics',
  resourceGroupName: 'analytics-etl',
  secretName: 'storage-connection',
  properties: { value: 'DefaultEndpointsProtocol=https;AccountName=exampleco;AccountKey=bm90LWEtcmVhbC1rZXk=' },
  tags: { owner: 'team-data' },
});
