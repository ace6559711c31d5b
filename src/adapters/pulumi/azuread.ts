/**
 * Azure AD / Entra ID resources (`@pulumi/azuread`) into the model. An application and its service principal
 * are one workload identity: the service principal is the identity (RBAC and directory roles are assigned to
 * it) and takes the application's name, owners, tags and credentials; an application without a service
 * principal in the change is an identity of its own. Owners that are groups or users of the same change are
 * named by their display name, which is what the catalog's owner ids are.
 */
import { ENTRA_DIRECTORY_ROLES, GRAPH_APP_ROLES } from '../../iam/azure/roles.js';
import { emptyModel, isUnknown, unknownValue, type Credential, type Identity, type Maybe, type Model, type RoleGrant } from '../../model/model.js';
import { addAzureNativeResources, AZURE_CLASSIC_TYPES, AZURE_NATIVE_TYPES } from './azure-native.js';
import { entriesOf, linked, type Entry } from './links.js';
import type { PulumiResource } from './resource.js';
import { isKnownRecord } from '../../util/records.js';
import { items, knownString } from './values.js';

const T = {
  application: 'azuread:index/application:Application',
  servicePrincipal: 'azuread:index/servicePrincipal:ServicePrincipal',
  group: 'azuread:index/group:Group',
  user: 'azuread:index/user:User',
  directoryRole: 'azuread:index/directoryRole:DirectoryRole',
  spPassword: 'azuread:index/servicePrincipalPassword:ServicePrincipalPassword',
  spCertificate: 'azuread:index/servicePrincipalCertificate:ServicePrincipalCertificate',
  appPassword: 'azuread:index/applicationPassword:ApplicationPassword',
  appCertificate: 'azuread:index/applicationCertificate:ApplicationCertificate',
  appFederated: 'azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential',
  directoryRoleAssignment: 'azuread:index/directoryRoleAssignment:DirectoryRoleAssignment',
  appRoleAssignment: 'azuread:index/appRoleAssignment:AppRoleAssignment',
} as const;

export const AZUREAD_TYPES: readonly string[] = Object.values(T);

/** The Azure identities of a stack, shared with the azure-native adapter (role assignments, managed identities). */
export interface AzureGraph {
  model: Model;
  /** URN -> the identity a principal id of that resource stands for (service principal, managed identity). */
  principals: Map<string, Identity>;
  /** Matches a principal id value (object id, principal id) to an identity. */
  principalIdOf: Map<Identity, string[]>;
}

export function modelFromAzureResources(resources: readonly PulumiResource[]): Model {
  const entries = entriesOf(resources, (type) => AZUREAD_TYPES.includes(type) || AZURE_NATIVE_TYPES.includes(type) || AZURE_CLASSIC_TYPES.includes(type));
  const graph: AzureGraph = { model: { ...emptyModel(), externalRoleGrants: [] }, principals: new Map(), principalIdOf: new Map() };
  const of = (type: string) => entries.filter((entry) => entry.resource.type === type);
  const owners = ownerNames(entries);

  const applications = new Map<string, { entry: Entry; identity: Identity }>();
  for (const entry of of(T.application)) {
    const identity = azureIdentity(entry, 'azure-application', knownString(entry.props.displayName) ?? entry.ref.name, owners);
    const password = entry.props.password;
    if (isKnownRecord(password)) identity.credentials.push(credential('azure-client-secret', entry, password.endDate));
    applications.set(entry.ref.urn!, { entry, identity });
  }
  const claimed = new Set<string>();
  const servicePrincipals = new Map<string, Identity>();
  for (const entry of of(T.servicePrincipal)) {
    const [app] = linked(entry, 'clientId', applications, ({ entry: appEntry }, value) => appEntry.props.clientId === value);
    const name = app?.identity.name ?? entry.ref.name;
    const identity = azureIdentity(entry, 'azure-service-principal', name, owners);
    if (app) {
      claimed.add(app.entry.ref.urn!);
      identity.platformOwners = [...new Set([...(app.identity.platformOwners ?? []), ...(identity.platformOwners ?? [])])];
      identity.tags = { ...app.identity.tags, ...identity.tags };
      identity.credentials.push(...app.identity.credentials);
      // Credentials and federation written on the application later land on this identity.
      applications.set(app.entry.ref.urn!, { entry: app.entry, identity });
    }
    if (identity.platformOwners?.length === 0) delete identity.platformOwners;
    addPrincipal(graph, entry, identity, ['objectId', 'id']);
    servicePrincipals.set(entry.ref.urn!, identity);
  }
  for (const { entry, identity } of applications.values()) {
    if (!claimed.has(entry.ref.urn!)) addPrincipal(graph, entry, identity, []);
  }

  const findApp = (entry: Entry) => linked(entry, 'applicationId', applications, ({ entry: appEntry }, value) => [appEntry.props.id, appEntry.props.objectId].includes(value) || value === `/applications/${appEntry.props.objectId}`)[0]?.identity;
  const findSp = (entry: Entry, property: string) => linked(entry, property, servicePrincipals, (identity, value) => graph.principalIdOf.get(identity)!.includes(value))[0];

  // A credential for an application or service principal the change does not create still belongs to an identity.
  const holderOf = (entry: Entry, found: Identity | undefined, property: string, kind: Identity['kind']) => found ?? externalIdentity(graph, entry, property, kind);
  for (const entry of of(T.spPassword)) holderOf(entry, findSp(entry, 'servicePrincipalId'), 'servicePrincipalId', 'azure-service-principal').credentials.push(credential('azure-client-secret', entry, entry.props.endDate));
  for (const entry of of(T.spCertificate)) holderOf(entry, findSp(entry, 'servicePrincipalId'), 'servicePrincipalId', 'azure-service-principal').credentials.push(credential('azure-certificate', entry, entry.props.endDate));
  for (const entry of of(T.appPassword)) holderOf(entry, findApp(entry), 'applicationId', 'azure-application').credentials.push(credential('azure-client-secret', entry, entry.props.endDate));
  for (const entry of of(T.appCertificate)) holderOf(entry, findApp(entry), 'applicationId', 'azure-application').credentials.push(credential('azure-certificate', entry, entry.props.endDate));
  for (const entry of of(T.appFederated)) holderOf(entry, findApp(entry), 'applicationId', 'azure-application').credentials.push(federated(entry));

  const directoryRoles = new Map(of(T.directoryRole).map((entry) => [entry.ref.urn!, entry]));
  const findPrincipal = (entry: Entry, property: string) =>
    linked(entry, property, graph.principals, (identity, value) => graph.principalIdOf.get(identity)!.includes(value))[0];
  for (const entry of of(T.directoryRoleAssignment)) {
    const grant: RoleGrant = {
      kind: 'role',
      cloud: 'azure',
      source: entry.ref,
      role: directoryRoleName(entry, directoryRoles),
      scope: knownString(entry.props.directoryScopeId) ?? 'directory',
      scopeLevel: 'directory',
    };
    grantTo(graph, entry, findPrincipal(entry, 'principalObjectId'), 'principalObjectId', grant);
  }
  for (const entry of of(T.appRoleAssignment)) {
    const appRoleId = entry.props.appRoleId;
    const role: Maybe<string> = typeof appRoleId === 'string' ? (GRAPH_APP_ROLES[appRoleId] ?? appRoleId) : isUnknown(appRoleId) ? appRoleId : unknownValue(`${entry.ref.name}.appRoleId is not set`);
    grantTo(graph, entry, findPrincipal(entry, 'principalObjectId'), 'principalObjectId', { kind: 'role', cloud: 'azure', source: entry.ref, role, scope: 'application', scopeLevel: 'application' });
  }
  addAzureNativeResources(graph, entries, (entry, property) => findPrincipal(entry, property));
  if (graph.model.externalRoleGrants!.length === 0) delete graph.model.externalRoleGrants;
  return graph.model;
}

/** A grant to a principal of the change, or else an external grant named `<principalType>:<id>` (type when the resource says). */
export function grantTo(graph: AzureGraph, entry: Entry, principal: Identity | undefined, property: string, grant: RoleGrant): void {
  if (principal) {
    principal.grants.push(grant);
    return;
  }
  const value = entry.props[property];
  const id = typeof value === 'string' ? value : isUnknown(value) ? value.description : `${entry.ref.name}.${property} not set`;
  const type = knownString(entry.props.principalType) ?? 'Principal';
  graph.model.externalRoleGrants!.push({ member: `${type}:${id}`, grant });
}

/** An application, service principal or managed identity the change does not create, named by the id the resource gives. */
export function externalIdentity(graph: AzureGraph, entry: Entry, property: string, kind: Identity['kind']): Identity {
  const value = entry.props[property];
  const name = typeof value === 'string' ? value.replace(/^\/applications\//, '') : entry.ref.name;
  const id = `${entry.ref.stack ?? ''}/external-${kind}:${name}`;
  let identity = graph.model.identities.find((candidate) => candidate.id === id);
  if (!identity) {
    identity = { id, cloud: 'azure', kind, name, resource: entry.ref, tags: {}, grants: [], credentials: [], attachments: [] };
    graph.model.identities.push(identity);
  }
  return identity;
}

function addPrincipal(graph: AzureGraph, entry: Entry, identity: Identity, idProperties: string[]): void {
  graph.model.identities.push(identity);
  graph.principals.set(entry.ref.urn!, identity);
  graph.principalIdOf.set(identity, idProperties.map((property) => entry.props[property]).filter((value): value is string => typeof value === 'string'));
}

export function azureIdentity(entry: Entry, kind: Identity['kind'], name: string, owners: Map<string, string>): Identity {
  const platformOwners = ownersOf(entry, owners);
  return {
    id: entry.ref.urn ?? entry.ref.name,
    cloud: 'azure',
    kind,
    name,
    resource: entry.ref,
    tags: tagsOf(entry.props.tags),
    ...(platformOwners.length ? { platformOwners } : {}),
    grants: [],
    credentials: [],
    attachments: [],
  };
}

/**
 * Azure AD tags are plain strings; `owner:team-x` and `owner=team-x` carry a key and a value. azure-native tags
 * are a map. Both read as the catalog's tag keys.
 */
export function tagsOf(value: unknown): Record<string, string> {
  if (isKnownRecord(value)) return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const tags: Record<string, string> = {};
  for (const tag of items(value)) {
    const match = typeof tag === 'string' ? /^([^:=]+)[:=](.*)$/.exec(tag) : null;
    if (match) tags[match[1]!.trim()] = match[2]!.trim();
  }
  return tags;
}

/** Group and user names by URN, for owners given as `group.objectId`. */
function ownerNames(entries: Entry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry.resource.type === T.group) names.set(entry.ref.urn!, knownString(entry.props.displayName) ?? entry.ref.name);
    if (entry.resource.type === T.user) names.set(entry.ref.urn!, knownString(entry.props.mailNickname) ?? knownString(entry.props.userPrincipalName) ?? entry.ref.name);
  }
  return names;
}

/** Owners the change names: groups/users it creates by their names, else the object ids as written. */
function ownersOf(entry: Entry, names: Map<string, string>): string[] {
  const fromStack = (entry.resource.propertyDependencies?.owners ?? []).map((urn) => names.get(urn)).filter((name): name is string => name !== undefined);
  if (fromStack.length) return fromStack;
  return items(entry.props.owners).filter((owner): owner is string => typeof owner === 'string' && owner !== '');
}

function credential(kind: 'azure-client-secret' | 'azure-certificate', entry: Entry, endDate: unknown): Credential {
  const end = dateValue(endDate, `${entry.ref.name}.endDate`);
  return { kind, source: entry.ref, ...(end !== undefined ? { expiresAt: end } : {}) };
}

export function federated(entry: Entry): Credential {
  const audiences = items(entry.props.audiences).map((audience) => (typeof audience === 'string' || isUnknown(audience) ? audience : String(audience)));
  return {
    kind: 'federated',
    source: entry.ref,
    issuer: stringOrUnknown(entry.props.issuer, `${entry.ref.name}.issuer`),
    subject: stringOrUnknown(entry.props.subject, `${entry.ref.name}.subject`),
    audiences,
  };
}

function stringOrUnknown(value: unknown, what: string): Maybe<string> {
  return typeof value === 'string' || isUnknown(value) ? value : unknownValue(`${what} is not set`);
}

function dateValue(value: unknown, what: string): Maybe<string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || isUnknown(value)) return value;
  return unknownValue(`${what} ${JSON.stringify(value)} is not a date`);
}

/** `roleId` is a directory role's template id (a known GUID) or the id of a DirectoryRole of the change. */
function directoryRoleName(entry: Entry, directoryRoles: Map<string, Entry>): Maybe<string> {
  const value = entry.props.roleId;
  if (typeof value === 'string' && ENTRA_DIRECTORY_ROLES[value.toLowerCase()]) return ENTRA_DIRECTORY_ROLES[value.toLowerCase()]!;
  const [role] = linked(entry, 'roleId', directoryRoles, (candidate, id) => [candidate.props.templateId, candidate.props.objectId].includes(id));
  if (role) {
    const templateId = knownString(role.props.templateId);
    return knownString(role.props.displayName) ?? (templateId ? (ENTRA_DIRECTORY_ROLES[templateId.toLowerCase()] ?? templateId) : role.ref.name);
  }
  if (typeof value === 'string' || isUnknown(value)) return value;
  return unknownValue(`${entry.ref.name}.roleId is not set`);
}
