/**
 * Azure Key Vault access policies: what each permission of a vault access policy lets its principal do, as the
 * Key Vault data actions Azure RBAC names for the same operations, so an access policy is judged as a role assignment
 * of those data actions on the vault.
 *
 * Source: Microsoft's mapping of access-policy permissions to RBAC data actions, written for the move from access
 * policies to Azure RBAC (github.com/Azure/KeyVault-AccessPolicyToRBAC-CompareTool@6b8d7175457deb76c9b671c2ac40118b478da91f,
 * Tool/AcessPolicyRBACMapping.csv), the permission names of the Key Vault REST API (learn.microsoft.com/rest/api/keyvault/
 * keyvault/vaults/create-or-update, `Permissions`). No dataset of this repository holds this mapping (the built-in role
 * data lists roles, not operations), so the rows are written here, one per row of that file, in its order.
 */
import type { KeyVaultPermissionList } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';
import { builtInRoles } from './roles.js';

/** The four permission lists of an access policy, in the order messages name them. */
export const ACCESS_POLICY_KINDS: readonly KeyVaultPermissionList[] = ['keys', 'secrets', 'certificates', 'storage'];
type AccessPolicyKind = KeyVaultPermissionList;

/** The role name a Key Vault access policy grant carries (no Azure role has it: the grant is judged by its data actions). */
export const KEY_VAULT_ACCESS_POLICY = 'Key Vault access policy';

const V = 'Microsoft.KeyVault/vaults';

/** Permission name (lower case, as Azure compares them) to the data actions it grants, per list. */
const DATA_ACTIONS: Readonly<Record<AccessPolicyKind, Readonly<Record<string, readonly string[]>>>> = {
  keys: {
    get: [`${V}/keys/read`],
    list: [`${V}/keys/read`],
    update: [`${V}/keys/update/action`],
    create: [`${V}/keys/create/action`],
    import: [`${V}/keys/import/action`],
    delete: [`${V}/keys/delete`],
    recover: [`${V}/keys/recover/action`],
    backup: [`${V}/keys/backup/action`],
    restore: [`${V}/keys/restore/action`],
    decrypt: [`${V}/keys/decrypt/action`],
    encrypt: [`${V}/keys/encrypt/action`],
    unwrapkey: [`${V}/keys/unwrap/action`],
    wrapkey: [`${V}/keys/wrap/action`],
    verify: [`${V}/keys/verify/action`],
    sign: [`${V}/keys/sign/action`],
    purge: [`${V}/keys/purge/action`],
    release: [`${V}/keys/release/action`],
    rotate: [`${V}/keys/rotate/action`],
    getrotationpolicy: [`${V}/keyrotationpolicies/read`],
    setrotationpolicy: [`${V}/keyrotationpolicies/write`],
  },
  certificates: {
    get: [`${V}/certificates/read`],
    list: [`${V}/certificates/read`],
    update: [`${V}/certificates/update/action`],
    create: [`${V}/certificates/create/action`],
    import: [`${V}/certificates/import/action`],
    delete: [`${V}/certificates/delete`],
    recover: [`${V}/certificates/recover/action`],
    backup: [`${V}/certificates/backup/action`],
    restore: [`${V}/certificates/restore/action`],
    managecontacts: [`${V}/certificatecontacts/write`],
    manageissuers: [`${V}/certificatecas/write`],
    getissuers: [`${V}/certificatecas/read`],
    listissuers: [`${V}/certificatecas/read`],
    setissuers: [`${V}/certificatecas/write`],
    deleteissuers: [`${V}/certificatecas/delete`],
    purge: [`${V}/certificates/purge/action`],
  },
  secrets: {
    get: [`${V}/secrets/getSecret/action`],
    list: [`${V}/secrets/readMetadata/action`],
    set: [`${V}/secrets/setSecret/action`, `${V}/secrets/update/action`],
    delete: [`${V}/secrets/delete`],
    recover: [`${V}/secrets/recover/action`],
    backup: [`${V}/secrets/backup/action`],
    restore: [`${V}/secrets/restore/action`],
    purge: [`${V}/secrets/purge/action`],
  },
  storage: {
    get: [`${V}/storageaccounts/read`],
    list: [`${V}/storageaccounts/read`],
    delete: [`${V}/storageaccounts/delete`],
    set: [`${V}/storageaccounts/set/action`],
    update: [`${V}/storageaccounts/set/action`],
    regeneratekey: [`${V}/storageaccounts/regeneratekey/action`],
    getsas: [`${V}/storageaccounts/sas/read`],
    listsas: [`${V}/storageaccounts/sas/read`],
    deletesas: [`${V}/storageaccounts/sas/delete`],
    setsas: [`${V}/storageaccounts/sas/set/action`],
    recover: [`${V}/storageaccounts/recover/action`],
    backup: [`${V}/storageaccounts/backup/action`],
    restore: [`${V}/storageaccounts/restore/action`],
    purge: [`${V}/storageaccounts/purge/action`],
  },
};

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
    const table = DATA_ACTIONS[kind];
    for (const permission of permissions[kind] ?? []) {
      const actions = isAll(permission)
        ? Object.values(table).flat()
        : Object.hasOwn(table, permission.toLowerCase())
          ? table[permission.toLowerCase()]
          : undefined;
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
 * Which of `dataActions` no allowed pattern grants (`allowed` are role data actions, `*` wildcards, case ignored,
 * each block's notDataActions removing from that block only).
 */
export function dataActionsNotGranted(
  dataActions: readonly string[],
  blocks: readonly { dataActions?: string[]; notDataActions?: string[] }[],
): string[] {
  return dataActions.filter(
    (action) =>
      !blocks.some(
        (block) =>
          (block.dataActions ?? []).some((pattern) => globMatch(pattern, action, { caseInsensitive: true })) &&
          !(block.notDataActions ?? []).some((pattern) => globMatch(pattern, action, { caseInsensitive: true })),
      ),
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
  const universe = [...new Set(Object.values(DATA_ACTIONS).flatMap((table) => Object.values(table).flat()))];
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
