// Corpus: the identity facts of pulumi/examples azure-ts-aks-managed-identity/index.ts@40c09b266d44e9975e15289c42cc0c2ad8d14995,
// written by us: a user-assigned identity for an AKS cluster, granted Contributor (b24988ac-…) on the cluster's resource group.
import { authorization, managedidentity, resources } from '@pulumi/azure-native';

const resourceGroup = new resources.ResourceGroup('resourceGroup', { resourceGroupName: 'aks-rg' });
const identity = new managedidentity.UserAssignedIdentity('identity', { resourceName: 'identity', resourceGroupName: resourceGroup.name });
new authorization.RoleAssignment('roleAssignment', {
  principalId: identity.principalId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c',
  scope: '/subscriptions/00000000-0000-0000-0000-00000000c0de/resourceGroups/aks-rg',
});
