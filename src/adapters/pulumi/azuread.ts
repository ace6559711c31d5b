/**
 * Azure AD / Entra ID resources (`@pulumi/azuread`) into the model. An application and its service principal
 * are one workload identity: the service principal is the identity (RBAC and directory roles are assigned to
 * it) and takes the application's name, owners, tags and credentials; an application without a service
 * principal in the change is an identity of its own. Owners that are groups or users of the same change are
 * named by their display name, which is what the catalog's owner ids are.
 */
import { ENTRA_DIRECTORY_ROLES, GRAPH_APP_ROLES } from '../../iam/azure/roles.js';
import {
  emptyModel,
  isUnknown,
  unknownValue,
  type Credential,
  type ExternalRoleGrant,
  type Identity,
  type Maybe,
  type Model,
  type RoleGrant,
} from '../../model/model.js';
import {
  addAzureNativeResources,
  addSystemAssignedIdentities,
  AZURE_CLASSIC_TYPES,
  AZURE_NATIVE_TYPES,
  isSystemAssignedCandidate,
} from './azure-native.js';
import { addKeyVaultAccessPolicies, KEY_VAULT_TYPE_LIST } from './azure-key-vault.js';
import { entriesOf, linked, type Entry } from './links.js';
import type { PulumiResource } from './resource.js';
import { azureIdentity, externalIdentity, federated, grantTo, principalIds, type AzureGraph } from './azure-graph.js';
import { isSharedKeyType, sharedKeyAccess } from './azure-resource-keys.js';
import { isKnownRecord } from '../../util/records.js';
import { knownString } from './values.js';

const TYPES = {
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

export const AZUREAD_TYPES: readonly string[] = Object.values(TYPES);

export function modelFromAzureResources(resources: readonly PulumiResource[]): Model {
  const entries = entriesOf(
    resources,
    (type) =>
      AZUREAD_TYPES.includes(type) ||
      AZURE_NATIVE_TYPES.includes(type) ||
      AZURE_CLASSIC_TYPES.includes(type) ||
      KEY_VAULT_TYPE_LIST.includes(type),
  );
  const externalRoleGrants: ExternalRoleGrant[] = [];
  const graph: AzureGraph = {
    model: { ...emptyModel(), externalRoleGrants },
    externalRoleGrants,
    principals: new Map(),
    principalIdOf: new Map(),
  };
  const of = (type: string) => entries.filter((entry) => entry.resource.type === type);
  const owners = ownerNames(entries);

  const applications = new Map<string, { entry: Entry; identity: Identity }>();
  for (const entry of of(TYPES.application)) {
    const identity = azureIdentity(
      entry,
      'azure-application',
      knownString(entry.props.displayName) ?? entry.ref.name,
      owners,
    );
    const password = entry.props.password;
    if (isKnownRecord(password)) identity.credentials.push(credential('azure-client-secret', entry, password.endDate));
    applications.set(entry.resource.urn, { entry, identity });
  }
  const claimed = new Set<string>();
  const servicePrincipals = new Map<string, Identity>();
  for (const entry of of(TYPES.servicePrincipal)) {
    const [app] = linked(
      entry,
      'clientId',
      applications,
      ({ entry: appEntry }, value) => appEntry.props.clientId === value,
    );
    const name = app?.identity.name ?? entry.ref.name;
    const identity = azureIdentity(entry, 'azure-service-principal', name, owners);
    if (app) {
      claimed.add(app.entry.resource.urn);
      identity.platformOwners = [
        ...new Set([...(app.identity.platformOwners ?? []), ...(identity.platformOwners ?? [])]),
      ];
      identity.tags = { ...app.identity.tags, ...identity.tags };
      identity.credentials.push(...app.identity.credentials);
      // Credentials and federation written on the application later land on this identity.
      applications.set(app.entry.resource.urn, { entry: app.entry, identity });
    }
    if (identity.platformOwners?.length === 0) delete identity.platformOwners;
    addPrincipal(graph, entry, identity, ['objectId', 'id']);
    servicePrincipals.set(entry.resource.urn, identity);
  }
  for (const { entry, identity } of applications.values()) {
    if (!claimed.has(entry.resource.urn)) addPrincipal(graph, entry, identity, []);
  }

  const findApp = (entry: Entry) =>
    linked(
      entry,
      'applicationId',
      applications,
      ({ entry: appEntry }, value) =>
        [appEntry.props.id, appEntry.props.objectId].includes(value) ||
        value === `/applications/${String(appEntry.props.objectId)}`,
    )[0]?.identity;
  const findSp = (entry: Entry, property: string) =>
    linked(entry, property, servicePrincipals, (identity, value) => principalIds(graph, identity).includes(value))[0];

  // A credential for an application or service principal the change does not create still belongs to an identity.
  const holderOf = (entry: Entry, found: Identity | undefined, property: string, kind: Identity['kind']) =>
    found ?? externalIdentity(graph, entry, property, kind);
  for (const entry of of(TYPES.spPassword))
    holderOf(
      entry,
      findSp(entry, 'servicePrincipalId'),
      'servicePrincipalId',
      'azure-service-principal',
    ).credentials.push(credential('azure-client-secret', entry, entry.props.endDate));
  for (const entry of of(TYPES.spCertificate))
    holderOf(
      entry,
      findSp(entry, 'servicePrincipalId'),
      'servicePrincipalId',
      'azure-service-principal',
    ).credentials.push(credential('azure-certificate', entry, entry.props.endDate));
  for (const entry of of(TYPES.appPassword))
    holderOf(entry, findApp(entry), 'applicationId', 'azure-application').credentials.push(
      credential('azure-client-secret', entry, entry.props.endDate),
    );
  for (const entry of of(TYPES.appCertificate))
    holderOf(entry, findApp(entry), 'applicationId', 'azure-application').credentials.push(
      credential('azure-certificate', entry, entry.props.endDate),
    );
  for (const entry of of(TYPES.appFederated))
    holderOf(entry, findApp(entry), 'applicationId', 'azure-application').credentials.push(federated(entry));

  const directoryRoles = new Map(of(TYPES.directoryRole).map((entry) => [entry.resource.urn, entry]));
  const findPrincipal = (entry: Entry, property: string) =>
    linked(entry, property, graph.principals, (identity, value) => principalIds(graph, identity).includes(value))[0];
  for (const entry of of(TYPES.directoryRoleAssignment)) {
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
  for (const entry of of(TYPES.appRoleAssignment)) {
    const appRoleId = entry.props.appRoleId;
    const role: Maybe<string> =
      typeof appRoleId === 'string'
        ? (GRAPH_APP_ROLES[appRoleId] ?? appRoleId)
        : isUnknown(appRoleId)
          ? appRoleId
          : unknownValue(`${entry.ref.name}.appRoleId is not set`);
    grantTo(graph, entry, findPrincipal(entry, 'principalObjectId'), 'principalObjectId', {
      kind: 'role',
      cloud: 'azure',
      source: entry.ref,
      role,
      scope: 'application',
      scopeLevel: 'application',
    });
  }
  addSystemAssignedIdentities(graph, entriesOf(resources, isSystemAssignedCandidate));
  addAzureNativeResources(graph, entries, (entry, property) => findPrincipal(entry, property));
  addKeyVaultAccessPolicies(graph, entries, (entry, property) => findPrincipal(entry, property));
  const sharedKeys = entriesOf(resources, isSharedKeyType).flatMap((entry) => sharedKeyAccess(entry) ?? []);
  if (sharedKeys.length) graph.model.sharedKeys = sharedKeys;
  if (externalRoleGrants.length === 0) delete graph.model.externalRoleGrants;
  return graph.model;
}

function addPrincipal(graph: AzureGraph, entry: Entry, identity: Identity, idProperties: string[]): void {
  graph.model.identities.push(identity);
  graph.principals.set(entry.resource.urn, identity);
  graph.principalIdOf.set(
    identity,
    idProperties.map((property) => entry.props[property]).filter((value): value is string => typeof value === 'string'),
  );
}

/** Group and user names by URN, for owners given as `group.objectId`. */
function ownerNames(entries: Entry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry.resource.type === TYPES.group)
      names.set(entry.resource.urn, knownString(entry.props.displayName) ?? entry.ref.name);
    if (entry.resource.type === TYPES.user)
      names.set(
        entry.resource.urn,
        knownString(entry.props.mailNickname) ?? knownString(entry.props.userPrincipalName) ?? entry.ref.name,
      );
  }
  return names;
}

function credential(kind: 'azure-client-secret' | 'azure-certificate', entry: Entry, endDate: unknown): Credential {
  const end = dateValue(endDate, `${entry.ref.name}.endDate`);
  return { kind, source: entry.ref, ...(end !== undefined ? { expiresAt: end } : {}) };
}

function dateValue(value: unknown, what: string): Maybe<string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' || isUnknown(value)) return value;
  return unknownValue(`${what} ${JSON.stringify(value)} is not a date`);
}

/** `roleId` is a directory role's template id (a known GUID) or the id of a DirectoryRole of the change. */
function directoryRoleName(entry: Entry, directoryRoles: Map<string, Entry>): Maybe<string> {
  const value = entry.props.roleId;
  const builtIn = typeof value === 'string' ? ENTRA_DIRECTORY_ROLES[value.toLowerCase()] : undefined;
  if (builtIn) return builtIn;
  const [role] = linked(entry, 'roleId', directoryRoles, (candidate, id) =>
    [candidate.props.templateId, candidate.props.objectId].includes(id),
  );
  if (role) {
    const templateId = knownString(role.props.templateId);
    return (
      knownString(role.props.displayName) ??
      (templateId ? (ENTRA_DIRECTORY_ROLES[templateId.toLowerCase()] ?? templateId) : role.ref.name)
    );
  }
  if (typeof value === 'string' || isUnknown(value)) return value;
  return unknownValue(`${entry.ref.name}.roleId is not set`);
}
