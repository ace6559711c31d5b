/**
 * Why a role grant (Azure RBAC, Entra ID, Google Cloud IAM, Kubernetes RBAC) is privileged: the cloud's own
 * knowledge (src/iam/<cloud>) first, then the catalog's privilegedActions for that cloud. Shared by
 * no-wildcard-privilege (which reports them) and the audit (which lists them).
 */
import type { Catalog } from '../../../catalog/types.js';
import { entraDirectoryRoleByName, PRIVILEGED_GRAPH_PERMISSIONS } from '../../iam/azure/entra.js';
import {
  azurePrivileges,
  builtInRoleByName,
  isBroadAzureScope,
  sameAzureRoleName,
  type AzurePrivilege,
} from '../../iam/azure/roles.js';
import { privilegedAccessPolicyPermissions } from '../../iam/azure/key-vault-access-policies.js';
import {
  GCP_PUBLIC_MEMBERS,
  gcpRoleVerdict,
  isBroadGcpScope,
  isCustomRoleName,
  isDefaultServiceAccount,
  isHumanMember,
  onlyInvokesGen1Functions,
  predefinedRole,
  predefinedRoleVerdict,
  type GcpRoleVerdict,
} from '../../iam/gcp/roles.js';
import {
  broadSubject,
  CLUSTER_ADMIN,
  isUnauthenticatedSubject,
  namespaceOf,
  roleRoutes,
  type RbacIssue,
  type RbacRouteId,
} from '../../iam/kubernetes/rbac.js';
import {
  isUnknown,
  type PimSchedule,
  type RoleDefinition,
  type RoleGrant,
  type RolePermission,
} from '../../model/model.js';
import { globMatch } from '../../util/glob.js';

export type RoleIssue =
  | { kind: 'pending'; what: string }
  | { kind: 'azure-rbac'; role: string; scope: string; level: string; privileges: AzurePrivilege[] }
  | { kind: 'azure-custom'; role: string; scope: string; privileges: AzurePrivilege[] }
  /** A Key Vault access policy with `all` of a list (`wildcard`) or `purge`, each `<list>: <permission>`. */
  | { kind: 'key-vault-access-policy'; scope: string; wildcard: string[]; purge: string[] }
  | { kind: 'entra-directory'; role: string }
  | { kind: 'graph-app-role'; role: string }
  | { kind: 'gcp-role'; role: string; scope: string; verdict: GcpRoleVerdict }
  | { kind: 'gcp-public'; role: string; scope: string; member: string }
  | { kind: 'gcp-default-account'; role: string; scope: string; member: string }
  | { kind: 'k8s-cluster-admin'; scope: string }
  | { kind: 'k8s-unauthenticated'; role: string; member: string }
  | {
      kind: 'k8s-rule';
      role: string;
      scope: string;
      what: string;
      detail: string;
      route: RbacRouteId;
      /** The role is Kubernetes' default of that name (or the change's re-definition of one, holding both). */
      kubernetesDefault?: 'default' | 'redefined';
      /** Who holds it, in words, where the binding's subject is a broad one (every authenticated user, …). */
      everyone?: string;
    }
  | { kind: 'k8s-unseen-role'; role: string; roleKind: 'Role' | 'ClusterRole' }
  | { kind: 'catalog'; role: string; scope: string; entry: string }
  /**
   * A privileged role (any issue above but `pending`) granted to people (`member`: an Azure user or group; a Google user,
   * group, domain or workforce principal) as standing privilege: nothing of the change ends it, and no catalog
   * entitlement for class human lists it with an approval. `condition`: the grant has an IAM condition, but no end this
   * check reads in it. `unapproved`: the entitlement that lists the role for class human but sets no approval.
   */
  | {
      kind: 'people-standing';
      member: string;
      issue: PrivilegedRoleIssue;
      condition?: true;
      unapproved?: string;
      /** The grant is an active PIM assignment, and why its schedule does not make it temporary. */
      schedule?: PimScheduleGap;
    };

/**
 * Why an active PIM assignment to people is not temporary: it never ends; its end is written in a form not read; or it
 * lasts longer than a session of class human may (`lasts`, `limit`: seconds).
 */
export type PimScheduleGap =
  { kind: 'permanent' } | { kind: 'unreadable'; what: string } | { kind: 'too-long'; lasts: number; limit: number };

/** A role issue that says why a grant is privileged (not that it cannot be seen yet). */
export type PrivilegedRoleIssue = Exclude<RoleIssue, { kind: 'pending' } | { kind: 'people-standing' }>;

/** Why a definition of the change is privileged, whether or not anything binds it. */
export type DefinitionIssue =
  | { kind: 'pending'; what: string }
  | { kind: 'k8s-route'; route: RbacRouteId; what: string; detail: string }
  | { kind: 'azure-custom'; privileges: AzurePrivilege[] }
  | { kind: 'gcp-custom'; verdict: GcpRoleVerdict };

/** The issues of a role definition: its Kubernetes routes, Azure privileged actions, Google Cloud privileged permissions. */
export function definitionIssues(definition: RoleDefinition): DefinitionIssue[] {
  const { permissions } = definition;
  if (isUnknown(permissions)) return [{ kind: 'pending', what: permissions.description }];
  switch (definition.cloud) {
    case 'kubernetes':
      return kubernetesDefinitionRoutes(definition, permissions).map((issue) => ({
        kind: 'k8s-route',
        route: issue.route,
        what: issue.what,
        detail: issue.detail,
      }));
    case 'azure': {
      const privileges = azurePrivileges(permissions);
      return privileges.length ? [{ kind: 'azure-custom', privileges }] : [];
    }
    case 'gcp': {
      const verdict = gcpRoleVerdict(permissions.flatMap((permission) => permission.permissions ?? []));
      return verdict ? [{ kind: 'gcp-custom', verdict }] : [];
    }
  }
}

/**
 * The routes of a Role or ClusterRole of the change: a Role in its namespace; a ClusterRole cluster-wide, unless the
 * change binds it only through RoleBindings (boundOnlyIn), where it holds in those namespaces alone, each route once
 * (the first namespace that reaches it says what it gives: aws-auth-write only in kube-system).
 */
function kubernetesDefinitionRoutes(definition: RoleDefinition, permissions: readonly RolePermission[]): RbacIssue[] {
  if (definition.kind !== 'k8s-cluster-role')
    return roleRoutes(permissions, false, new Set(), namespaceOf(definition.scope));
  return definition.boundOnlyIn?.length
    ? routesInNamespaces(permissions, definition.boundOnlyIn)
    : roleRoutes(permissions, true);
}

/** The routes of rules held in each of these namespaces, each route once (the first namespace reaching it says what). */
function routesInNamespaces(permissions: readonly RolePermission[], namespaces: readonly string[]): RbacIssue[] {
  const byRoute = new Map<RbacRouteId, RbacIssue>();
  for (const namespace of namespaces)
    for (const issue of roleRoutes(permissions, false, new Set(), namespace))
      if (!byRoute.has(issue.route)) byRoute.set(issue.route, issue);
  return [...byRoute.values()];
}

/**
 * Issues of one grant. `member` is set for grants to principals outside the change (external role grants); `now`: the
 * time an active PIM assignment to people, whose schedule gives only its end, is measured from.
 */
export function roleGrantIssues(grant: RoleGrant, catalog: Catalog, member?: string, now?: Date): RoleIssue[] {
  const { role, scope } = grant;
  const person = member !== undefined && isPeople(grant.cloud, member) ? member : undefined;
  // An eligible PIM assignment grants nothing until its principal activates it through PIM, for as long and with the
  // approval PIM's role settings ask: just in time, not standing, whatever the role and scope. PIM makes users and
  // groups eligible (Microsoft Graph governanceRoleAssignment), so a principal the change does not type (PIM resources
  // take no principal type) is read as one. An identity of the change (a service principal, a managed identity) is
  // judged as for any grant: a workload that may activate a role holds it whenever it asks.
  if (grant.pim?.assignment === 'eligible' && member !== undefined && (person !== undefined || isUntyped(member)))
    return [];
  if (isUnknown(role)) return [{ kind: 'pending', what: `role ${role.description}` }];
  // A scope not known until apply only matters where its level could make the role broad.
  if (isUnknown(scope) && (grant.scopeLevel === undefined || isBroad(grant))) {
    // A person's grant that no broad scope the apply could pick makes privileged, or that is accepted for people
    // whatever the scope, has nothing to wait for.
    if (person !== undefined) {
      const atBroadScope = { ...grant, scopeLevel: grant.scopeLevel ?? broadestLevel(grant.cloud) };
      const privileged =
        cloudIssues(atBroadScope, role, `<${scope.description}>`, person, catalog).length > 0 ||
        catalogEntry(catalog, grant, role) !== undefined;
      if (!privileged || peopleAcceptance(grant, catalog, role, undefined, now).accepted) return [];
    }
    return [{ kind: 'pending', what: `scope of ${role}: ${scope.description}` }];
  }
  const issues = cloudIssues(grant, role, isUnknown(scope) ? `<${scope.description}>` : scope, member, catalog);
  if (issues.length === 0 && isBroad(grant) && !isUnknown(scope)) {
    const entry = catalogEntry(catalog, grant, role);
    if (entry) issues.push({ kind: 'catalog', role, scope, entry });
  }
  return person === undefined || issues.length === 0
    ? issues
    : peopleIssues(grant, catalog, role, isUnknown(scope) ? undefined : scope, person, issues, now);
}

/** An Azure principal whose type the change does not give (`Principal:<id>`, azure-graph.ts grantTo). */
function isUntyped(member: string): boolean {
  return member.startsWith('Principal:');
}

/**
 * A person's grant of a privileged role (the verdict any principal gets) is accepted where it is temporary or the
 * catalog allows it for people: its IAM condition ends it at a time this check reads (src/iam/gcp/conditions.ts; one
 * already ended gives no issue at all), or a catalog entitlement for class human lists the role on that scope with an
 * approval. Otherwise each issue is standing privilege to people; a condition known only at apply is pending.
 */
function peopleIssues(
  grant: RoleGrant,
  catalog: Catalog,
  role: string,
  scope: string | undefined,
  member: string,
  issues: RoleIssue[],
  now: Date | undefined,
): RoleIssue[] {
  const acceptance = peopleAcceptance(grant, catalog, role, scope, now);
  if (acceptance.accepted) return [];
  if (isUnknown(grant.condition))
    return [{ kind: 'pending', what: `whether the IAM condition of ${role} ends it: ${grant.condition.description}` }];
  const unreadable = grant.pim?.unreadable;
  if (unreadable?.pending)
    return [{ kind: 'pending', what: `whether the PIM schedule of ${role} ends it: ${unreadable.what}` }];
  return issues.map((issue) =>
    issue.kind === 'pending' || issue.kind === 'people-standing'
      ? issue
      : {
          kind: 'people-standing',
          member,
          issue,
          ...(grant.condition !== undefined ? { condition: true as const } : {}),
          ...(acceptance.unapproved !== undefined ? { unapproved: acceptance.unapproved } : {}),
          ...(acceptance.schedule !== undefined ? { schedule: acceptance.schedule } : {}),
        },
  );
}

/**
 * Whether people may hold the role as the grant gives it: time-bound, or listed for class human by an entitlement with
 * an approval on this scope (`scope` undefined: not known until apply, so only an entitlement for every scope counts).
 * `unapproved`: an entitlement that would have counted but sets no approval. `schedule`: why an active PIM
 * assignment's schedule does not make it temporary.
 */
function peopleAcceptance(
  grant: RoleGrant,
  catalog: Catalog,
  role: string,
  scope: string | undefined,
  now: Date | undefined,
): { accepted: boolean; unapproved?: string; schedule?: PimScheduleGap } {
  if (grant.conditionEnds !== undefined) return { accepted: true };
  const schedule = grant.pim ? scheduleGap(grant.pim, catalog, now) : undefined;
  if (grant.pim && schedule === undefined) return { accepted: true };
  const listed = catalogAcceptance(grant, catalog, role, scope);
  return schedule === undefined || listed.accepted ? listed : { ...listed, schedule };
}

/**
 * Why an active PIM assignment's schedule does not make it temporary, or undefined where it does: it ends, within the
 * longest session the catalog gives class human (classes.human.maxSessionDuration; any end where it sets none). Its
 * length is the schedule's own (a duration, or a start and an end), else from `now` to its end. One whose end is not
 * known until apply has a gap too: the caller says it is pending.
 */
function scheduleGap(pim: PimSchedule, catalog: Catalog, now: Date | undefined): PimScheduleGap | undefined {
  if (pim.permanent) return { kind: 'permanent' };
  if (pim.unreadable) return { kind: 'unreadable', what: pim.unreadable.what };
  const limit = catalog.classes.human.maxSessionSeconds;
  const lasts =
    pim.lastsSeconds ??
    (pim.ends !== undefined && now !== undefined ? (Date.parse(pim.ends) - now.getTime()) / 1000 : undefined);
  if (limit === undefined || lasts === undefined || lasts <= limit) return undefined;
  return { kind: 'too-long', lasts, limit };
}

/** Whether a catalog entitlement for class human lists the role on this scope with an approval. */
function catalogAcceptance(
  grant: RoleGrant,
  catalog: Catalog,
  role: string,
  scope: string | undefined,
): { accepted: boolean; unapproved?: string } {
  const listing = catalog.entitlements.filter((entitlement) => {
    if (!entitlement.classes.includes('human')) return false;
    const envelope = grant.cloud === 'azure' ? entitlement.azure : grant.cloud === 'gcp' ? entitlement.gcp : undefined;
    // As require-entitlement compares them: Azure names without case and spaces, Google Cloud names without case.
    const same = (allowed: string) =>
      grant.cloud === 'azure' ? sameAzureRoleName(allowed, role) : allowed.toLowerCase() === role.toLowerCase();
    if (!envelope?.roles.some(same)) return false;
    if (!envelope.scopes?.length) return true;
    return (
      scope !== undefined && envelope.scopes.some((pattern) => globMatch(pattern, scope, { caseInsensitive: true }))
    );
  });
  if (listing.some((entitlement) => (entitlement.approval?.by.length ?? 0) > 0)) return { accepted: true };
  const [unapproved] = listing;
  return unapproved ? { accepted: false, unapproved: unapproved.id } : { accepted: false };
}

/** The broadest level of a scope on the cloud, where a role's verdict is the strictest. */
function broadestLevel(cloud: RoleGrant['cloud']): RoleGrant['scopeLevel'] {
  switch (cloud) {
    case 'azure':
      return 'subscription';
    case 'gcp':
      return 'project';
    case 'kubernetes':
      return 'cluster';
  }
}

/** Privileged roles only matter where they reach beyond one workload's resources. */
export function isBroad(grant: RoleGrant): boolean {
  switch (grant.cloud) {
    case 'azure':
      return isBroadAzureScope(grant.scopeLevel) || grant.scopeLevel === 'directory';
    case 'gcp':
      return isBroadGcpScope(grant.scopeLevel);
    case 'kubernetes':
      return true;
  }
}

function cloudIssues(
  grant: RoleGrant,
  role: string,
  scope: string,
  member: string | undefined,
  catalog: Catalog,
): RoleIssue[] {
  switch (grant.cloud) {
    case 'azure':
      return azureIssues(grant, role, scope);
    case 'gcp':
      return gcpIssues(grant, role, scope, member);
    case 'kubernetes':
      return kubernetesIssues(grant, role, scope, catalog, member);
  }
}

/**
 * A member that is people (an Azure user or group; a Google user, group, domain or workforce principal): a privileged
 * role is judged for them as for any principal, but accepted where it is temporary or the catalog lists it for class
 * human (peopleIssues). `allUsers` and `allAuthenticatedUsers` are no people: they are public (gcp-public).
 */
function isPeople(cloud: RoleGrant['cloud'], member: string): boolean {
  switch (cloud) {
    case 'azure':
      return /^(User|Group):/.test(member);
    case 'gcp':
      return isHumanMember(member);
    case 'kubernetes':
      return false;
  }
}

function azureIssues(grant: RoleGrant, role: string, scope: string): RoleIssue[] {
  if (grant.scopeLevel === 'directory') {
    // Privileged where Microsoft marks the built-in role so (src/iam/azure/entra.ts); a name that is no built-in role
    // (a role newer than the data, a misspelt display name) cannot be judged and is said so, never passed.
    const builtIn = entraDirectoryRoleByName(role);
    if (!builtIn)
      return [{ kind: 'pending', what: `directory role ${role}, which is no built-in Entra ID role the data knows` }];
    return builtIn.privileged ? [{ kind: 'entra-directory', role: builtIn.name }] : [];
  }
  if (grant.scopeLevel === 'application')
    return PRIVILEGED_GRAPH_PERMISSIONS.includes(role) ? [{ kind: 'graph-app-role', role }] : [];
  if (grant.keyVaultAccessPolicy) {
    // On one vault, like a data role on one resource, but `all` is a wildcard over every item of the vault and `purge`
    // destroys what soft delete keeps: both privileged whatever the vault.
    const { wildcard, purge } = privilegedAccessPolicyPermissions(grant.keyVaultAccessPolicy.lists);
    return wildcard.length || purge.length ? [{ kind: 'key-vault-access-policy', scope, wildcard, purge }] : [];
  }
  const broad = isBroadAzureScope(grant.scopeLevel);
  if (grant.permissions) {
    // A custom role of the change: every action or role writes at any scope; secrets and keys where the scope is broad.
    const privileges = azurePrivileges(grant.permissions).filter(
      (privilege) => broad || privilege.category === 'all-actions' || privilege.category === 'role-assignment',
    );
    return privileges.length ? [{ kind: 'azure-custom', role, scope, privileges }] : [];
  }
  // A broad scope has its level (isBroadAzureScope).
  const level = broad ? grant.scopeLevel : undefined;
  if (level === undefined) return [];
  const builtIn = builtInRoleByName(role);
  if (!builtIn) {
    // Neither a built-in role nor a definition of the change: its actions cannot be read here.
    return [
      {
        kind: 'pending',
        what: `role ${role} at ${scope}: not a built-in role and not defined in this change, so its actions cannot be read`,
      },
    ];
  }
  const privileges = azurePrivileges(builtIn.permissions);
  return privileges.length ? [{ kind: 'azure-rbac', role: builtIn.name, scope, level, privileges }] : [];
}

function gcpIssues(grant: RoleGrant, role: string, scope: string, member: string | undefined): RoleIssue[] {
  if (member && GCP_PUBLIC_MEMBERS.includes(member))
    return invokesFunctionWithoutUrl(grant) ? [] : [{ kind: 'gcp-public', role, scope, member }];
  if (!isBroadGcpScope(grant.scopeLevel)) return [];
  const verdict = grant.permissions
    ? gcpRoleVerdict(grant.permissions.flatMap((permission) => permission.permissions ?? []))
    : predefinedRoleVerdict(role);
  if (verdict) return [{ kind: 'gcp-role', role, scope, verdict }];
  if (!grant.permissions && !predefinedRole(role)) {
    const what = isCustomRoleName(role)
      ? 'a custom role not defined in this change'
      : 'not a predefined role Google publishes';
    return [{ kind: 'pending', what: `role ${role} on ${scope}: ${what}, so its permissions cannot be read` }];
  }
  if (member && isDefaultServiceAccount(member)) return [{ kind: 'gcp-default-account', role, scope, member }];
  return [];
}

/**
 * A grant that only lets its members invoke a 1st-gen Cloud Function the change shows to be event-triggered: such a
 * function has no URL (Google assigns one to a function with an HTTP trigger alone, and a 1st-gen function has one
 * trigger), so even allUsers holding it can call nothing. A function whose trigger is HTTP, unknown until apply, or
 * not in the change keeps the finding; so does any other role.
 */
function invokesFunctionWithoutUrl(grant: RoleGrant): boolean {
  return grant.functionTrigger === 'event' && onlyInvokesGen1Functions(grant);
}

function kubernetesIssues(
  grant: RoleGrant,
  role: string,
  scope: string,
  catalog: Catalog,
  member: string | undefined,
): RoleIssue[] {
  // A binding to the subjects of unauthenticated requests is public whatever the role grants, as allUsers on Google Cloud;
  // what the role reaches is reported as well.
  const [, kind, name] = /^(User|Group) (.+)$/.exec(member ?? '') ?? [];
  const unauthenticated: RoleIssue[] =
    kind !== undefined && name !== undefined && isUnauthenticatedSubject(kind, name)
      ? [{ kind: 'k8s-unauthenticated', role, member: `${kind} ${name}` }]
      : [];
  // A subject that is many holders (every authenticated user, every service account of a namespace, …) holds the role
  // in each of their names: what one workload may do in its own namespace (read its secrets) is a route for them all.
  const everyone = kind !== undefined && name !== undefined ? broadSubject(kind, name) : undefined;
  return [...unauthenticated, ...kubernetesRoleIssues(grant, role, scope, catalog, member, everyone)];
}

function kubernetesRoleIssues(
  grant: RoleGrant,
  role: string,
  scope: string,
  catalog: Catalog,
  member: string | undefined,
  everyone: string | undefined,
): RoleIssue[] {
  if (role === CLUSTER_ADMIN) return [{ kind: 'k8s-cluster-admin', scope }];
  // A role neither the change nor Kubernetes' defaults define is unseen, unless the catalog's entitlements name it at
  // the binding's level: then the organisation has said what it is, and require-entitlement judges who holds it where.
  // A subject the change does not create is no identity require-entitlement judges: for it the entitlement must also
  // allow the binding's namespace, or a binding anywhere of a role the catalog names would pass unseen.
  // A default role's rules are known (grant.permissions) and judged like the change's own.
  if (grant.roleOutsideChange && !catalogNamesKubernetesRole(catalog, grant, role, member === undefined ? '' : scope))
    return [{ kind: 'k8s-unseen-role', role, roleKind: grant.roleOutsideChange }];
  const clusterWide = grant.scopeLevel === 'cluster';
  const routes = roleRoutes(
    grant.permissions ?? [],
    clusterWide,
    new Set(),
    namespaceOf(scope),
    everyone !== undefined,
  );
  return routes.map((issue): RoleIssue => ({
    kind: 'k8s-rule',
    role,
    scope,
    what: issue.what,
    detail: issue.detail,
    route: issue.route,
    ...(grant.kubernetesDefault ? { kubernetesDefault: grant.kubernetesDefault } : {}),
    ...(everyone !== undefined ? { everyone } : {}),
  }));
}

/** Whether an entitlement of the catalog names this role for bindings of the grant's level (clusterRoles, or roles). */
/**
 * Whether an entitlement names the role at the grant's level, and, given a scope (`namespace/<name>`), lets it be held
 * in that namespace (an entitlement without namespaces lets it anywhere).
 */
function catalogNamesKubernetesRole(catalog: Catalog, grant: RoleGrant, role: string, scope: string): boolean {
  const namespace = namespaceOf(scope);
  return catalog.entitlements.some((entitlement) => {
    const envelope = entitlement.kubernetes;
    const named = grant.scopeLevel === 'cluster' ? envelope?.clusterRoles : envelope?.roles;
    if (!(named?.includes(role) ?? false)) return false;
    return namespace === undefined || envelope?.namespaces === undefined || envelope.namespaces.includes(namespace);
  });
}

/** The catalog's privileged-action entry naming this role (or, for custom roles, one of its actions). */
function catalogEntry(catalog: Catalog, grant: RoleGrant, role: string): string | undefined {
  const actions = grant.permissions?.flatMap((permission) => permission.actions ?? []) ?? [];
  const entry = catalog.privilegedActions.find((candidate) =>
    (candidate[grant.cloud] ?? []).some((pattern) =>
      [role, ...actions].some((value) => globMatch(pattern, value, { caseInsensitive: true })),
    ),
  );
  return entry?.id;
}

/**
 * What a role grants, in words, whatever its scope (the audit's view; the rule judges scope separately): the
 * Kubernetes routes it reaches, the Azure privileges of its actions, the Google Cloud privileged permissions.
 * Empty when nothing it grants is privileged, or when its content is not known here.
 */
export function roleGrantsSummary(
  cloud: RoleGrant['cloud'],
  role: string | undefined,
  permissions: RoleGrant['permissions'],
  options: {
    clusterWide?: boolean;
    scopeLevel?: RoleGrant['scopeLevel'];
    scope?: RoleGrant['scope'];
    /** A ClusterRole of the change bound only by RoleBindings: the namespaces it holds in (RoleDefinition.boundOnlyIn). */
    boundOnlyIn?: readonly string[];
  } = {},
): { category: string; examples: string[] }[] {
  switch (cloud) {
    case 'kubernetes': {
      if (role === CLUSTER_ADMIN) return [{ category: 'cluster-admin', examples: ['every verb on every resource'] }];
      const routes = options.boundOnlyIn?.length
        ? routesInNamespaces(permissions ?? [], options.boundOnlyIn)
        : roleRoutes(permissions ?? [], options.clusterWide ?? false, new Set(), namespaceOf(options.scope));
      return routes.map((issue) => ({ category: `route ${issue.route}`, examples: [issue.what] }));
    }
    case 'azure': {
      if (options.scopeLevel === 'directory' || options.scopeLevel === 'application') return [];
      const actions = permissions ?? (role === undefined ? undefined : builtInRoleByName(role)?.permissions);
      return azurePrivileges(actions ?? []).map((privilege) => ({
        category: privilege.category,
        examples: privilege.actions,
      }));
    }
    case 'gcp': {
      const verdict = permissions
        ? gcpRoleVerdict(permissions.flatMap((permission) => permission.permissions ?? []))
        : role === undefined
          ? undefined
          : predefinedRoleVerdict(role);
      return verdict
        ? [{ category: verdict.risk, examples: verdict.permissions.length ? verdict.permissions : [verdict.what] }]
        : [];
    }
  }
}
