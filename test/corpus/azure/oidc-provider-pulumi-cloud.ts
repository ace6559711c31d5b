// Corpus: the identity facts of pulumi/examples azure-ts-oidc-provider-pulumi-cloud/index.ts@40c09b266d44e9975e15289c42cc0c2ad8d14995,
// written by us: an Entra application federated to Pulumi Cloud OIDC (two subjects), its service principal, and
// Contributor (b24988ac-…) on the whole subscription. The org, project and environment are the example's placeholders.
import * as azuread from '@pulumi/azuread';
import { authorization } from '@pulumi/azure-native';

const subscription = '00000000-0000-0000-0000-00000000c0de';
const issuer = 'https://api.pulumi.com/oidc';
const application = new azuread.Application('pulumi-oidc-app-reg', { displayName: 'pulumi-environments-oidc-app', signInAudience: 'AzureADMyOrg' });
for (const [name, subject] of [
  ['federatedIdentityCredential', 'pulumi:environments:org:my-org:env:my-project/my-env'],
  ['federatedIdentityCredentialIac', 'pulumi:environments:org:my-org:env:<yaml>'],
] as const) {
  new azuread.ApplicationFederatedIdentityCredential(name, {
    applicationId: application.objectId.apply((objectId) => `/applications/${objectId}`),
    displayName: name,
    audiences: ['azure:my-org'],
    issuer,
    subject,
  });
}
const servicePrincipal = new azuread.ServicePrincipal('myserviceprincipal', { clientId: application.clientId });
new authorization.RoleAssignment('myroleassignment', {
  roleDefinitionId: `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`,
  principalId: servicePrincipal.objectId,
  principalType: 'ServicePrincipal',
  scope: `/subscriptions/${subscription}`,
});
