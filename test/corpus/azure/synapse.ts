// Corpus: the identity facts of pulumi/examples azure-ts-synapse/index.ts@40c09b266d44e9975e15289c42cc0c2ad8d14995,
// written by us: Storage Blob Data Contributor (ba92f5b4-…) on one storage account, for the workspace's managed identity
// and for the deploying user.
import { authorization } from '@pulumi/azure-native';

const subscription = '00000000-0000-0000-0000-00000000c0de';
const storageAccount = `/subscriptions/${subscription}/resourceGroups/synapse-rg/providers/Microsoft.Storage/storageAccounts/synapsesa`;
const roleDefinitionId = `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe`;
new authorization.RoleAssignment('storageAccess', { scope: storageAccount, principalId: '5ea1c0de-0000-4000-8000-00000000aaaa', principalType: 'ServicePrincipal', roleDefinitionId });
new authorization.RoleAssignment('userAccess', { scope: storageAccount, principalId: '5ea1c0de-0000-4000-8000-00000000bbbb', principalType: 'User', roleDefinitionId });
