/**
 * What a holder of Kubernetes roles holds beyond each role alone, once every binding of the change is read: routes its
 * roles open together (joins), and the privilege of the service accounts whose tokens its roles give it (a token
 * requested by name, a token Secret read in its namespace). A holder is an identity of the change (a service account,
 * an IAM role an EKS access gives roles) or a member the change only names in bindings (`User alice`, `Group devs`):
 * RBAC grants each subject the union of the roles bound to it, whatever its kind.
 */
import type { Catalog } from '../../../catalog/types.js';
import {
  joinedRoutes,
  namedTokenRequests,
  namespaceOf,
  secretReads,
  type RbacIssue,
} from '../../iam/kubernetes/rbac.js';
import { isUnknown, type Identity, type Model, type RoleGrant, type RolePermission } from '../../model/model.js';
import { roleGrantIssues } from './role-grants.js';

/** A Kubernetes role a holder holds through one binding, with what the change shows of it. */
export interface HeldEntry {
  grant: RoleGrant;
  role: string;
  scope: string;
  rules: RolePermission[];
}

/** A route roles of one holder open together: the roles it needs, and where they all hold. */
export interface JoinedRoute {
  issue: RbacIssue;
  joined: HeldEntry[];
  /** `cluster-wide`, or `in namespace <ns>`. */
  where: string;
}

/** The Kubernetes roles among grants whose rules the change shows (a role it cannot see is reported on its binding). */
export function heldEntries(grants: readonly RoleGrant[]): HeldEntry[] {
  const held: HeldEntry[] = [];
  for (const grant of grants) {
    if (grant.cloud !== 'kubernetes' || grant.roleOutsideChange !== undefined) continue;
    const { role, scope, permissions } = grant;
    if (permissions === undefined || isUnknown(role) || isUnknown(scope)) continue;
    held.push({ grant, role, scope, rules: permissions });
  }
  return held;
}

/**
 * Routes the roles of one holder open together but none alone (rbac.ts joinedRoutes). The cluster-wide bindings are
 * joined with each other, and with those of each namespace the holder is bound in (there they all apply). One per
 * set of roles and route.
 */
export function holderJoinedRoutes(grants: readonly RoleGrant[]): JoinedRoute[] {
  const held = heldEntries(grants);
  // A joined route needs two roles (joinedRoutes); most holders (every AWS role and user) hold none.
  if (held.length < 2) return [];
  const cluster = held.filter((entry) => entry.grant.scopeLevel === 'cluster');
  const namespaces = [
    ...new Set(held.filter((entry) => entry.grant.scopeLevel === 'namespace').map((entry) => entry.scope)),
  ];
  const sets = [
    { where: 'cluster-wide', held: cluster, clusterWide: true, namespace: undefined as string | undefined },
    ...namespaces.map((scope) => ({
      where: `in ${scope.replace('namespace/', 'namespace ')}`,
      held: [...cluster, ...held.filter((entry) => entry.scope === scope)],
      clusterWide: false,
      namespace: namespaceOf(scope),
    })),
  ];
  const found = new Map<string, JoinedRoute>();
  for (const set of sets) {
    const roles = set.held.map((entry) => ({
      rules: entry.rules,
      clusterWide: entry.grant.scopeLevel === 'cluster',
      ...(entry.grant.scopeLevel === 'cluster' ? {} : { namespace: namespaceOf(entry.scope) }),
    }));
    for (const { issue, roles: needed } of joinedRoutes(roles, set.clusterWide, set.namespace)) {
      const joined = set.held.filter((_, index) => needed.includes(index));
      const key = `${joined.map((entry) => entry.role).join('+')}/${issue.route}`;
      if (!found.has(key)) found.set(key, { issue, joined, where: set.where });
    }
  }
  return [...found.values()];
}

/** The Kubernetes holders the change names only in bindings, each with every grant bound to it, by member. */
export function externalHolders(model: Model): { member: string; grants: RoleGrant[] }[] {
  const byMember = new Map<string, RoleGrant[]>();
  for (const { member, grant } of model.externalRoleGrants ?? []) {
    if (grant.cloud !== 'kubernetes') continue;
    const grants = byMember.get(member) ?? [];
    grants.push(grant);
    byMember.set(member, grants);
  }
  return [...byMember].map(([member, grants]) => ({ member, grants }));
}

/**
 * The grants a service account of the change holds through subjects that stand for it besides its own, each with the
 * subject it is bound to: the groups the API server puts every service account's requests in (system:serviceaccounts,
 * system:serviceaccounts:<its namespace>, system:authenticated; Kubernetes "Using RBAC Authorization", referring to
 * subjects) and the User of its username (system:serviceaccount:<namespace>:<name>). RBAC grants the account the union
 * of them and of its own bindings, so they join its roles and ride in its token. Each is judged for its subject where
 * the binding names it (the change's external role grants); here it is counted for the account as well.
 */
export function memberGrants(model: Model, identity: Identity): { member: string; grant: RoleGrant }[] {
  if (identity.kind !== 'k8s-service-account' || isUnknown(identity.arn)) return [];
  const namespace = /^system:serviceaccount:([^:]+):[^:]+$/.exec(identity.arn ?? '')?.[1];
  if (namespace === undefined) return [];
  const members = new Set([
    'Group system:serviceaccounts',
    `Group system:serviceaccounts:${namespace}`,
    'Group system:authenticated',
    `User ${identity.arn}`,
  ]);
  return (model.externalRoleGrants ?? []).filter(
    ({ member, grant }) => grant.cloud === 'kubernetes' && members.has(member),
  );
}

/**
 * A service account whose token one of the holder's roles gives it: requested by name (`create` on
 * `serviceaccounts/token` with resourceNames, route token-create) or read from a token Secret of its namespace (`get`,
 * `list` or `watch` on secrets there, route secrets-read), with what that account holds.
 */
export interface AccountTokenRoute {
  entry: HeldEntry;
  route: 'token-create' | 'secrets-read';
  /** `<namespace>/<name>`. */
  account: string;
  /** How the role reaches the token, in words. */
  how: string;
  /** What the account holds that makes its token a route, in words. */
  held: string;
}

/** The model's Kubernetes service accounts, listed once per model: every holder of a Kubernetes role asks for them. */
const serviceAccounts = new WeakMap<Model, Identity[]>();
function serviceAccountsOf(model: Model): Identity[] {
  let accounts = serviceAccounts.get(model);
  if (!accounts)
    serviceAccounts.set(
      model,
      (accounts = model.identities.filter((identity) => identity.kind === 'k8s-service-account')),
    );
  return accounts;
}

/**
 * The tokens of other service accounts the holder's roles give it, where that account holds a route, cluster-admin, or
 * a role the change cannot see (failing closed, as a named `bind` does); a token of the holder's own account gives it
 * nothing new. A token requested by name for an account the change neither creates nor binds is of an account whose
 * roles cannot be seen, a route too; a ClusterRole bound cluster-wide requests it in every namespace, so it reaches
 * every account of that name the change shows, and is unseen only when the change shows none.
 *
 * Reading secrets cluster-wide is route secrets-read already; here a role that reads secrets in one namespace reaches
 * the token Secrets the change creates there (kubernetes.io/service-account-token, filled by the token controller with
 * a token that never expires). Token Secrets the change does not create cannot be seen: none is created by Kubernetes
 * itself since 1.24, and the legacy ones of older clusters are purged once unused (LegacyServiceAccountTokenCleanUp).
 */
export function accountTokenRoutes(
  model: Model,
  catalog: Catalog,
  holder: Identity | undefined,
  grants: readonly RoleGrant[],
): AccountTokenRoute[] {
  const held = heldEntries(grants);
  // Most identities hold no Kubernetes role: no list of accounts to build for them.
  if (held.length === 0) return [];
  const accounts = serviceAccountsOf(model);
  const routes: AccountTokenRoute[] = [];
  for (const entry of held) {
    const clusterWide = entry.grant.scopeLevel === 'cluster';
    const namespace = namespaceOf(entry.scope);
    if (!clusterWide && namespace === undefined) continue;
    for (const name of namedTokenRequests(entry.rules)) {
      const targets = accounts.filter((account) => {
        const where = accountName(account);
        return where?.name === name && (clusterWide || where.namespace === namespace);
      });
      if (targets.length === 0) {
        routes.push({
          entry,
          route: 'token-create',
          account: clusterWide ? `*/${name}` : `${namespace}/${name}`,
          how: `requests tokens for the service account ${name} ${clusterWide ? 'of every namespace' : 'there'} by name (create on serviceaccounts/token)`,
          held: 'roles this change cannot show (it neither creates nor binds an account of that name)',
        });
        continue;
      }
      for (const target of targets) {
        if (target === holder) continue;
        const held = accountPrivilege(target, catalog);
        if (held.length === 0) continue;
        routes.push({
          entry,
          route: 'token-create',
          account: accountName(target)?.key ?? target.name,
          how: `requests tokens for the service account ${accountName(target)?.key ?? target.name} by name (create on serviceaccounts/token)`,
          held: held.join('; '),
        });
      }
    }
    // Cluster-wide reads are route secrets-read on their own.
    if (clusterWide) continue;
    const reads = secretReads(entry.rules);
    if (reads !== 'all' && reads.length === 0) continue;
    for (const target of accounts) {
      if (target === holder || accountName(target)?.namespace !== namespace) continue;
      const secrets = target.credentials.filter(
        (credential) =>
          credential.kind === 'k8s-service-account-token' &&
          (reads === 'all' || (credential.objectName !== undefined && reads.includes(credential.objectName))),
      );
      if (secrets.length === 0) continue;
      const held = accountPrivilege(target, catalog);
      if (held.length === 0) continue;
      const names = secrets.map((secret) => secret.objectName ?? secret.source.name).join(', ');
      routes.push({
        entry,
        route: 'secrets-read',
        account: accountName(target)?.key ?? target.name,
        how: `reads Secrets there, among them the service-account token Secret ${names} of ${accountName(target)?.key ?? target.name} (a token that never expires)`,
        held: held.join('; '),
      });
    }
  }
  return routes;
}

/** A service account's namespace and name, from the username the API server gives it. */
function accountName(identity: Identity): { namespace: string; name: string; key: string } | undefined {
  const match = typeof identity.arn === 'string' ? /^system:serviceaccount:([^:]+):(.+)$/.exec(identity.arn) : null;
  if (!match?.[1] || !match[2]) return undefined;
  return { namespace: match[1], name: match[2], key: `${match[1]}/${match[2]}` };
}

/**
 * What a service account holds that whoever has its token holds too, in words: cluster-admin, each route of its roles,
 * alone or joined, and roles the change cannot see. Judged without the catalog's accepted routes: a route accepted for
 * the account is its job, not the job of whoever takes its token.
 */
export function accountPrivilege(identity: Identity, catalog: Catalog): string[] {
  const held: string[] = [];
  for (const grant of identity.grants) {
    if (grant.kind !== 'role' || grant.cloud !== 'kubernetes') continue;
    const binding = grant.source.name;
    for (const issue of roleGrantIssues(grant, catalog)) {
      if (issue.kind === 'k8s-cluster-admin') held.push(`cluster-admin (${binding})`);
      else if (issue.kind === 'k8s-rule') held.push(`${issue.role} (${binding}), which holds Route::${issue.route}`);
      else if (issue.kind === 'k8s-unseen-role')
        held.push(`${issue.roleKind} ${issue.role} (${binding}), which this change does not show`);
    }
  }
  for (const { issue, joined } of holderJoinedRoutes(identity.grants.filter(isRoleGrant)))
    held.push(`${joined.map((entry) => entry.role).join(' and ')} together, which hold Route::${issue.route}`);
  return held;
}

function isRoleGrant(grant: Identity['grants'][number]): grant is RoleGrant {
  return grant.kind === 'role';
}
