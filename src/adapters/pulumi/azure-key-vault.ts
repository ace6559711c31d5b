/**
 * Azure Key Vault access policies, from `@pulumi/azure-native` and from the classic `@pulumi/azure` provider (and so
 * Terraform's azurerm, which the Terraform adapter maps onto the classic records): the vault's inline policies
 * (azure-native `properties.accessPolicies`, classic `accessPolicies`) and the separate AccessPolicy resources. Each
 * policy is a grant to its principal (`objectId`) of the Key Vault data actions its permission lists stand for, on the
 * vault: the grant an Azure role assignment of those data actions on the vault would be, judged the same way.
 *
 * Shapes: @pulumi/azure-native 3.28.0 keyvault (Vault `properties.accessPolicies[]` and AccessPolicy `policy`, each an
 * AccessPolicyEntry: objectId, applicationId, tenantId, permissions.{keys,secrets,certificates,storage});
 * @pulumi/azure keyvault (KeyVault `accessPolicies[]` and AccessPolicy: objectId, applicationId, keyPermissions,
 * secretPermissions, certificatePermissions, storagePermissions; AccessPolicy `keyVaultId`).
 */
import {
  accessPolicyDataActions,
  ACCESS_POLICY_KINDS,
  KEY_VAULT_ACCESS_POLICY,
} from '../../iam/azure/key-vault-access-policies.js';
import {
  isUnknown,
  unknownValue,
  type Identity,
  type KeyVaultPermissionList,
  type Maybe,
  type RoleGrant,
  type Unknown,
} from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';
import { grantTo, type AzureGraph } from './azure-graph.js';
import { dependencyUrns, type Entry } from './links.js';
import { items, knownString } from './values.js';

export const KEY_VAULT_TYPES = {
  vault: 'azure-native:keyvault:Vault',
  accessPolicy: 'azure-native:keyvault:AccessPolicy',
  classicVault: 'azure:keyvault/keyVault:KeyVault',
  classicAccessPolicy: 'azure:keyvault/accessPolicy:AccessPolicy',
} as const;

export const KEY_VAULT_TYPE_LIST: readonly string[] = Object.values(KEY_VAULT_TYPES);

/** Where each provider keeps a policy's permission lists. */
const NATIVE_LISTS: Record<KeyVaultPermissionList, string> = {
  keys: 'keys',
  secrets: 'secrets',
  certificates: 'certificates',
  storage: 'storage',
};
const CLASSIC_LISTS: Record<KeyVaultPermissionList, string> = {
  keys: 'keyPermissions',
  secrets: 'secretPermissions',
  certificates: 'certificatePermissions',
  storage: 'storagePermissions',
};

/** One access policy as read: where it is written, its principal and permissions. */
interface PolicyEntry {
  /** The resource that writes it (the vault for an inline policy). */
  entry: Entry;
  /** The policy object (an inline list item, azure-native's `policy`, or the classic resource's own inputs). */
  policy: unknown;
  /** The property of `entry` the policy's values come from, for the principal's dependencies. */
  container: string;
  /** Whether the principal may be taken from the container's dependencies (the container holds this policy alone). */
  alone: boolean;
  lists: Record<KeyVaultPermissionList, string>;
  /** How a message names it: `vault.properties.accessPolicies[1]`, `reader.policy`. */
  label: string;
  scope: Maybe<string>;
}

export function addKeyVaultAccessPolicies(
  graph: AzureGraph,
  entries: Entry[],
  findPrincipal: (entry: Entry, property: string) => Identity | undefined,
): void {
  const of = (type: string) => entries.filter((entry) => entry.resource.type === type);
  const vaults = [...of(KEY_VAULT_TYPES.vault), ...of(KEY_VAULT_TYPES.classicVault)];
  const policies: PolicyEntry[] = [];
  for (const entry of of(KEY_VAULT_TYPES.vault)) {
    const properties = entry.props.properties;
    if (isUnknown(properties)) {
      policies.push(unknownList(entry, 'properties', properties, NATIVE_LISTS, vaultScope(entry)));
      continue;
    }
    if (!isKnownRecord(properties) || properties.enableRbacAuthorization === true) continue;
    policies.push(...inline(entry, 'properties', 'properties.accessPolicies', properties.accessPolicies, NATIVE_LISTS));
  }
  for (const entry of of(KEY_VAULT_TYPES.classicVault)) {
    // Azure ignores a vault's access policies while it authorizes data actions with Azure RBAC.
    if (entry.props.enableRbacAuthorization === true || entry.props.rbacAuthorizationEnabled === true) continue;
    policies.push(...inline(entry, 'accessPolicies', 'accessPolicies', entry.props.accessPolicies, CLASSIC_LISTS));
  }
  for (const entry of of(KEY_VAULT_TYPES.accessPolicy)) {
    const policy = entry.props.policy;
    const permissions = isKnownRecord(policy) ? policy.permissions : policy;
    policies.push({
      entry,
      policy: isKnownRecord(policy) ? { ...policy, ...asLists(permissions, NATIVE_LISTS) } : policy,
      container: 'policy',
      alone: true,
      lists: NATIVE_LISTS,
      label: `${entry.ref.name}.policy`,
      scope: namedVaultScope(entry.props.resourceGroupName, entry.props.vaultName, vaults, entry),
    });
  }
  for (const entry of of(KEY_VAULT_TYPES.classicAccessPolicy)) {
    const id = entry.props.keyVaultId;
    policies.push({
      entry,
      policy: entry.props,
      container: 'objectId',
      alone: true,
      lists: CLASSIC_LISTS,
      label: entry.ref.name,
      scope: classicPolicyScope(entry, id, vaults),
    });
  }
  for (const policy of policies) addPolicy(graph, policy, findPrincipal);
}

/** The inline policies of a vault, each with the vault's scope. */
function inline(
  entry: Entry,
  container: string,
  path: string,
  value: unknown,
  lists: Record<KeyVaultPermissionList, string>,
): PolicyEntry[] {
  const scope = vaultScope(entry);
  if (isUnknown(value)) return [unknownList(entry, container, value, lists, scope)];
  const list = items(value);
  return list.map((policy, index) => ({
    entry,
    policy:
      isKnownRecord(policy) && lists === NATIVE_LISTS ? { ...policy, ...asLists(policy.permissions, lists) } : policy,
    container,
    alone: list.length === 1,
    lists,
    label: `${entry.ref.name}.${path}[${index}]`,
    scope,
  }));
}

/** A vault whose policy list is known only at apply: one grant to a principal that cannot be seen either. */
function unknownList(
  entry: Entry,
  container: string,
  value: Unknown,
  lists: Record<KeyVaultPermissionList, string>,
  scope: Maybe<string>,
): PolicyEntry {
  return {
    entry,
    policy: value,
    container,
    alone: false,
    lists,
    label: `Key Vault access policies of ${entry.ref.name}`,
    scope,
  };
}

/** azure-native nests the lists in `permissions`: lifted to the policy object, or the whole object when unknown. */
function asLists(permissions: unknown, lists: Record<KeyVaultPermissionList, string>): Record<string, unknown> {
  if (isUnknown(permissions)) return Object.fromEntries(ACCESS_POLICY_KINDS.map((kind) => [lists[kind], permissions]));
  return isKnownRecord(permissions) ? permissions : {};
}

function addPolicy(
  graph: AzureGraph,
  { entry, policy, container, alone, lists, label, scope }: PolicyEntry,
  findPrincipal: (entry: Entry, property: string) => Identity | undefined,
): void {
  const record = isKnownRecord(policy) ? policy : {};
  const grant: RoleGrant = {
    kind: 'role',
    cloud: 'azure',
    source: entry.ref,
    role: KEY_VAULT_ACCESS_POLICY,
    scope,
    scopeLevel: 'resource',
  };
  if (isUnknown(policy)) grant.role = unknownValue(`${label}: ${policy.description}`);
  else {
    const read = readLists(record, lists, label);
    if (isUnknown(read)) grant.role = read;
    else {
      const { dataActions, unknown } = accessPolicyDataActions(read);
      // A policy that grants nothing (every list empty) adds nothing to judge.
      if (dataActions.length === 0 && unknown.length === 0) return;
      if (unknown.length)
        grant.role = unknownValue(`${label}: ${unknown.join(', ')}: not a permission Azure defines for that list`);
      else grant.permissions = [{ dataActions }];
      const applicationId = record.applicationId;
      grant.keyVaultAccessPolicy = {
        lists: read,
        ...(typeof applicationId === 'string' && applicationId !== ''
          ? { applicationId }
          : isUnknown(applicationId)
            ? { applicationId }
            : {}),
      };
    }
  }
  // The principal, as a role assignment's: matched by its object id, else (when the id is known only at apply) by the
  // resource it was computed from, where the policy's container holds this policy alone.
  const objectId = isUnknown(policy) ? policy : record.objectId;
  // Named as written (`vault.properties.accessPolicies[1].objectId not set`) where the principal is outside the change.
  const property = label.startsWith(`${entry.ref.name}.`)
    ? `${label.slice(entry.ref.name.length + 1)}.objectId`
    : 'objectId';
  const principalEntry: Entry = {
    resource: {
      ...entry.resource,
      propertyDependencies: alone ? { [property]: dependencyUrns(entry, container) } : {},
    },
    props: { [property]: objectId },
    ref: entry.ref,
  };
  grantTo(graph, principalEntry, findPrincipal(principalEntry, property), property, grant);
}

/** The permission lists as written; Unknown when any list or item is known only at apply. */
function readLists(
  record: Record<string, unknown>,
  lists: Record<KeyVaultPermissionList, string>,
  label: string,
): Maybe<Partial<Record<KeyVaultPermissionList, string[]>>> {
  const read: Partial<Record<KeyVaultPermissionList, string[]>> = {};
  for (const kind of ACCESS_POLICY_KINDS) {
    const value = record[lists[kind]];
    if (isUnknown(value)) return unknownValue(`${label} ${kind} permissions: ${value.description}`);
    const list = items(value);
    const unknown = list.find(isUnknown);
    if (unknown) return unknownValue(`${label} ${kind} permissions: ${unknown.description}`);
    const names = list.filter((item): item is string => typeof item === 'string' && item !== '');
    if (names.length) read[kind] = names;
  }
  return read;
}

/**
 * A vault's resource id: the id when the record has it, else its path from the names the program writes, with the
 * subscription left as `{subscription}` (the provider's, not in the program; an entitlement scope that names a
 * subscription does not match it, one written `/subscriptions/*` does). Unknown when the names are not known either.
 */
function vaultScope(entry: Entry): Maybe<string> {
  const id = entry.props.id;
  if (typeof id === 'string' && id !== '') return id;
  const name = entry.resource.type === KEY_VAULT_TYPES.vault ? entry.props.vaultName : entry.props.name;
  const path = vaultPath(entry.props.resourceGroupName, name, `the id of vault ${entry.ref.name}`);
  // An id known only at apply says so better than a missing name does.
  return isUnknown(path) && isUnknown(id) ? id : path;
}

/** The scope of a separate azure-native AccessPolicy: its vault's, by name when the change creates the vault. */
function namedVaultScope(resourceGroup: unknown, name: unknown, vaults: Entry[], entry: Entry): Maybe<string> {
  const vault = vaults.find(
    (candidate) =>
      (typeof name === 'string' && name !== '' && candidate.props.vaultName === name) ||
      dependencyUrns(entry, 'vaultName').includes(candidate.resource.urn),
  );
  if (vault) return vaultScope(vault);
  return vaultPath(resourceGroup, name, `the vault of ${entry.ref.name}`);
}

/**
 * A classic AccessPolicy's vault: its `keyVaultId`, or (known only at apply) the scope of the vault of the change it
 * was computed from, whose name the program writes.
 */
function classicPolicyScope(entry: Entry, id: unknown, vaults: Entry[]): Maybe<string> {
  if (typeof id === 'string' && id !== '') return id;
  const vault = vaults.find((candidate) => dependencyUrns(entry, 'keyVaultId').includes(candidate.resource.urn));
  const scope = vault ? vaultScope(vault) : undefined;
  if (scope !== undefined && !isUnknown(scope)) return scope;
  return isUnknown(id) ? id : unknownValue(`${entry.ref.name}.keyVaultId is not set`);
}

function vaultPath(resourceGroup: unknown, name: unknown, what: string): Maybe<string> {
  const group = knownString(resourceGroup);
  const vault = knownString(name);
  if (group && vault)
    return `/subscriptions/{subscription}/resourceGroups/${group}/providers/Microsoft.KeyVault/vaults/${vault}`;
  const missing = isUnknown(name) ? name : isUnknown(resourceGroup) ? resourceGroup : undefined;
  return unknownValue(`${what}: ${missing ? missing.description : 'its name or resource group is not set'}`);
}
