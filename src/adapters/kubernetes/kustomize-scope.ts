/**
 * The types kustomize holds cluster-scoped when it sets a namespace: its namespace transformer leaves their
 * metadata.namespace alone, and its name-reference step lets them refer to and be referred to from any namespace.
 *
 * kustomize decides this by apiVersion and kind, not by kind alone (kyaml/resid/gvk.go NewGvk ->
 * kyaml/openapi/openapi.go IsCertainlyClusterScoped): a type is cluster-scoped only when its built-in OpenAPI data
 * (Kubernetes 1.21.2) says so, and any type that data does not know (a custom resource, `flowcontrol.apiserver.k8s.io/v1
 * FlowSchema`, `rbac.authorization.k8s.io/v1alpha1 ClusterRole`) is treated as namespaced and given the namespace. The
 * list below is every entry of `precomputedIsNamespaceScoped` marked `false` in kyaml/openapi/openapi.go of
 * kubernetes-sigs/kustomize at 12f9e6391464b3ad9dd3fe8182049dc1b1772990, copied by a filter over that file (the map the
 * file's own test, TestIsNamespaceScopedPrecompute, holds equal to the built-in schema).
 *
 * This is kustomize's view, not the API server's: src/adapters/kubernetes/location.ts says where an object is unique in
 * its cluster.
 */
const KUSTOMIZE_CLUSTER_SCOPED = new Set([
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding',
  'apiextensions.k8s.io/v1 CustomResourceDefinition',
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition',
  'apiregistration.k8s.io/v1 APIService',
  'apiregistration.k8s.io/v1beta1 APIService',
  'certificates.k8s.io/v1 CertificateSigningRequest',
  'certificates.k8s.io/v1beta1 CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration',
  'networking.k8s.io/v1 IngressClass',
  'networking.k8s.io/v1beta1 IngressClass',
  'node.k8s.io/v1 RuntimeClass',
  'node.k8s.io/v1beta1 RuntimeClass',
  'policy/v1beta1 PodSecurityPolicy',
  'rbac.authorization.k8s.io/v1 ClusterRole',
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1beta1 ClusterRole',
  'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding',
  'scheduling.k8s.io/v1 PriorityClass',
  'scheduling.k8s.io/v1beta1 PriorityClass',
  'storage.k8s.io/v1 CSIDriver',
  'storage.k8s.io/v1 CSINode',
  'storage.k8s.io/v1 StorageClass',
  'storage.k8s.io/v1 VolumeAttachment',
  'storage.k8s.io/v1beta1 CSIDriver',
  'storage.k8s.io/v1beta1 CSINode',
  'storage.k8s.io/v1beta1 StorageClass',
  'storage.k8s.io/v1beta1 VolumeAttachment',
  'v1 ComponentStatus',
  'v1 Namespace',
  'v1 Node',
  'v1 NodeProxyOptions',
  'v1 PersistentVolume',
]);

/** True when kustomize holds objects of this apiVersion and kind cluster-scoped (see the file's comment). */
export function kustomizeHoldsClusterScoped(apiVersion: string, kind: string): boolean {
  return KUSTOMIZE_CLUSTER_SCOPED.has(`${apiVersion} ${kind}`);
}
