/**
 * What the catalog's Kubernetes envelopes allow: which bindings an entitlement covers (require-entitlement), and which
 * routes to cluster-admin the organisation accepts for the holders of a role (no-wildcard-privilege).
 *
 * A route is accepted only where the catalog names it: in `kubernetes.acceptedRoutes` of an entitlement that allows
 * the very binding (role, level, namespace), held by an identity of a class the entitlement admits. A deployer that
 * rolls out Deployments creates pods as any service account of its namespace (route pod-create); that is the job, and
 * the catalog says so once, where it allows the role, rather than in an expiring exception per binding. Every route
 * the catalog does not list is still reported, and cluster-admin is not a route: it is never accepted this way.
 */
import type { Catalog, Entitlement } from '../../../catalog/types.js';
import { entitlementById } from '../../../catalog/entitlement-index.js';
import type { IdentityProfile } from '../../../catalog/profile.js';
import type { RbacRouteId } from '../../iam/kubernetes/rbac.js';
import type { RoleDefinition, RoleGrant } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';

type KubernetesEnvelope = NonNullable<Entitlement['kubernetes']>;

/**
 * Whether the envelope allows binding `role` at `scope` (`namespace/<ns>` or the cluster): a ClusterRoleBinding by
 * `clusterRoles`; a RoleBinding, whether it names a Role or a ClusterRole, by `roles` within `namespaces` (all when
 * none are listed).
 */
export function kubernetesBindingAllowed(
  envelope: KubernetesEnvelope,
  scopeLevel: RoleGrant['scopeLevel'],
  role: string,
  scope: string,
): boolean {
  const sameRole = (allowed: string) => allowed.toLowerCase() === role.toLowerCase();
  if (scopeLevel === 'cluster') return Boolean(envelope.clusterRoles?.some(sameRole));
  return Boolean(envelope.roles?.some(sameRole)) && inNamespaces(envelope, scope.replace(/^namespace\//, ''));
}

function inNamespaces(envelope: KubernetesEnvelope, namespace: string): boolean {
  const namespaces = envelope.namespaces;
  return !namespaces?.length || namespaces.some((pattern) => globMatch(pattern, namespace, { caseInsensitive: true }));
}

/**
 * Whether the holder's catalog entitlements accept `route` on this binding: one the holder's class may hold allows
 * the binding and lists the route.
 */
export function routeAcceptedForHolder(
  catalog: Catalog,
  profile: IdentityProfile,
  grant: RoleGrant,
  role: string,
  scope: string,
  route: RbacRouteId,
): boolean {
  const cls = profile.class;
  if (cls === undefined) return false;
  return profile.entitlements.some((id) => {
    const entitlement = entitlementById(catalog, id);
    const envelope = entitlement?.kubernetes;
    return (
      envelope !== undefined &&
      entitlement?.classes.includes(cls) === true &&
      envelope.acceptedRoutes?.includes(route) === true &&
      kubernetesBindingAllowed(envelope, grant.scopeLevel, role, scope)
    );
  });
}

/**
 * Whether the catalog accepts `route` for whoever holds this Role or ClusterRole of the change: an entitlement allows
 * binding it (a Role in its own namespace) and lists the route. Its bindings are judged on their own holders.
 */
export function routeAcceptedForDefinition(catalog: Catalog, definition: RoleDefinition, route: RbacRouteId): boolean {
  if (definition.kind !== 'k8s-role' && definition.kind !== 'k8s-cluster-role') return false;
  const scopeLevel = definition.kind === 'k8s-cluster-role' ? 'cluster' : 'namespace';
  const scope = String(definition.scope);
  // A ClusterRole the change binds only through RoleBindings is also accepted where the catalog allows binding it in
  // each of their namespaces, as a Role there would be.
  const namespaces = definition.kind === 'k8s-cluster-role' ? (definition.boundOnlyIn ?? []) : [];
  return catalog.entitlements.some((entitlement) => {
    const envelope = entitlement.kubernetes;
    if (envelope?.acceptedRoutes?.includes(route) !== true) return false;
    if (kubernetesBindingAllowed(envelope, scopeLevel, definition.name, scope)) return true;
    return (
      namespaces.length > 0 &&
      namespaces.every((namespace) =>
        kubernetesBindingAllowed(envelope, 'namespace', definition.name, `namespace/${namespace}`),
      )
    );
  });
}
