/**
 * Azure Key Vault access policies: what each permission of a vault access policy lets its principal do, as the
 * Key Vault data actions Azure RBAC names for the same operations, so an access policy is judged as a role assignment
 * of those data actions on the vault.
 *
 * The mapping is data/azure-key-vault-access-policies.json, read on the first lookup (never on import): Microsoft's
 * mapping of access-policy permissions to RBAC data actions, written for the move from access policies to Azure RBAC
 * (github.com/Azure/KeyVault-AccessPolicyToRBAC-CompareTool, Tool/AcessPolicyRBACMapping.csv, MIT), extracted by
 * scripts/refresh-key-vault-access-policies.mjs with its commit and date. Permission names are those of the Key Vault
 * REST API (learn.microsoft.com/rest/api/keyvault/keyvault/vaults/create-or-update, `Permissions`), lower case.
 */
import type { KeyVaultPermissionList } from '../../model/model.js';
import { countedEntries, readPackageJson } from '../../util/package-data.js';
import { builtInRoles, granting } from './roles.js';

/** The four permission lists of an access policy, in the order messages name them. */
export const ACCESS_POLICY_KINDS: readonly KeyVaultPermissionList[] = ['keys', 'secrets', 'certificates', 'storage'];
type AccessPolicyKind = KeyVaultPermissionList;

/** The role name a Key Vault access policy grant carries (no Azure role has it: the grant is judged by its data actions). */
export const KEY_VAULT_ACCESS_POLICY = 'Key Vault access policy';

export const KEY_VAULT_ACCESS_POLICY_DATA_FILE = 'azure-key-vault-access-policies.json';

export interface KeyVaultAccessPolicyDataset {
  source: string;
  date: string;
  count: number;
}

interface LoadedMapping {
  dataset: KeyVaultAccessPolicyDataset;
  /** Permission name (lower case, as Azure compares them) to the data actions it grants, per list. */
  byList: Readonly<Record<AccessPolicyKind, ReadonlyMap<string, readonly string[]>>>;
}

let loaded: LoadedMapping | undefined;

function mapping(): LoadedMapping {
  if (loaded) return loaded;
  // A damaged file may lack the list: typed as possibly missing so the checks below report it, not crash on it.
  const data = readPackageJson(
    KEY_VAULT_ACCESS_POLICY_DATA_FILE,
    'the Azure Key Vault access policy data',
  ) as KeyVaultAccessPolicyDataset & {
    permissions?: { list?: string; permission?: string; dataActions?: string[] }[];
  };
  const permissions = countedEntries(KEY_VAULT_ACCESS_POLICY_DATA_FILE, data.permissions, data.count, 'permissions');
  const byList: Record<AccessPolicyKind, Map<string, readonly string[]>> = {
    keys: new Map(),
    secrets: new Map(),
    certificates: new Map(),
    storage: new Map(),
  };
  for (const [index, entry] of permissions.entries()) {
    const table = Object.hasOwn(byList, entry.list ?? '') ? byList[entry.list as AccessPolicyKind] : undefined;
    // A row the engine cannot place would shrink what `all` grants: refuse the file rather than judge with less.
    if (!table || typeof entry.permission !== 'string' || !Array.isArray(entry.dataActions))
      throw new Error(
        `${KEY_VAULT_ACCESS_POLICY_DATA_FILE}: permissions[${index}] is not a list, permission and data actions`,
      );
    table.set(entry.permission, entry.dataActions);
  }
  return (loaded = { dataset: { source: data.source, date: data.date, count: data.count }, byList });
}

/** Where the access policy mapping comes from, and as of when. */
export function keyVaultAccessPolicyData(): KeyVaultAccessPolicyDataset {
  return { ...mapping().dataset };
}

/** Whether the data has been read in this process (a test checks that importing the engine does not read it). */
export function keyVaultAccessPolicyDataLoaded(): boolean {
  return loaded !== undefined;
}

/** The permission lists of one access policy, as written (the case Azure ignores is kept for messages). */
export type AccessPolicyPermissions = Partial<Record<AccessPolicyKind, string[]>>;

/** `all` grants every permission of its list (the REST API's `all`; `*` as some tools write it). */
function isAll(permission: string): boolean {
  return permission === '*' || permission.toLowerCase() === 'all';
}

/**
 * The data actions an access policy grants. `all` is every permission of its list, purge included: Azure once left
 * purge out of `all` and no longer documents it either way, so the larger reading is taken (fail closed). A
 * permission Azure does not define is returned in `unknown`, never dropped.
 */
export function accessPolicyDataActions(permissions: AccessPolicyPermissions): {
  dataActions: string[];
  unknown: string[];
} {
  const dataActions = new Set<string>();
  const unknown: string[] = [];
  for (const kind of ACCESS_POLICY_KINDS) {
    const table = mapping().byList[kind];
    for (const permission of permissions[kind] ?? []) {
      const actions = isAll(permission) ? [...table.values()].flat() : table.get(permission.toLowerCase());
      if (actions) for (const action of actions) dataActions.add(action);
      else unknown.push(`${kind}: ${permission}`);
    }
  }
  return { dataActions: [...dataActions].sort(), unknown };
}

/**
 * Why an access policy is privileged, whatever vault it is on: `all` of a list (every operation on every key, secret,
 * certificate or managed storage account of the vault, a wildcard), or `purge` (permanent deletion of soft-deleted
 * objects, which no recovery undoes). Each reason is `<list>: <permission as written>`.
 */
export function privilegedAccessPolicyPermissions(permissions: AccessPolicyPermissions): {
  wildcard: string[];
  purge: string[];
} {
  const wildcard: string[] = [];
  const purge: string[] = [];
  for (const kind of ACCESS_POLICY_KINDS)
    for (const permission of permissions[kind] ?? []) {
      if (isAll(permission)) wildcard.push(`${kind}: ${permission}`);
      else if (permission.toLowerCase() === 'purge') purge.push(`${kind}: ${permission}`);
    }
  return { wildcard, purge };
}

/**
 * Which of `dataActions` no role permission block grants (its dataActions, `*` wildcards, case ignored, less its own
 * notDataActions), as `azurePrivileges` reads a block (`granting`).
 */
export function dataActionsNotGranted(
  dataActions: readonly string[],
  blocks: readonly { dataActions?: string[]; notDataActions?: string[] }[],
): string[] {
  return dataActions.filter(
    (action) => !blocks.some((block) => granting(block.dataActions, block.notDataActions, action).length > 0),
  );
}

/**
 * The Key Vault built-in roles (`Key Vault …`) that together grant `dataActions` on a vault: what `catalog init` writes
 * for an access policy, the roles it would be migrated to under Azure RBAC. Chosen greedily: the role that grants most
 * of what is left, the narrowest (fewest of the vault's data actions) among equals, so secrets get and list give Key
 * Vault Secrets User and get, list and set give Key Vault Secrets Officer. Actions no such role grants are left out:
 * the check keeps reporting them.
 */
export function rolesCoveringDataActions(dataActions: readonly string[]): string[] {
  const universe = [...new Set(Object.values(mapping().byList).flatMap((table) => [...table.values()].flat()))];
  const candidates = builtInRoles()
    .filter((role) => /^Key Vault /.test(role.name) && role.permissions.some((block) => block.dataActions?.length))
    .map((role) => ({
      name: role.name,
      blocks: role.permissions,
      breadth: universe.length - dataActionsNotGranted(universe, role.permissions).length,
    }));
  const chosen: string[] = [];
  let left = [...dataActions];
  for (;;) {
    const ranked = candidates
      .map((candidate) => ({
        ...candidate,
        covers: left.length - dataActionsNotGranted(left, candidate.blocks).length,
      }))
      .filter(({ covers }) => covers > 0)
      .sort((a, b) => b.covers - a.covers || a.breadth - b.breadth || a.name.localeCompare(b.name));
    const best = ranked[0];
    if (!best) break;
    chosen.push(best.name);
    left = dataActionsNotGranted(left, best.blocks);
  }
  return chosen.sort();
}
