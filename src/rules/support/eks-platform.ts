/**
 * Whether the change shows that its Kubernetes objects are for Amazon EKS. Kubernetes manifests and a chart's output do
 * not name the cluster they are applied to; a few facts of the change do: an EKS cluster or its nodes (a cluster or
 * node role's compute), an EKS access entry or aws-auth mapping (a Kubernetes grant held by an IAM principal), an EKS
 * Pod Identity association, a service account annotated for IAM roles for service accounts
 * (`eks.amazonaws.com/role-arn`), a cluster that makes its creator an administrator. What only EKS reads (the
 * aws-auth ConfigMap, route aws-auth-write) is a blocking finding where the change shows EKS, and advisory elsewhere:
 * the same role applied to an EKS cluster is cluster-admin, but nothing in the change says that it is.
 *
 * An EKS cluster's authentication mode (Model.eksClusters) says whether it reads aws-auth at all: `API` never does,
 * `CONFIG_MAP`, `API_AND_CONFIG_MAP` and the default (no mode written: CONFIG_MAP) do. Where the change creates EKS
 * clusters and every one is `API`, the route stays a finding, at advisory level, rather than disappearing: a
 * Kubernetes object does not name its cluster (a Pulumi program's Kubernetes provider, a manifest directory checked
 * with a template, may point at a cluster the change does not create), so the change does not show that its roles are
 * applied to those clusters, and the same role checked without them is advisory too; adding an API-only cluster to a
 * change should not make a role's finding weaker than checking the role alone. A mode not known until deploy, or a
 * value EKS would refuse, counts as reading aws-auth (fail closed).
 */
import { isUnknown, type EksClusterAuthentication, type Model } from '../../model/model.js';

const EKS_COMPUTE = new Set(['eks-cluster', 'eks-nodes', 'eks-pod-identity']);
const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
/** The authentication mode in which EKS reads access entries only, never the aws-auth ConfigMap. */
const ACCESS_ENTRIES_ONLY = 'API';

export function changeShowsEks(model: Model): boolean {
  if ((model.eksClusters ?? []).length > 0) return true;
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

/** Whether the cluster reads the aws-auth ConfigMap: every mode but `API`, and a mode not known, do. */
export function readsAwsAuth(cluster: EksClusterAuthentication): boolean {
  return isUnknown(cluster.mode) || cluster.mode !== ACCESS_ENTRIES_ONLY;
}

/**
 * How a route only EKS opens through aws-auth (aws-auth-write) is judged in this change: `access-entries-only` where the
 * change creates EKS clusters and all are `API` (the clusters named, for the message), whatever else shows EKS (its
 * access entries and IRSA annotations are, as far as the change shows, for those clusters); `blocking` where the change
 * shows EKS otherwise (a cluster it creates reads aws-auth, or it creates none and an access entry, a mapping or an IRSA
 * annotation shows a cluster of any mode); `not-shown` where nothing shows EKS.
 */
export type AwsAuthReach =
  { kind: 'blocking' } | { kind: 'not-shown' } | { kind: 'access-entries-only'; clusters: string[] };

export function awsAuthReach(model: Model): AwsAuthReach {
  const clusters = model.eksClusters ?? [];
  if (clusters.length > 0 && !clusters.some(readsAwsAuth))
    return { kind: 'access-entries-only', clusters: [...new Set(clusters.map((cluster) => cluster.cluster))].sort() };
  return changeShowsEks(model) ? { kind: 'blocking' } : { kind: 'not-shown' };
}
