/**
 * Azure Resource Manager resources, from `@pulumi/azure-native` and from the classic `@pulumi/azure` provider:
 * user-assigned managed identities and their federated credentials, RBAC role assignments (built-in roles by id or
 * by name, custom role definitions of the same change with their permissions) and the roles granted through PIM
 * with their schedules (azure-pim.ts), the custom role definitions
 * themselves (judged bound or not), and Key Vault secrets with their expiry.
 *
 * Entry points other adapters map onto (the Terraform adapter's azurerm resources): `AZURE_NATIVE_TYPES`,
 * `AZURE_CLASSIC_TYPES` and the property names of each shape below.
 */
import { azureScopeLevel, builtInRoleById, builtInRoleByName, sameAzureRoleName } from '../../iam/azure/roles.js';
import {
  isUnknown,
  unknownValue,
  type Identity,
  type Maybe,
  type RoleDefinition,
  type RoleGrant,
  type RolePermission,
} from '../../model/model.js';
import { azureIdentity, externalIdentity, federated, grantTo, tagsOf, type AzureGraph } from './azure-graph.js';
import { isComputed, linked, type Entry } from './links.js';
import { mustGet } from '../../util/must.js';
import { isKnownRecord } from '../../util/records.js';
import { items, knownString } from './values.js';
import { pimSchedule, PIM_TYPES, removesRole } from './azure-pim.js';

const TYPES = {
  managedIdentity: 'azure-native:managedidentity:UserAssignedIdentity',
  federatedCredential: 'azure-native:managedidentity:FederatedIdentityCredential',
  roleAssignment: 'azure-native:authorization:RoleAssignment',
  roleDefinition: 'azure-native:authorization:RoleDefinition',
  keyVaultSecret: 'azure-native:keyvault:Secret',
} as const;

/** The classic provider's types (`@pulumi/azure`, bridged from Terraform's azurerm): the same facts, other names. */
const C = {
  managedIdentity: 'azure:authorization/userAssignedIdentity:UserAssignedIdentity',
  roleAssignment: 'azure:authorization/assignment:Assignment',
  roleDefinition: 'azure:authorization/roleDefinition:RoleDefinition',
} as const;

const PIM_TYPE_LIST = Object.keys(PIM_TYPES);

export const AZURE_NATIVE_TYPES: readonly string[] = [
  ...Object.values(TYPES),
  ...PIM_TYPE_LIST.filter((type) => type.startsWith('azure-native:')),
];
export const AZURE_CLASSIC_TYPES: readonly string[] = [
  ...Object.values(C),
  ...PIM_TYPE_LIST.filter((type) => type.startsWith('azure:')),
];

/** How each provider spells a custom role definition. */
const DEFINITION_SHAPES = new Map<string, { name: string; ids: string[] }>([
  [TYPES.roleDefinition, { name: 'roleName', ids: ['id', 'name'] }],
  [C.roleDefinition, { name: 'name', ids: ['roleDefinitionResourceId', 'roleDefinitionId', 'id'] }],
]);

/** The shape of a role definition entry: the entries are of the two types above only. */
function definitionShape(entry: Entry): { name: string; ids: string[] } {
  return mustGet(DEFINITION_SHAPES, entry.resource.type, 'the azure-native adapter (a role definition)');
}

export function addAzureNativeResources(
  graph: AzureGraph,
  entries: Entry[],
  findPrincipal: (entry: Entry, property: string) => Identity | undefined,
): void {
  const of = (type: string) => entries.filter((entry) => entry.resource.type === type);
  const managed = new Map<string, Identity>();
  for (const entry of [...of(TYPES.managedIdentity), ...of(C.managedIdentity)]) {
    const name = entry.resource.type === C.managedIdentity ? entry.props.name : entry.props.resourceName;
    const identity = azureIdentity(entry, 'azure-managed-identity', knownString(name) ?? entry.ref.name, new Map());
    identity.tags = tagsOf(entry.props.tags);
    graph.model.identities.push(identity);
    graph.principals.set(entry.resource.urn, identity);
    graph.principalIdOf.set(
      identity,
      [entry.props.principalId].filter((id): id is string => typeof id === 'string'),
    );
    managed.set(entry.resource.urn, identity);
  }
  for (const entry of of(TYPES.federatedCredential)) {
    const [identity] = linked(entry, 'resourceName', managed, (candidate, value) => candidate.name === value);
    (identity ?? externalIdentity(graph, entry, 'resourceName', 'azure-managed-identity')).credentials.push(
      federated(entry),
    );
  }
  const definitionEntries = [...of(TYPES.roleDefinition), ...of(C.roleDefinition)];
  const definitions = new Map(definitionEntries.map((entry) => [entry.resource.urn, entry]));
  if (definitionEntries.length) (graph.model.roleDefinitions ??= []).push(...definitionEntries.map(roleDefinition));
  // Role assignments, and roles granted through PIM (eligible or active, with their schedule: azure-pim.ts); a request
  // that removes a role grants nothing.
  const pim = entries.filter((entry) => Object.hasOwn(PIM_TYPES, entry.resource.type) && !removesRole(entry));
  for (const entry of [...of(TYPES.roleAssignment), ...of(C.roleAssignment), ...pim]) {
    const scope = stringValue(entry.props.scope, `${entry.ref.name}.scope`);
    const assignment = Object.hasOwn(PIM_TYPES, entry.resource.type) ? PIM_TYPES[entry.resource.type] : undefined;
    const grant: RoleGrant = {
      kind: 'role',
      cloud: 'azure',
      source: entry.ref,
      role: unknownValue(`${entry.ref.name}.roleDefinitionId is not set`),
      scope,
      ...(assignment ? { pim: pimSchedule(entry, assignment) } : {}),
    };
    if (typeof scope === 'string') grant.scopeLevel = azureScopeLevel(scope);
    describeRole(grant, entry, definitions);
    grantTo(graph, entry, findPrincipal(entry, 'principalId'), 'principalId', grant);
  }
  for (const entry of of(TYPES.keyVaultSecret)) {
    const properties = isKnownRecord(entry.props.properties) ? entry.props.properties : {};
    const attributes = isKnownRecord(properties.attributes) ? properties.attributes : {};
    const expires = attributes.expires;
    graph.model.secrets.push({
      id: entry.ref.urn ?? entry.ref.name,
      cloud: 'azure',
      name: knownString(entry.props.secretName) ?? entry.ref.name,
      resource: entry.ref,
      tags: tagsOf(entry.props.tags),
      expiryAdvice: 'properties.attributes.expires',
      // Key Vault keeps `exp` in seconds since the epoch.
      ...(typeof expires === 'number'
        ? { expiresAt: new Date(expires * 1000).toISOString() }
        : isUnknown(expires)
          ? { expiresAt: expires }
          : {}),
      ...(typeof properties.value === 'string' && !isComputed(entry, 'properties') ? { valueInProgram: true } : {}),
    });
  }
}

/**
 * Resources with a system-assigned managed identity (`identity: { type: 'SystemAssigned' }` on a web app, a Synapse
 * workspace, an AKS cluster, a VM, … in azure-native or the classic provider): Azure creates that identity with the
 * resource, and role assignments name it by `<resource>.identity.principalId`. It is an identity of the change as a
 * user-assigned one is, so it is held to the same rules (owner, entitlements), not left an anonymous principal id:
 * named after its resource, with the resource's tags (the owner of the resource owns its identity).
 */
export function isSystemAssignedCandidate(type: string): boolean {
  return (
    (type.startsWith('azure-native:') || type.startsWith('azure:')) &&
    !AZURE_NATIVE_TYPES.includes(type) &&
    !AZURE_CLASSIC_TYPES.includes(type)
  );
}

/** `SystemAssigned`, alone or with user-assigned identities (`SystemAssigned, UserAssigned`), in any case. */
export function hasSystemAssignedType(type: unknown): boolean {
  return typeof type === 'string' && /systemassigned/i.test(type);
}

export function addSystemAssignedIdentities(graph: AzureGraph, entries: Entry[]): void {
  for (const entry of entries) {
    const block = entry.props.identity;
    // A type known only at apply names no identity the check can hold: a grant to it is still judged, as an external one.
    if (!isKnownRecord(block) || !hasSystemAssignedType(block.type)) continue;
    const name = knownString(entry.props.name) ?? entry.ref.name;
    const identity = azureIdentity(entry, 'azure-managed-identity', name, new Map());
    identity.tags = tagsOf(entry.props.tags);
    graph.model.identities.push(identity);
    graph.principals.set(entry.resource.urn, identity);
    graph.principalIdOf.set(
      identity,
      [block.principalId].filter((id): id is string => typeof id === 'string' && id !== ''),
    );
  }
}

/**
 * The role an assignment names: a built-in role by the GUID of its roleDefinitionId or (classic provider) by its
 * roleDefinitionName, or a custom role definition of the change with its permissions. Anything else keeps the value as
 * written, which the rules cannot read and say so.
 */
function describeRole(grant: RoleGrant, entry: Entry, definitions: Map<string, Entry>): void {
  const value = entry.props.roleDefinitionId;
  const byName = entry.props.roleDefinitionName;
  // The classic provider fills roleDefinitionId from roleDefinitionName (unknown in preview): either may name the role.
  const builtIn =
    (typeof value === 'string' ? builtInRoleById(value) : undefined) ??
    (typeof byName === 'string' ? builtInRoleByName(byName) : undefined);
  if (builtIn) {
    grant.role = builtIn.name;
    return;
  }
  const matchesId = (candidate: Entry, id: string) =>
    definitionShape(candidate).ids.some((property) => {
      const known = candidate.props[property];
      // Classic ids are `<resource id>|<scope>`; a bare GUID is the tail of the resource id.
      return (
        typeof known === 'string' &&
        known !== '' &&
        (id === known || id.endsWith(`/${known}`) || known.startsWith(`${id}|`))
      );
    });
  const [definition] = [
    ...linked(entry, 'roleDefinitionId', definitions, matchesId),
    ...linked(entry, 'roleDefinitionName', definitions, (candidate, name) =>
      sameAzureRoleName(definitionName(candidate), name),
    ),
  ];
  if (definition) {
    grant.role = definitionName(definition);
    const permissions = permissionsOf(definition);
    if (!isUnknown(permissions)) grant.permissions = permissions;
    return;
  }
  const written =
    typeof byName === 'string' && typeof value !== 'string' ? byName : value !== undefined ? value : byName;
  if (typeof written === 'string' || isUnknown(written)) grant.role = written;
  else grant.role = unknownValue(`${entry.ref.name}: neither roleDefinitionId nor roleDefinitionName is set`);
}

function definitionName(entry: Entry): string {
  return writtenDefinitionName(entry) ?? entry.ref.name;
}

/** The role name the definition writes, where it is known. */
function writtenDefinitionName(entry: Entry): string | undefined {
  return knownString(entry.props[definitionShape(entry).name]);
}

function permissionsOf(entry: Entry): RolePermission[] | ReturnType<typeof unknownValue> {
  const value = entry.props.permissions;
  if (isUnknown(value)) return value;
  const blocks = items(value);
  if (blocks.some((block) => isUnknown(block)))
    return unknownValue(`${entry.ref.name}.permissions is not known until apply`);
  return blocks.filter(isKnownRecord).map((block) => {
    const permission: RolePermission = {};
    for (const key of ['actions', 'notActions', 'dataActions', 'notDataActions'] as const) {
      const list = strings(block[key]);
      if (list.length) permission[key] = list;
    }
    return permission;
  });
}

/** A custom role definition of the change, judged whether or not an assignment uses it. */
function roleDefinition(entry: Entry): RoleDefinition {
  // A custom role's name is unique in its Microsoft Entra tenant: a finding about the role may be waived by it.
  const roleName = writtenDefinitionName(entry);
  if (roleName !== undefined) entry.ref.physicalName = roleName;
  const scopes = items(entry.props.assignableScopes).filter((scope): scope is string => typeof scope === 'string');
  const scope = scopes.length ? scopes.join(', ') : knownString(entry.props.scope);
  return {
    cloud: 'azure',
    kind: 'azure-custom-role',
    name: roleName ?? entry.ref.name,
    source: entry.ref,
    ...(scope ? { scope } : {}),
    permissions: permissionsOf(entry),
  };
}

function stringValue(value: unknown, what: string): Maybe<string> {
  return typeof value === 'string' || isUnknown(value) ? value : unknownValue(`${what} is not set`);
}

function strings(value: unknown): string[] {
  return items(value).filter((item): item is string => typeof item === 'string');
}
