// The same workloads done right: owned, keyless (federated to the main branch), roles within the catalog's entitlements.
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as keyvault from '@pulumi/azure-native/keyvault/index.js';
import * as azuread from '@pulumi/azuread';

const subscription = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const STORAGE_BLOB_DATA_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1';
const DAY = 24 * 60 * 60;

const data = new azuread.Group('team-data', { displayName: 'team-data', securityEnabled: true });

// A deployment app with no secret: GitHub Actions on main exchanges its OIDC token for an Entra ID token.
const deployApp = new azuread.Application('analytics-deploy', {
  displayName: 'analytics-deploy',
  owners: [data.objectId],
  tags: ['identity-class:service', 'entitlements:warehouse-read'],
});
const deploySp = new azuread.ServicePrincipal('analytics-deploy-sp', {
  clientId: deployApp.clientId,
  owners: [data.objectId],
});
new azuread.ApplicationFederatedIdentityCredential('analytics-deploy-github-main', {
  applicationId: deployApp.id,
  displayName: 'github-main',
  issuer: 'https://token.actions.githubusercontent.com',
  subject: 'repo:example-co/payments:ref:refs/heads/main',
  audiences: ['api://AzureADTokenExchange'],
});
// Read access to the analytics storage only, on its resource group (the warehouse-read entitlement).
new authorization.RoleAssignment('analytics-deploy-blob-reader', {
  principalId: deploySp.objectId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${STORAGE_BLOB_DATA_READER}`,
  scope: `${subscription}/resourceGroups/analytics-storage`,
});

// A generated secret, owned, expiring within the service class limit.
new keyvault.Secret('storage-connection', {
  vaultName: 'example-co-analytics',
  resourceGroupName: 'analytics-storage',
  secretName: 'storage-connection',
  properties: { attributes: { expires: Math.floor(Date.now() / 1000) + 30 * DAY } },
  tags: { owner: 'team-data', 'identity-class': 'service' },
});
