/**
 * Where a Kubernetes object is unique in its cluster, as an exception target names it (catalog/waivers.ts): the same
 * form whichever front-end wrote the object (a manifest, a Pulumi program, a Terraform plan).
 */

/**
 * Kinds the API server keeps outside namespaces (`kubectl api-resources --namespaced=false`, the built-in API groups):
 * their name is unique in the cluster. Any other kind is namespaced.
 */
const CLUSTER_SCOPED_KINDS = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/**
 * Where the object is unique in its cluster, as an exception target names it: `k8s:<Kind>/<name>`, or for a namespaced
 * kind `k8s:<namespace>/<Kind>/<name>` in the namespace the object gives (`default` when it gives none, as the
 * service-account ids `system:serviceaccount:<namespace>:<name>` read it).
 */
export function locationOf(kind: string, name: string, namespace: unknown): string {
  if (CLUSTER_SCOPED_KINDS.has(kind)) return `k8s:${kind}/${name}`;
  return `k8s:${typeof namespace === 'string' && namespace !== '' ? namespace : 'default'}/${kind}/${name}`;
}
