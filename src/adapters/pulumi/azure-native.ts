/**
 * Azure Resource Manager resources (`@pulumi/azure-native`): user-assigned managed identities and their
 * federated credentials, RBAC role assignments (built-in roles by id, custom role definitions of the same
 * change with their permissions), and Key Vault secrets with their expiry.
 */
import { azureScopeLevel, builtInRoleName } from '../../iam/azure/roles.js';
import { isUnknown, unknownValue, type Identity, type Maybe, type RoleGrant } from '../../model/model.js';
import { azureIdentity, externalIdentity, federated, grantTo, tagsOf, type AzureGraph } from './azuread.js';
import { isComputed, linked, type Entry } from './links.js';
import { isKnownRecord } from '../../util/records.js';
import { items, knownString } from './values.js';

const T = {
  managedIdentity: 'azure-native:managedidentity:UserAssignedIdentity',
  federatedCredential: 'azure-native:managedidentity:FederatedIdentityCredential',
  roleAssignment: 'azure-native:authorization:RoleAssignment',
  roleDefinition: 'azure-native:authorization:RoleDefinition',
  keyVaultSecret: 'azure-native:keyvault:Secret',
} as const;

export const AZURE_NATIVE_TYPES: readonly string[] = Object.values(T);

export function addAzureNativeResources(graph: AzureGraph, entries: Entry[], findPrincipal: (entry: Entry, property: string) => Identity | undefined): void {
  const of = (type: string) => entries.filter((entry) => entry.resource.type === type);
  const managed = new Map<string, Identity>();
  for (const entry of of(T.managedIdentity)) {
    const identity = azureIdentity(entry, 'azure-managed-identity', knownString(entry.props.resourceName) ?? entry.ref.name, new Map());
    identity.tags = tagsOf(entry.props.tags);
    graph.model.identities.push(identity);
    graph.principals.set(entry.ref.urn!, identity);
    graph.principalIdOf.set(identity, [entry.props.principalId].filter((id): id is string => typeof id === 'string'));
    managed.set(entry.ref.urn!, identity);
  }
  for (const entry of of(T.federatedCredential)) {
    const [identity] = linked(entry, 'resourceName', managed, (candidate, value) => candidate.name === value);
    (identity ?? externalIdentity(graph, entry, 'resourceName', 'azure-managed-identity')).credentials.push(federated(entry));
  }
  const definitions = new Map(of(T.roleDefinition).map((entry) => [entry.ref.urn!, entry]));
  for (const entry of of(T.roleAssignment)) {
    const scope = stringValue(entry.props.scope, `${entry.ref.name}.scope`);
    const grant: RoleGrant = { kind: 'role', cloud: 'azure', source: entry.ref, role: unknownValue(`${entry.ref.name}.roleDefinitionId is not set`), scope };
    if (typeof scope === 'string') grant.scopeLevel = azureScopeLevel(scope);
    describeRole(grant, entry, definitions);
    grantTo(graph, entry, findPrincipal(entry, 'principalId'), 'principalId', grant);
  }
  for (const entry of of(T.keyVaultSecret)) {
    const properties = isKnownRecord(entry.props.properties) ? entry.props.properties : {};
    const attributes = isKnownRecord(properties.attributes) ? properties.attributes : {};
    const expires = attributes.expires;
    graph.model.secrets.push({
      id: entry.ref.urn ?? entry.ref.name,
      cloud: 'azure',
      name: knownString(entry.props.secretName) ?? entry.ref.name,
      resource: entry.ref,
      tags: tagsOf(entry.props.tags),
      // Key Vault keeps `exp` in seconds since the epoch.
      ...(typeof expires === 'number' ? { expiresAt: new Date(expires * 1000).toISOString() } : isUnknown(expires) ? { expiresAt: expires } : {}),
      ...(typeof properties.value === 'string' && !isComputed(entry, 'properties') ? { valueInProgram: true } : {}),
    });
  }
}

/** The role a roleDefinitionId names: a built-in role by its GUID, or a custom RoleDefinition of the change. */
function describeRole(grant: RoleGrant, entry: Entry, definitions: Map<string, Entry>): void {
  const value = entry.props.roleDefinitionId;
  const builtIn = typeof value === 'string' ? builtInRoleName(value) : undefined;
  if (builtIn) {
    grant.role = builtIn;
    return;
  }
  const [definition] = linked(entry, 'roleDefinitionId', definitions, (candidate, id) => [candidate.props.id, candidate.props.name].some((known) => typeof known === 'string' && (id === known || id.endsWith(`/${known}`))));
  if (definition) {
    grant.role = knownString(definition.props.roleName) ?? definition.ref.name;
    grant.permissions = items(definition.props.permissions)
      .filter(isKnownRecord)
      .map((permission) => ({ actions: strings(permission.actions), notActions: strings(permission.notActions) }));
    return;
  }
  if (typeof value === 'string' || isUnknown(value)) grant.role = value;
}

function stringValue(value: unknown, what: string): Maybe<string> {
  return typeof value === 'string' || isUnknown(value) ? value : unknownValue(`${what} is not set`);
}

function strings(value: unknown): string[] {
  return items(value).filter((item): item is string => typeof item === 'string');
}
