/**
 * Operator Lifecycle Manager's ClusterServiceVersion (operators.coreos.com): the manifest an operator is installed
 * from. OLM, which runs as cluster-admin, makes the RBAC and the pods its install strategy writes
 * (`spec.install.spec`), as the objects they stand for: each `clusterPermissions` entry a ClusterRole and a
 * ClusterRoleBinding to its `serviceAccountName`, each `permissions` entry a Role and a RoleBinding in the CSV's
 * namespace, the service accounts they name where none exists, and each `deployments` entry a Deployment running as
 * the account its pod template names (operator-framework/operator-lifecycle-manager, pkg/controller/install and
 * pkg/controller/registry/resolver/rbac.go). A CSV's grants are the change's grants, read here as those objects.
 *
 * Where the CSV may be installed for every namespace (installModes AllNamespaces, or none written), OLM lifts its
 * `permissions` to a ClusterRole and ClusterRoleBinding once an OperatorGroup of every namespace selects it
 * (pkg/controller/operators/olm/operatorgroup.go, ensureRBACInTargetNamespace and ensureSingletonRBAC), so they are
 * read as cluster-wide there, unless the change shows the OperatorGroup of the CSV's namespace and it names its target
 * namespaces (`spec.targetNamespaces`): then OLM keeps them a Role and RoleBinding in the CSV's namespace and copies
 * both into each target namespace (ensureCSVsInNamespaces and ensureTenantRBAC), and they are read so. An
 * OperatorGroup without targetNamespaces and without a selector (or with an empty one) targets every namespace
 * (getOperatorGroupTargets), as read already; one that picks namespaces by a label selector picks what the cluster's
 * labels say, and one whose spec is known only at apply, or a namespace with several OperatorGroups (OLM installs
 * nothing there), leaves the reading as it was.
 */
import { isUnknown, unknownValue, type UnseenContent } from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';
import type { KubernetesObject } from './object.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

/** Whether the object is an OLM ClusterServiceVersion. */
export function isClusterServiceVersion(object: KubernetesObject): boolean {
  const apiVersion = object.apiVersion ?? object.body.apiVersion;
  return (
    object.kind === 'ClusterServiceVersion' &&
    typeof apiVersion === 'string' &&
    apiVersion.startsWith('operators.coreos.com/')
  );
}

/**
 * What an OLM Subscription (operators.coreos.com) installs, as unseen content: OLM resolves the package it names in a
 * catalog and installs that version's ClusterServiceVersion with the RBAC and service accounts it asks for, none of
 * which is in the change (as a Helm release's chart is not). Undefined for any other object.
 */
export function subscriptionUnseen(object: KubernetesObject): UnseenContent | undefined {
  const apiVersion = object.apiVersion ?? object.body.apiVersion;
  if (
    object.kind !== 'Subscription' ||
    typeof apiVersion !== 'string' ||
    !apiVersion.startsWith('operators.coreos.com/')
  )
    return undefined;
  const spec = isKnownRecord(object.body.spec) ? object.body.spec : {};
  const written = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const source = written(spec.source);
  return {
    resource: object.ref,
    kind: 'olm-subscription',
    what: written(spec.name) ?? `(not named: ${object.ref.name}.spec.name)`,
    ...(source !== undefined ? { named: source } : {}),
  };
}

/**
 * The objects with each ClusterServiceVersion followed by the objects OLM makes from its install strategy, each with the
 * CSV's own reference, so a finding points at the CSV. Named `<csv>:clusterPermissions:<i>` and
 * `<csv>:permissions:<i>` (OLM names them after the CSV with a generated suffix).
 */
export function expandClusterServiceVersions(objects: readonly KubernetesObject[]): KubernetesObject[] {
  const accounts = new Set(
    objects.filter((object) => object.kind === 'ServiceAccount').map((object) => accountKey(metadataOf(object))),
  );
  const groups = operatorGroupTargets(objects);
  return objects.flatMap((object) => {
    if (!isClusterServiceVersion(object)) return [object];
    const made = installedObjects(object, accounts, groups.get(metadataOf(object).namespace));
    return [object, ...made];
  });
}

/**
 * The namespaces OperatorGroups of the change name in `spec.targetNamespaces`, by the OperatorGroup's own namespace,
 * where that namespace has one OperatorGroup and it names them; other namespaces are absent (see the file's note).
 */
function operatorGroupTargets(objects: readonly KubernetesObject[]): Map<string, string[]> {
  const byNamespace = new Map<string, KubernetesObject[]>();
  for (const object of objects) {
    const apiVersion = object.apiVersion ?? object.body.apiVersion;
    if (object.kind !== 'OperatorGroup' || typeof apiVersion !== 'string') continue;
    if (!apiVersion.startsWith('operators.coreos.com/')) continue;
    const { namespace } = metadataOf(object);
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), object]);
  }
  const targets = new Map<string, string[]>();
  for (const [namespace, groups] of byNamespace) {
    const [group] = groups;
    if (groups.length !== 1 || group === undefined) continue;
    const spec = isKnownRecord(group.body.spec) ? group.body.spec : undefined;
    const named = spec?.targetNamespaces;
    if (!Array.isArray(named) || named.length === 0) continue;
    if (!named.every((value): value is string => typeof value === 'string' && value !== '')) continue;
    targets.set(namespace, [...new Set(named)]);
  }
  return targets;
}

function installedObjects(
  csv: KubernetesObject,
  accounts: Set<string>,
  targetNamespaces: readonly string[] | undefined,
): KubernetesObject[] {
  const { name, namespace } = metadataOf(csv);
  const spec = isKnownRecord(csv.body.spec) ? csv.body.spec : undefined;
  const install = spec && isKnownRecord(spec.install) ? spec.install : undefined;
  const unknownInstall = isUnknown(csv.body.spec) || (spec !== undefined && isUnknown(spec.install));
  const strategy = install && isKnownRecord(install.spec) ? install.spec : undefined;
  const made: KubernetesObject[] = [];
  const object = (kind: string, body: Record<string, unknown>): KubernetesObject => ({
    kind,
    body: { kind, ...body },
    ref: csv.ref,
  });
  if (unknownInstall || (install !== undefined && isUnknown(install.spec))) {
    // What OLM will grant is known only at apply: a grant whose role and subject cannot be seen, judged as pending.
    const what = unknownValue(`${name}.spec.install.spec is not known until apply`);
    const role = `${name}:install`;
    made.push(object('ClusterRole', { apiVersion: RBAC, metadata: { name: role }, rules: what }));
    made.push(
      object('ClusterRoleBinding', {
        apiVersion: RBAC,
        metadata: { name: role },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
        subjects: what,
      }),
    );
    return made;
  }
  if (!strategy) return made;
  const clusterWidePermissions = targetNamespaces === undefined && mayBeInstalledForAllNamespaces(spec?.installModes);
  const entries: { field: string; clusterWide: boolean }[] = [
    { field: 'clusterPermissions', clusterWide: true },
    { field: 'permissions', clusterWide: clusterWidePermissions },
  ];
  for (const { field, clusterWide } of entries) {
    const list = strategy[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, index) => {
      const permission = isKnownRecord(entry) ? entry : {};
      const role = `${name}:${field}:${index}`;
      const account = permission.serviceAccountName;
      const [roleKind, bindingKind] = clusterWide ? ['ClusterRole', 'ClusterRoleBinding'] : ['Role', 'RoleBinding'];
      // A Role and its binding in the CSV's namespace, and copies of both in each target namespace its OperatorGroup
      // names, binding the same account of the CSV's namespace.
      const where = clusterWide
        ? [undefined]
        : [namespace, ...(targetNamespaces ?? []).filter((target) => target !== namespace)];
      for (const inNamespace of where) {
        const roleMetadata = inNamespace === undefined ? { name: role } : { name: role, namespace: inNamespace };
        made.push(object(roleKind, { apiVersion: RBAC, metadata: roleMetadata, rules: permission.rules }));
        made.push(
          object(bindingKind, {
            apiVersion: RBAC,
            metadata: roleMetadata,
            roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: role },
            subjects:
              typeof account === 'string' && account !== ''
                ? [{ kind: 'ServiceAccount', name: account, namespace }]
                : unknownValue(`${name}.spec.install.spec.${field}[${index}].serviceAccountName is not set`),
          }),
        );
      }
      if (typeof account === 'string' && account !== '') addAccount(account);
    });
  }
  const deployments = strategy.deployments;
  if (Array.isArray(deployments)) {
    deployments.forEach((entry: unknown, index) => {
      const deployment = isKnownRecord(entry) ? entry : {};
      const deploymentName = typeof deployment.name === 'string' ? deployment.name : `${name}:deployments[${index}]`;
      made.push(
        object('Deployment', {
          apiVersion: 'apps/v1',
          metadata: { name: deploymentName, namespace },
          spec: deployment.spec,
        }),
      );
    });
  }
  return made;

  /** OLM creates the service accounts its permissions name when they do not exist (the resolver's install steps). */
  function addAccount(account: string): void {
    const key = accountKey({ name: account, namespace });
    if (accounts.has(key)) return;
    accounts.add(key);
    made.push(object('ServiceAccount', { apiVersion: 'v1', metadata: { name: account, namespace } }));
  }
}

/** Whether the CSV allows an OperatorGroup of every namespace: installModes says AllNamespaces, or says nothing. */
function mayBeInstalledForAllNamespaces(installModes: unknown): boolean {
  if (!Array.isArray(installModes)) return true;
  return installModes.some(
    (mode) => !isKnownRecord(mode) || (mode.type === 'AllNamespaces' && mode.supported !== false),
  );
}

function metadataOf(object: KubernetesObject): { name: string; namespace: string } {
  const metadata = isKnownRecord(object.body.metadata) ? object.body.metadata : {};
  return {
    name: typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : object.ref.name,
    namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default',
  };
}

function accountKey({ name, namespace }: { name: string; namespace: string }): string {
  return `${namespace}/${name}`;
}
