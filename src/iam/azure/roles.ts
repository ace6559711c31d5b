/**
 * What the engine knows about Azure roles: every built-in Azure RBAC role by id and name, with its actions
 * (data/azure-built-in-roles.json, Microsoft's published list, written by scripts/refresh-role-data.mjs, read on the
 * first lookup; the GUID at the end of a roleDefinitionId is the same in every tenant), which actions amount to control over a scope,
 * and Microsoft Graph's application id. Entra ID directory roles and Graph permissions are in ./entra.ts.
 */
import type { RoleGrant, RolePermission } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';
import { countedEntries, readPackageJson } from '../../util/package-data.js';

export interface AzureBuiltInRole {
  /** The role definition GUID, lower case. */
  id: string;
  name: string;
  permissions: RolePermission[];
}

export interface RoleDataset {
  source: string;
  date: string;
  count: number;
}

interface LoadedRoles {
  dataset: RoleDataset;
  byId: Map<string, AzureBuiltInRole>;
  byName: Map<string, AzureBuiltInRole>;
}

export const AZURE_ROLE_DATA_FILE = 'azure-built-in-roles.json';
let loaded: LoadedRoles | undefined;

function roles(): LoadedRoles {
  if (loaded) return loaded;
  // A damaged file may lack the list: typed as possibly missing so the check below reports it, not crashes on it.
  const data = readPackageJson(AZURE_ROLE_DATA_FILE, 'the Azure built-in role data') as RoleDataset & {
    roles?: AzureBuiltInRole[];
  };
  const list = countedEntries(AZURE_ROLE_DATA_FILE, data.roles, data.count, 'roles');
  return (loaded = {
    dataset: { source: data.source, date: data.date, count: data.count },
    byId: new Map(list.map((role) => [role.id, role])),
    byName: new Map(list.map((role) => [roleNameKey(role.name), role])),
  });
}

/** Where the built-in role data comes from, and as of when. */
export function azureRoleData(): RoleDataset {
  return { ...roles().dataset };
}

/** Whether the data has been read in this process (a test checks that importing the engine does not read it). */
export function azureRoleDataLoaded(): boolean {
  return loaded !== undefined;
}

/** Role names compare without case and spaces: "Key Vault Secrets Officer" is "keyvaultsecretsofficer". */
export function roleNameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

export function sameAzureRoleName(a: string, b: string): boolean {
  return roleNameKey(a) === roleNameKey(b);
}

/** The built-in role a roleDefinitionId (`…/roleDefinitions/<guid>`, or the GUID) names. */
export function builtInRoleById(roleDefinitionId: string): AzureBuiltInRole | undefined {
  const guid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i.exec(roleDefinitionId)?.[1];
  return guid ? roles().byId.get(guid.toLowerCase()) : undefined;
}

/** Every built-in role, in the data's order. */
export function builtInRoles(): AzureBuiltInRole[] {
  return [...roles().byId.values()];
}

/** The built-in role of that name (case and spaces ignored). */
export function builtInRoleByName(name: string): AzureBuiltInRole | undefined {
  return roles().byName.get(roleNameKey(name));
}

/** The role name a roleDefinitionId stands for, when it is a built-in role. */
export function builtInRoleName(roleDefinitionId: string): string | undefined {
  return builtInRoleById(roleDefinitionId)?.name;
}

export type AzurePrivilegeCategory =
  'all-actions' | 'role-assignment' | 'key-vault-secrets' | 'storage-keys' | 'identity-assign';

/**
 * What makes Azure actions privileged: every action (`*`), writing role assignments or definitions (owner-level
 * power, since the holder can grant itself any role), reading Key Vault secrets or granting itself vault access, and
 * listing or regenerating storage account keys (full access to every blob, queue and table of the account).
 * `control` actions are judged against actions/notActions, `data` ones against dataActions/notDataActions.
 */
const AZURE_PRIVILEGES: readonly {
  category: AzurePrivilegeCategory;
  control?: string[];
  data?: string[];
  what: string;
}[] = [
  { category: 'all-actions', control: ['*'], what: 'grants every action on every resource' },
  {
    category: 'role-assignment',
    control: [
      'Microsoft.Authorization/roleAssignments/write',
      'Microsoft.Authorization/roleDefinitions/write',
      'Microsoft.Authorization/elevateAccess/action',
    ],
    what: 'writes role assignments or definitions, so it can grant any role to anyone, itself included',
  },
  {
    category: 'key-vault-secrets',
    control: ['Microsoft.KeyVault/vaults/accessPolicies/write'],
    data: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'],
    what: 'reads Key Vault secrets, or grants itself access to them',
  },
  {
    category: 'storage-keys',
    control: [
      'Microsoft.Storage/storageAccounts/listKeys/action',
      'Microsoft.Storage/storageAccounts/regenerateKey/action',
    ],
    what: 'lists or regenerates storage account keys: full access to all data of the account',
  },
  {
    // Attaching a user-assigned managed identity to a VM, app or container is what makes code run as it, as
    // iam.serviceAccounts.actAs does on Google Cloud. Built-in roles write the action with a `*` segment
    // (Managed Identity Operator: `userAssignedIdentities/*/assign/action`), which a wildcard of the role matches too.
    category: 'identity-assign',
    control: [
      'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action',
      'Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action',
    ],
    what: "assigns any user-assigned managed identity in scope to a VM, app or container, whose code then acts with that identity's roles",
  },
];

export interface AzurePrivilege {
  category: AzurePrivilegeCategory;
  /** The role's own actions (as written) that grant it. */
  actions: string[];
  what: string;
}

/**
 * The privileges a role's permission blocks grant, each with the actions that grant it. Each block's notActions
 * exclude only from that block's actions, as Azure evaluates them; `*` counts as every action only while no
 * notActions carve anything out of it (Contributor's `*` without role writes is still every other action).
 */
export function azurePrivileges(permissions: readonly RolePermission[]): AzurePrivilege[] {
  const found: AzurePrivilege[] = [];
  for (const { category, control = [], data = [], what } of AZURE_PRIVILEGES) {
    const actions = new Set<string>();
    for (const block of permissions) {
      for (const target of control)
        for (const action of granting(block.actions, block.notActions, target)) actions.add(action);
      for (const target of data)
        for (const action of granting(block.dataActions, block.notDataActions, target)) actions.add(action);
    }
    if (actions.size) found.push({ category, actions: [...actions], what });
  }
  // Every action includes reading secrets and keys; role writes stay named (Contributor's "*" excludes them).
  return found.some((privilege) => privilege.category === 'all-actions')
    ? found.filter((privilege) => privilege.category === 'all-actions' || privilege.category === 'role-assignment')
    : found;
}

/** The patterns of `actions` that grant `target` (case-insensitive, `*` any characters), unless a notAction removes it. */
export function granting(
  actions: readonly string[] | undefined,
  notActions: readonly string[] | undefined,
  target: string,
): string[] {
  if (!actions?.length) return [];
  if (target === '*') return actions.includes('*') ? ['*'] : [];
  if ((notActions ?? []).some((pattern) => globMatch(pattern, target, { caseInsensitive: true }))) return [];
  return actions.filter((pattern) => globMatch(pattern, target, { caseInsensitive: true }));
}

/**
 * Microsoft Graph's application id (appId), the same in every tenant: what a service principal's `clientId` is when it
 * stands for Graph (Microsoft Learn, "Verify first-party Microsoft applications in sign-in reports"; the azuread
 * provider's `azuread_application_published_app_ids` result `MicrosoftGraph`). A delegated permission on it is a Graph
 * scope, whose name is the Graph permission of the same name (./entra.ts).
 */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The level of an Azure resource id used as a scope. */
export function azureScopeLevel(scope: string): NonNullable<RoleGrant['scopeLevel']> {
  const path = scope.replace(/\/+$/, '');
  if (path === '' || /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i.test(path))
    return 'management-group';
  if (/^\/subscriptions\/[^/]+$/i.test(path)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(path)) return 'resource-group';
  return 'resource';
}

/** Scopes at which a privileged role controls more than one workload's resources. */
export function isBroadAzureScope(level: RoleGrant['scopeLevel']): boolean {
  return level === 'management-group' || level === 'subscription';
}
