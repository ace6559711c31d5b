// The same workloads done right: owned, keyless (federated to the main branch), roles within the catalog's entitlements.
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as keyvault from '@pulumi/azure-native/keyvault/index.js';
import * as azuread from '@pulumi/azuread';

const subscription = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const STORAGE_BLOB_DATA_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1';
const DAY = 24 * 60 * 60;

const payments = new azuread.Group('team-payments', { displayName: 'team-payments', securityEnabled: true });

// A deployment app with no secret: GitHub Actions on main exchanges its OIDC token for an Entra ID token.
const deployApp = new azuread.Application('payments-deploy', { displayName: 'payments-deploy', owners: [payments.objectId] });
const deploySp = new azuread.ServicePrincipal('payments-deploy-sp', { clientId: deployApp.clientId, owners: [payments.objectId] });
new azuread.ApplicationFederatedIdentityCredential('payments-deploy-github-main', {
  applicationId: deployApp.id,
  displayName: 'github-main',
  issuer: 'https://token.actions.githubusercontent.com',
  subject: 'repo:example-co/payments:ref:refs/heads/main',
  audiences: ['api://AzureADTokenExchange'],
});
// Read access to the payments storage only, on its resource group.
new authorization.RoleAssignment('payments-deploy-blob-reader', {
  principalId: deploySp.objectId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${STORAGE_BLOB_DATA_READER}`,
  scope: `${subscription}/resourceGroups/payments-storage`,
});

// A generated secret, owned, expiring within the service class limit.
new keyvault.Secret('storage-connection', {
  vaultName: 'example-co-payments',
  resourceGroupName: 'payments-storage',
  secretName: 'storage-connection',
  properties: { attributes: { expires: Math.floor(Date.now() / 1000) + 30 * DAY } },
  tags: { owner: 'team-payments', 'identity-class': 'service' },
});
