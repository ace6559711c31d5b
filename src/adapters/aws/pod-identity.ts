/**
 * EKS Pod Identity associations (`AWS::EKS::PodIdentityAssociation`, aws.eks.PodIdentityAssociation,
 * `aws_eks_pod_identity_association`) bind a role to the pods of one service account of a namespace in a cluster
 * (CreatePodIdentityAssociation: clusterName, namespace, serviceAccount, roleArn, and targetRoleArn for a role it
 * chains to). What every AWS front-end reads of one: the workload it binds, which is the role's subject as an IRSA
 * trust's `:sub` is, and, where the role is none of the change, the content the check cannot see.
 */
import {
  isUnknown,
  type Maybe,
  type PodIdentityWorkload,
  type ResourceRef,
  type UnseenContent,
} from '../../model/model.js';

/** The association's settings for its workload, in each dialect's spelling. */
export const POD_IDENTITY_WORKLOAD_PROPERTIES = {
  cloudFormation: { cluster: 'ClusterName', namespace: 'Namespace', serviceAccount: 'ServiceAccount' },
  pulumi: { cluster: 'clusterName', namespace: 'namespace', serviceAccount: 'serviceAccount' },
} as const;

/** The workload an association binds, from its settings read as strings (or Unknowns); those it leaves out are absent. */
export function podIdentityWorkload(
  read: (property: keyof PodIdentityWorkload) => Maybe<string> | undefined,
): PodIdentityWorkload {
  const workload: PodIdentityWorkload = {};
  for (const part of ['cluster', 'namespace', 'serviceAccount'] as const) {
    const value = read(part);
    if (value !== undefined) workload[part] = value;
  }
  return workload;
}

/**
 * An association whose role (`value`, as the change names it) is none of the change: the pods it binds act as a role
 * whose permissions and trust cannot be seen here, so it is reported, as an assignment of a permission set the change
 * does not create is. A role named only at deployment (a parameter, another stack's output) is one too.
 */
export function unseenPodIdentityRole(
  resource: ResourceRef,
  property: string,
  value: Maybe<string> | undefined,
): UnseenContent {
  const what =
    typeof value === 'string'
      ? value
      : isUnknown(value)
        ? `a role known only at deployment (${value.description})`
        : `a role ${property} does not name`;
  return { resource, kind: 'unseen-pod-identity-role', what };
}
