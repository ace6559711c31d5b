/**
 * Whether the change shows that its Kubernetes objects are for Amazon EKS. Kubernetes manifests and a chart's output do
 * not name the cluster they are applied to; a few facts of the change do: an EKS cluster or its nodes (a cluster or
 * node role's compute), an EKS access entry or aws-auth mapping (a Kubernetes grant held by an IAM principal), an EKS
 * Pod Identity association, a service account annotated for IAM roles for service accounts
 * (`eks.amazonaws.com/role-arn`), a cluster that makes its creator an administrator. What only EKS reads (the
 * aws-auth ConfigMap, route aws-auth-write) is a blocking finding where the change shows EKS, and advisory elsewhere:
 * the same role applied to an EKS cluster is cluster-admin, but nothing in the change says that it is.
 */
import type { Model } from '../../model/model.js';

const EKS_COMPUTE = new Set(['eks-cluster', 'eks-nodes', 'eks-pod-identity']);
const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

export function changeShowsEks(model: Model): boolean {
  if ((model.clusterCreatorAdmins ?? []).length > 0) return true;
  if ((model.externalRoleGrants ?? []).some((entry) => entry.awsPrincipal !== undefined || entry.awsPrincipalFrom))
    return true;
  return model.identities.some(
    (identity) =>
      identity.attachments.some((attachment) => EKS_COMPUTE.has(attachment.kind)) ||
      (identity.kind === 'k8s-service-account' && Object.hasOwn(identity.tags, IRSA_ANNOTATION)) ||
      (identity.cloud === 'aws' &&
        identity.grants.some((grant) => grant.kind === 'role' && grant.cloud === 'kubernetes')),
  );
}
