/**
 * What the engine knows about Azure roles: built-in Azure RBAC role ids (the GUID at the end of a
 * roleDefinitionId is the same in every tenant), Entra ID directory role template ids, Microsoft Graph
 * application permissions, and which of them hand out control over identities or permissions.
 */
import type { RoleGrant } from '../../model/model.js';

/** Built-in Azure RBAC roles by role definition GUID. */
export const AZURE_BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1': 'Storage Blob Data Reader',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe': 'Storage Blob Data Contributor',
  '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
  '00482a5a-887f-4fb3-b363-3b7fe8e74483': 'Key Vault Administrator',
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
};

/**
 * RBAC roles that control a whole scope: Owner and Contributor manage every resource, the two access
 * administrators grant any role to anyone. At subscription or management-group scope they are tenant-wide power.
 */
export const AZURE_PRIVILEGED_RBAC_ROLES: readonly string[] = ['Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator'];

/** Entra ID directory roles by template id. */
export const ENTRA_DIRECTORY_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': 'Privileged Authentication Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b': 'Directory Readers',
};

/**
 * Directory roles that reach every identity: Global and Privileged Role Administrators assign any role; the
 * application administrators add credentials to any application and so act as it; Privileged Authentication
 * Administrator resets any user's credentials.
 */
export const ENTRA_PRIVILEGED_DIRECTORY_ROLES: readonly string[] = [
  'Global Administrator',
  'Privileged Role Administrator',
  'Privileged Authentication Administrator',
  'Application Administrator',
  'Cloud Application Administrator',
];

/** Microsoft Graph application permissions (app role ids) that let an application grant itself anything. */
export const GRAPH_APP_ROLES: Readonly<Record<string, string>> = {
  '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8': 'RoleManagement.ReadWrite.Directory',
  '06b708a9-e830-4db3-a914-8e69da51d44f': 'AppRoleAssignment.ReadWrite.All',
  '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9': 'Application.ReadWrite.All',
  '19dbc75e-c2e2-444c-a770-ec69d8559fc7': 'Directory.ReadWrite.All',
};

/** The role name a roleDefinitionId stands for (`…/roleDefinitions/<guid>`), when it is a built-in role. */
export function builtInRoleName(roleDefinitionId: string): string | undefined {
  const guid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i.exec(roleDefinitionId)?.[1];
  return guid ? AZURE_BUILT_IN_ROLES[guid.toLowerCase()] : undefined;
}

/** The level of an Azure resource id used as a scope. */
export function azureScopeLevel(scope: string): NonNullable<RoleGrant['scopeLevel']> {
  const path = scope.replace(/\/+$/, '');
  if (path === '' || /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i.test(path)) return 'management-group';
  if (/^\/subscriptions\/[^/]+$/i.test(path)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(path)) return 'resource-group';
  return 'resource';
}

/** Scopes at which a privileged role controls more than one workload's resources. */
export function isBroadAzureScope(level: RoleGrant['scopeLevel']): boolean {
  return level === 'management-group' || level === 'subscription';
}

/** Custom role actions that amount to every action, or to rewriting who holds which role. */
export function privilegedAzureActions(actions: readonly string[]): string[] {
  return actions.filter((action) => action === '*' || /^Microsoft\.Authorization\/(\*|[^/]+\/write|\*\/write|\*\/\*)$/i.test(action));
}
