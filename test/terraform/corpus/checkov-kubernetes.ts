/**
 * Kubernetes RBAC facts from Checkov's Terraform check fixtures, as a plan (format 1.2) would carry them
 * (the Kubernetes provider's blocks are lists of one in plan JSON):
 * - bridgecrewio/checkov, tests/terraform/checks/resource/kubernetes/example_WildcardRoles/main.tf
 *   @ 057ec94442d3d69c8db9a60bb4c67d31a433baaf: a ClusterRole with apiGroups "*" (fail), Roles with apiGroups "*",
 *   verbs "*" and resources "*" (fail, fail2, fail3; read verbs only besides), and passing Roles;
 * - same repository, tests/terraform/checks/resource/kubernetes/example_DefaultServiceAccountBinding/main.tf
 *   @ 647976a601c2c6031b7d2d6ec8620313d07d5a7a: a RoleBinding of Role admin and a ClusterRoleBinding of
 *   cluster-admin to User admin, ServiceAccount kube-system/default and Group system:masters.
 * Added (the fixtures have none): a service account `ci` with a token Secret, and an opaque Secret with literal data.
 */
import type { PlannedResource } from '../support.js';

const rule = (api_groups: string[], resources: string[], verbs: string[], resource_names: string[] = []) => ({
  api_groups,
  resources,
  verbs,
  resource_names,
  non_resource_urls: [],
});
const metadata = (name: string, namespace?: string, extra: Record<string, unknown> = {}) => [
  { name, ...(namespace ? { namespace } : {}), labels: null, annotations: null, ...extra },
];
const READ = ['get', 'list', 'watch'];

const role = (address: string, rules: unknown[], cluster = false): PlannedResource => ({
  address,
  values: {
    metadata: metadata('terraform-example', cluster ? undefined : 'default'),
    rule: rules,
    ...(cluster ? { aggregation_rule: [] } : {}),
  },
  unknown: { id: true, metadata: [{ generation: true, resource_version: true, uid: true }] },
});
const subjects = [
  { kind: 'User', name: 'admin', api_group: 'rbac.authorization.k8s.io', namespace: null },
  { kind: 'ServiceAccount', name: 'default', namespace: 'kube-system', api_group: '' },
  { kind: 'Group', name: 'system:masters', api_group: 'rbac.authorization.k8s.io', namespace: null },
];

export const CHECKOV_KUBERNETES: PlannedResource[] = [
  role(
    'kubernetes_cluster_role.fail',
    [rule([''], ['namespaces', 'pods'], READ), rule(['*'], ['namespaces', 'pods'], READ)],
    true,
  ),
  role('kubernetes_cluster_role.pass', [rule([''], ['namespaces', 'pods'], READ)], true),
  role('kubernetes_role.fail', [
    rule(['*'], ['pods'], READ, ['foo']),
    rule(['apps'], ['deployments'], ['get', 'list']),
  ]),
  role('kubernetes_role.fail2', [
    rule([''], ['pods'], ['*', 'list', 'watch'], ['foo']),
    rule(['apps'], ['deployments'], ['get', 'list']),
  ]),
  role('kubernetes_role.fail3', [rule([''], ['*'], READ, ['foo']), rule(['apps'], ['deployments'], ['get', 'list'])]),
  {
    address: 'kubernetes_role_binding.fail',
    values: {
      metadata: metadata('terraform-example', 'default'),
      role_ref: [{ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'admin' }],
      subject: subjects,
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_cluster_role_binding.fail',
    values: {
      metadata: metadata('terraform-example'),
      role_ref: [{ api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }],
      subject: subjects,
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_service_account_v1.ci',
    values: { metadata: metadata('ci', 'build'), automount_service_account_token: true },
    unknown: { id: true, default_secret_name: true },
  },
  {
    address: 'kubernetes_secret_v1.ci_token',
    values: {
      metadata: metadata('ci-token', 'build', { annotations: { 'kubernetes.io/service-account.name': 'ci' } }),
      type: 'kubernetes.io/service-account-token',
      wait_for_service_account_token: true,
    },
    unknown: { id: true, data: true },
  },
  {
    address: 'kubernetes_secret.db',
    values: { metadata: metadata('db', 'build'), type: 'Opaque', data: { password: 'hunter2' } },
    unknown: { id: true },
  },
];
