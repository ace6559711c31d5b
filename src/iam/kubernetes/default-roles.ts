/**
 * Kubernetes' default roles: the ClusterRoles every API server creates and keeps at start (cluster-admin, admin, edit,
 * view, system:auth-delegator, system:aggregate-to-*, …) and its Roles in kube-system and kube-public
 * (extension-apiserver-authentication-reader, …), with their labels, aggregation rules and rules
 * (data/kubernetes-default-roles.json, Kubernetes' bootstrap policy, written by scripts/refresh-kubernetes-roles.mjs,
 * read on the first lookup). admin, edit and view hold the rules they aggregate from the others, resolved in the data.
 * A binding to one of them grants what the data says, as the API server would; a binding to any other role the change
 * does not define stays unseen.
 */
import type { ResourceRef, RoleGrant, RolePermission } from '../../model/model.js';
import { countedEntries, readPackageJson } from '../../util/package-data.js';
import type { RoleDataset } from '../azure/roles.js';
import { CLUSTER_ADMIN } from './rbac.js';

export interface KubernetesDefaultRole {
  name: string;
  /** Set for a Role: its namespace. */
  namespace?: string;
  labels?: Readonly<Record<string, string>>;
  annotations?: Readonly<Record<string, string>>;
  aggregationRule?: { clusterRoleSelectors: Record<string, unknown>[] };
  /** For an aggregated role: the default roles whose rules its selectors picked, by name. */
  aggregatedFrom?: string[];
  /** Its effective rules: for an aggregated role, the rules of the roles it aggregates. */
  rules: RolePermission[];
}

export const KUBERNETES_DEFAULT_ROLE_DATA_FILE = 'kubernetes-default-roles.json';
/** The annotation with which a default role opts out of being reconciled at each API server start. */
export const AUTOUPDATE_ANNOTATION = 'rbac.authorization.kubernetes.io/autoupdate';

interface Loaded {
  dataset: RoleDataset;
  roles: readonly KubernetesDefaultRole[];
  byName: ReadonlyMap<string, KubernetesDefaultRole>;
  /** Roles by `<namespace>/<name>`. */
  namespaced: ReadonlyMap<string, KubernetesDefaultRole>;
}

let loaded: Loaded | undefined;

function data(): Loaded {
  if (loaded) return loaded;
  // A damaged file may lack the list: typed as possibly missing so the check below reports it, not crashes on it.
  const read = readPackageJson(KUBERNETES_DEFAULT_ROLE_DATA_FILE, "Kubernetes' default role data") as RoleDataset & {
    roles?: KubernetesDefaultRole[];
    namespaceRoles?: KubernetesDefaultRole[];
    namespaceRoleCount?: number;
  };
  const roles = countedEntries(KUBERNETES_DEFAULT_ROLE_DATA_FILE, read.roles, read.count, 'roles');
  const namespaceRoles = countedEntries(
    KUBERNETES_DEFAULT_ROLE_DATA_FILE,
    read.namespaceRoles,
    read.namespaceRoleCount,
    'namespace roles',
  );
  return (loaded = {
    dataset: { source: read.source, date: read.date, count: read.count },
    roles,
    byName: new Map(roles.map((role) => [role.name, role])),
    namespaced: new Map(namespaceRoles.map((role) => [`${role.namespace ?? ''}/${role.name}`, role])),
  });
}

/** Where the default role data comes from, and as of when. */
export function kubernetesDefaultRoleData(): RoleDataset {
  return { ...data().dataset };
}

/** Whether the data has been read in this process (a test checks that importing the engine does not read it). */
export function kubernetesDefaultRoleDataLoaded(): boolean {
  return loaded !== undefined;
}

/** The default ClusterRole of that name (names are case-sensitive in Kubernetes), or undefined. */
export function kubernetesDefaultRole(name: string): KubernetesDefaultRole | undefined {
  return data().byName.get(name);
}

/** The default Role of that name in that namespace (kube-system, kube-public), or undefined. */
export function kubernetesDefaultNamespaceRole(namespace: string, name: string): KubernetesDefaultRole | undefined {
  return data().namespaced.get(`${namespace}/${name}`);
}

/** Every default ClusterRole, sorted by name. */
export function kubernetesDefaultRoles(): readonly KubernetesDefaultRole[] {
  return data().roles;
}

/**
 * cluster-admin at the cluster, as Kubernetes' bootstrap policy binds it to the group system:masters (ClusterRoleBinding
 * cluster-admin), and as a platform binds it to the administrators it is told of (an EKS access entry's or aws-auth's
 * system:masters, an AKS cluster's Entra ID admin groups): a grant `source` makes without writing the binding itself.
 */
export function clusterAdminGrant(source: ResourceRef): RoleGrant {
  const rules = kubernetesDefaultRole(CLUSTER_ADMIN)?.rules;
  return {
    kind: 'role',
    cloud: 'kubernetes',
    source,
    role: CLUSTER_ADMIN,
    scope: 'cluster',
    scopeLevel: 'cluster',
    kubernetesDefault: 'default',
    ...(rules ? { permissions: rules } : {}),
  };
}
