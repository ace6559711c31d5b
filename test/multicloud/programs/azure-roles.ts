// Azure role definitions and assignments judged from Microsoft's built-in role data: custom roles with privileged
// actions reported on the definition whether or not anything assigns them, built-in roles by id at broad scope,
// a narrow data-plane role on one resource group that stays clean.
import { authorization, managedidentity } from '@pulumi/azure-native';

const subscription = '/subscriptions/00000000-0000-0000-0000-00000000a2e0';
const builtIn = (guid: string) => `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

// Unassigned custom roles: one may write role assignments, one reads every Key Vault secret, one is harmless.
new authorization.RoleDefinition('role-writer', {
  roleName: 'Role Writer',
  scope: subscription,
  assignableScopes: [subscription],
  permissions: [{ actions: ['Microsoft.Authorization/roleAssignments/write', '*/read'] }],
});
new authorization.RoleDefinition('vault-reader', {
  roleName: 'Vault Secret Reader',
  scope: subscription,
  assignableScopes: [subscription],
  permissions: [{ actions: [], dataActions: ['Microsoft.KeyVault/vaults/secrets/*'] }],
});
new authorization.RoleDefinition('vm-operator', {
  roleName: 'VM Operator',
  scope: subscription,
  assignableScopes: [subscription],
  permissions: [
    {
      actions: [
        'Microsoft.Compute/virtualMachines/start/action',
        'Microsoft.Compute/virtualMachines/restart/action',
        'Microsoft.Compute/virtualMachines/read',
      ],
    },
  ],
});

const app = new managedidentity.UserAssignedIdentity('reports-identity', {
  resourceName: 'reports-identity',
  resourceGroupName: 'reports',
});
// Key Vault Secrets Officer on the whole subscription: every secret of every vault.
new authorization.RoleAssignment('reports-secrets-officer', {
  principalId: app.principalId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: builtIn('b86a8fe4-44ce-4948-aee5-eccb2c155cd7'),
  scope: subscription,
});
// Storage Account Contributor on the subscription: lists every storage account key.
new authorization.RoleAssignment('reports-storage-keys', {
  principalId: app.principalId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: builtIn('17d1049b-9a84-46fb-8f53-869881c3d3ab'),
  scope: subscription,
});
// Storage Blob Data Reader on one resource group: narrow, clean.
new authorization.RoleAssignment('reports-blob-reader', {
  principalId: app.principalId,
  principalType: 'ServicePrincipal',
  roleDefinitionId: builtIn('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'),
  scope: `${subscription}/resourceGroups/reports`,
});

// People: Owner on the subscription for a group, standing privilege; Reader there for another group, which reads only.
new authorization.RoleAssignment('platform-admins-owner', {
  principalId: '00000000-0000-0000-0000-0000000a0d15',
  principalType: 'Group',
  roleDefinitionId: builtIn('8e3af657-a8ff-443c-a75c-2fe8c4bcb635'),
  scope: subscription,
});
new authorization.RoleAssignment('auditors-reader', {
  principalId: '00000000-0000-0000-0000-0000000a0d17',
  principalType: 'Group',
  roleDefinitionId: builtIn('acdd72a7-3385-48ef-bd42-f606fba81ae7'),
  scope: subscription,
});
