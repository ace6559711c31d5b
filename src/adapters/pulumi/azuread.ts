/**
 * Azure AD / Entra ID resources (`@pulumi/azuread`) into the model. An application and its service principal
 * are one workload identity: the service principal is the identity (RBAC and directory roles are assigned to
 * it) and takes the application's name, owners, tags and credentials; an application without a service
 * principal in the change is an identity of its own. Owners that are groups or users of the same change are
 * named by their display name, which is what the catalog's owner ids are.
 */
import {
  entraDirectoryRoleById,
  entraDirectoryRoleData,
  graphApplicationPermissionName,
  graphPermissionData,
  isGraphPermissionName,
} from '../../iam/azure/entra.js';
import { MICROSOFT_GRAPH_APP_ID } from '../../iam/azure/roles.js';
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
  type UnseenContent,
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
import { aksAdminGroupGrants, isAksClusterType } from './aks-admin-groups.js';
import { isSharedKeyType, sharedKeyAccess } from './azure-resource-keys.js';
import { isKnownRecord } from '../../util/records.js';
import { knownString } from './values.js';

const TYPES = {
  application: 'azuread:index/application:Application',
  servicePrincipal: 'azuread:index/servicePrincipal:ServicePrincipal',
  servicePrincipalLookup: 'azuread:index/getServicePrincipal:getServicePrincipal',
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
  directoryRoleMember: 'azuread:index/directoryRoleMember:DirectoryRoleMember',
  delegatedPermissionGrant:
    'azuread:index/servicePrincipalDelegatedPermissionGrant:ServicePrincipalDelegatedPermissionGrant',
} as const;

export const AZUREAD_TYPES: readonly string[] = Object.values(TYPES);

/**
 * A service principal the change looks up rather than creates (Terraform's `data "azuread_service_principal"`, which
 * the Terraform adapter passes under the token of Pulumi's `getServicePrincipal`; a Pulumi stack holds no invoke): only
 * the API a grant is on, never an identity. Its `clientId` and `objectId` are what the lookup read, or Unknowns.
 */
export const SERVICE_PRINCIPAL_LOOKUP = TYPES.servicePrincipalLookup;

export function modelFromAzureResources(resources: readonly PulumiResource[]): Model {
  const entries = entriesOf(
    resources,
    (type) =>
      AZUREAD_TYPES.includes(type) ||
      AZURE_NATIVE_TYPES.includes(type) ||
      AZURE_CLASSIC_TYPES.includes(type) ||
      KEY_VAULT_TYPE_LIST.includes(type),
  );
  const of = (type: string) => entries.filter((entry) => entry.resource.type === type);
  const externalRoleGrants: ExternalRoleGrant[] = [];
  const graph: AzureGraph = {
    model: { ...emptyModel(), externalRoleGrants },
    externalRoleGrants,
    principals: new Map(),
    principalIdOf: new Map(),
    people: new Map([
      ...of(TYPES.group).map((entry) => [entry.resource.urn, 'Group'] as const),
      ...of(TYPES.user).map((entry) => [entry.resource.urn, 'User'] as const),
    ]),
  };
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
    // Microsoft Graph's own service principal (`use_existing`, as the provider documents it) is the API that
    // application and delegated permissions are granted on, Microsoft's in every tenant: no workload identity.
    // @pulumi/azuread 5.x names the client id `applicationId`.
    if (graphClientId(entry)) continue;
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
      role: directoryRoleName(entry, directoryRoles, 'roleId'),
      scope: knownString(entry.props.directoryScopeId) ?? 'directory',
      scopeLevel: 'directory',
    };
    grantTo(graph, entry, findPrincipal(entry, 'principalObjectId'), 'principalObjectId', grant);
  }
  // The legacy membership (azuread 2.x directory_role_member) puts the member in the activated role, tenant-wide: the
  // same grant as an assignment of that role at the directory scope.
  for (const entry of of(TYPES.directoryRoleMember)) {
    const grant: RoleGrant = {
      kind: 'role',
      cloud: 'azure',
      source: entry.ref,
      role: directoryRoleName(entry, directoryRoles, 'roleObjectId'),
      scope: 'directory',
      scopeLevel: 'directory',
    };
    grantTo(graph, entry, findPrincipal(entry, 'memberObjectId'), 'memberObjectId', grant);
  }
  const servicePrincipalEntries = new Map(
    [...of(TYPES.servicePrincipal), ...of(TYPES.servicePrincipalLookup)].map((entry) => [entry.resource.urn, entry]),
  );
  const unseen: UnseenContent[] = [];
  for (const entry of of(TYPES.delegatedPermissionGrant)) {
    const [api] = linked(entry, 'resourceServicePrincipalObjectId', servicePrincipalEntries, (sp, value) =>
      [sp.props.objectId, sp.props.id].includes(value),
    );
    const grants = delegatedGrants(entry, api, unseen);
    const client = findPrincipal(entry, 'servicePrincipalObjectId');
    for (const grant of grants) grantTo(graph, entry, client, 'servicePrincipalObjectId', grant);
  }
  if (unseen.length) graph.model.unseen = unseen;
  for (const entry of of(TYPES.appRoleAssignment)) {
    const [api] = linked(entry, 'resourceObjectId', servicePrincipalEntries, (sp, value) =>
      [sp.props.objectId, sp.props.id].includes(value),
    );
    const role = appRoleName(entry, api !== undefined && isGraphApi(api));
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
  // An AKS cluster's Entra ID admin groups are cluster-admin on it (aks-admin-groups.ts).
  for (const entry of entriesOf(resources, isAksClusterType)) externalRoleGrants.push(...aksAdminGroupGrants(entry));
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

/**
 * An assignment's `roleId` is a directory role's template id (a known GUID) or the id of a DirectoryRole of the change.
 * A membership's `roleObjectId` is the object id of the role as activated in one tenant: one the change does not
 * activate names no role the check can know, so it stays unknown (the grant is judged pending, never passed).
 */
function directoryRoleName(
  entry: Entry,
  directoryRoles: Map<string, Entry>,
  property: 'roleId' | 'roleObjectId',
): Maybe<string> {
  const value = entry.props[property];
  const builtIn = typeof value === 'string' ? entraDirectoryRoleById(value)?.name : undefined;
  if (builtIn) return builtIn;
  const [role] = linked(entry, property, directoryRoles, (candidate, id) =>
    [candidate.props.templateId, candidate.props.objectId].includes(id),
  );
  if (role) {
    const displayName = knownString(role.props.displayName);
    if (displayName) return displayName;
    const templateId = role.props.templateId;
    if (typeof templateId === 'string' && templateId !== '')
      return (
        entraDirectoryRoleById(templateId)?.name ?? unnamedDirectoryRole(`${role.ref.name}.templateId`, templateId)
      );
    // Activated by a name or template id known only at apply: the role is named then.
    const unknown = [role.props.displayName, templateId].find(isUnknown);
    return unknown ?? unknownValue(`directory role ${role.ref.name} sets neither a display name nor a template id`);
  }
  if (property === 'roleObjectId' && typeof value === 'string')
    return unknownValue(
      `${entry.ref.name}.roleObjectId ${value} is a directory role the change does not activate (its object id names no role)`,
    );
  // A template id the data does not know (a custom role's id, a role newer than the data, a typo) names no role the
  // check can judge: said so, never passed as a bare GUID.
  if (typeof value === 'string' && value !== '') return unnamedDirectoryRole(`${entry.ref.name}.${property}`, value);
  if (isUnknown(value)) return value;
  return unknownValue(`${entry.ref.name}.${property} is not set`);
}

function unnamedDirectoryRole(where: string, templateId: string): Maybe<string> {
  const { source, date } = entraDirectoryRoleData();
  return unknownValue(
    `${where} ${templateId} is neither a built-in directory role template id (data/entra-directory-roles.json, ${source}, ${date}) nor a directory role of the change: the role cannot be named`,
  );
}

/**
 * The Graph application permission an app role assignment gives: its name where the id is one of Graph's. An id the
 * data does not know on Graph's own service principal names no permission the check can judge (said so, never passed
 * as a bare GUID); on another API it is that API's own role, named by its id.
 */
function appRoleName(entry: Entry, onGraph: boolean): Maybe<string> {
  const appRoleId = entry.props.appRoleId;
  if (isUnknown(appRoleId)) return appRoleId;
  if (typeof appRoleId !== 'string' || appRoleId === '') return unknownValue(`${entry.ref.name}.appRoleId is not set`);
  const name = graphApplicationPermissionName(appRoleId);
  if (name) return name;
  if (!onGraph) return appRoleId;
  const { source, date } = graphPermissionData();
  return unknownValue(
    `${entry.ref.name}.appRoleId ${appRoleId} is no Microsoft Graph application permission (data/microsoft-graph-permissions.json, ${source}, ${date}): the permission cannot be named`,
  );
}

/** Whether a service principal of the change is Microsoft Graph's (its client id, 6.x `clientId` or 5.x `applicationId`). */
function graphClientId(entry: Entry): boolean {
  return (knownString(entry.props.clientId) ?? knownString(entry.props.applicationId)) === MICROSOFT_GRAPH_APP_ID;
}

/**
 * Whether the API a grant is on is Microsoft Graph: a service principal of the change with Graph's client id, or one
 * looked up whose client id and object id were both read (a lookup read only at apply shows neither which service
 * principal it finds nor that the grant's object id is its: fail closed).
 */
function isGraphApi(entry: Entry): boolean {
  if (!graphClientId(entry)) return false;
  return entry.resource.type !== TYPES.servicePrincipalLookup || knownString(entry.props.objectId) !== undefined;
}

/**
 * A delegated permission grant (an OAuth2 permission grant): the client service principal may call the API of the
 * resource service principal as a signed-in user, with the scopes `claimValues` names. On Microsoft Graph each scope is
 * the Graph permission of that name, judged as an application permission of that name is (a role at the `application`
 * scope), marked delegated. On any other API, or on a service principal the change does not create, the scopes are
 * that API's own and nothing here says what they allow: the grant is unseen content, never passed.
 */
function delegatedGrants(entry: Entry, api: Entry | undefined, unseen: UnseenContent[]): RoleGrant[] {
  const scopes = entry.props.claimValues;
  const named = Array.isArray(scopes)
    ? scopes.map((scope) => (typeof scope === 'string' ? scope : '(known at apply)')).join(', ')
    : '(known at apply)';
  const appId = api ? (knownString(api.props.clientId) ?? knownString(api.props.applicationId)) : undefined;
  if (!api || !isGraphApi(api)) {
    const written = entry.props.resourceServicePrincipalObjectId;
    const clientId = api?.props.clientId ?? api?.props.applicationId;
    const what = api
      ? appId === MICROSOFT_GRAPH_APP_ID
        ? `service principal ${api.ref.name} (Microsoft Graph's, its object id known only at apply)`
        : appId
          ? `service principal of application ${appId} (not Microsoft Graph)`
          : `service principal ${api.ref.name} (its client id ${isUnknown(clientId) ? 'known only at apply' : 'not set'})`
      : `service principal ${typeof written === 'string' ? written : isUnknown(written) ? written.description : '(not set)'} (not created by the change)`;
    unseen.push({ resource: entry.ref, kind: 'unseen-delegated-api', what, named });
    return [];
  }
  const user = entry.props.userObjectId;
  const delegated: RoleGrant['delegated'] =
    typeof user === 'string' && user !== '' ? { user } : isUnknown(user) ? { user } : {};
  const grant = (role: Maybe<string>): RoleGrant => ({
    kind: 'role',
    cloud: 'azure',
    source: entry.ref,
    role,
    scope: 'application',
    scopeLevel: 'application',
    delegated,
  });
  if (isUnknown(scopes)) return [grant(scopes)];
  if (!Array.isArray(scopes)) return [grant(unknownValue(`${entry.ref.name}.claimValues is not set`))];
  return scopes.map((scope) =>
    grant(
      typeof scope === 'string'
        ? isGraphPermissionName(scope, 'delegated')
          ? scope
          : unknownValue(
              `${entry.ref.name}.claimValues ${JSON.stringify(scope)} is no Microsoft Graph delegated permission (data/microsoft-graph-permissions.json, ${graphPermissionData().source}, ${graphPermissionData().date}): the permission cannot be named`,
            )
        : isUnknown(scope)
          ? scope
          : unknownValue(`${entry.ref.name}.claimValues holds ${JSON.stringify(scope)}`),
    ),
  );
}
