/**
 * Amazon EKS access policies: the Kubernetes permissions an access entry's associated policy
 * (`arn:<partition>:eks::aws:cluster-access-policy/<Name>`) gives its IAM principal, at the association's access scope.
 *
 * Source: the Amazon EKS User Guide, "Review access policy permissions" (github.com/awsdocs/amazon-eks-user-guide
 * @4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7, latest/ug/manage-access/k8s-access/access-policy-reference.adoc), whose
 * tables list each policy's rules ("Each row of each table in each access policy is a separate rule"); the rules
 * below are those rows, in the page's order. AWS says access policies hold allow rules only, like Role and ClusterRole
 * objects, and cannot be changed. The policies the page describes in prose only (AmazonEKSAutoNodePolicy, the Auto
 * Mode storage, networking and compute policies, and any policy published later) have no rules here: what they
 * grant is reported as not seen.
 */
import type { RolePermission } from '../../model/model.js';
import { lookupTable } from '../../util/records.js';

/** An access policy's ARN, any partition: the name is the part after `cluster-access-policy/`. */
const ACCESS_POLICY_ARN = /^arn:[^:]+:eks::aws:cluster-access-policy\/([A-Za-z0-9]+)$/;

const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];

const rule = (apiGroups: string[], resources: string[], verbs: string[]): RolePermission => ({
  apiGroups,
  resources,
  verbs,
});

/** The rows AmazonEKSEditPolicy and AmazonEKSAdminPolicy share (the page lists them in each table). */
const EDIT_RULES: readonly RolePermission[] = [
  rule(
    ['apps'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    WRITE,
  ),
  rule(
    ['apps'],
    [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    READ,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule(['batch'], ['cronjobs', 'jobs'], WRITE),
  rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(
    ['extensions'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'ingresses',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicationcontrollers/scale',
    ],
    WRITE,
  ),
  rule(
    ['extensions'],
    [
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'ingresses',
      'ingresses/status',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'replicationcontrollers/scale',
    ],
    READ,
  ),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
  rule(['policy'], ['poddisruptionbudgets'], WRITE),
  rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule([''], ['namespaces'], READ),
  rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  rule(
    [''],
    [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    WRITE,
  ),
  rule(
    [''],
    [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    READ,
  ),
  rule(
    [''],
    [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    READ,
  ),
];

const VIEW_RULES: readonly RolePermission[] = [
  ...EDIT_RULES.filter((permission) => permission.verbs === READ && !permission.resources?.includes('secrets')),
];

/** Rules by access policy name. */
const ACCESS_POLICY_RULES: Readonly<Record<string, readonly RolePermission[]>> = lookupTable({
  AmazonEKSClusterAdminPolicy: [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }],
  // AmazonEKSEditPolicy's rows, and what it adds: writing Roles and RoleBindings, and local subject access reviews.
  AmazonEKSAdminPolicy: [
    ...EDIT_RULES,
    rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
    rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], [...WRITE, ...READ].sort()),
  ],
  // "access to list/view all resources in a cluster. Note this includes Kubernetes Secrets."
  AmazonEKSAdminViewPolicy: [rule(['*'], ['*'], READ)],
  AmazonEKSEditPolicy: EDIT_RULES,
  AmazonEKSViewPolicy: VIEW_RULES,
});

export interface EksAccessPolicy {
  /** The policy's name (`AmazonEKSEditPolicy`): what a grant names as its role, and a catalog entitlement may allow. */
  name: string;
  /** Its rules, or undefined where the User Guide publishes none (see the file comment). */
  rules?: readonly RolePermission[];
}

/** The access policy an ARN names, or undefined when it is no access policy ARN. */
export function eksAccessPolicy(arn: string): EksAccessPolicy | undefined {
  const name = ACCESS_POLICY_ARN.exec(arn)?.[1];
  if (name === undefined) return undefined;
  const rules = Object.hasOwn(ACCESS_POLICY_RULES, name) ? ACCESS_POLICY_RULES[name] : undefined;
  return rules ? { name, rules } : { name };
}
