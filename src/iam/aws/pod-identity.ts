/**
 * EKS Pod Identity: the EKS Auth service assumes a role for the pods of a service account that a Pod Identity
 * association binds to it, when the role's trust admits pods.eks.amazonaws.com with sts:AssumeRole and
 * sts:TagSession ("Create IAM role with trust policy required by EKS Pod Identity",
 * https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html).
 */
import { isUnknown, type Maybe, type PodIdentityWorkload } from '../../model/model.js';

/** The service principal a role trusts to be used through EKS Pod Identity. */
export const POD_IDENTITY_SERVICE = 'pods.eks.amazonaws.com';

/** The workload in words: `service account payments/api of cluster prod`, an unknown part shown as `<what sets it>`. */
export function describeWorkload(workload: PodIdentityWorkload): string {
  const part = (value: Maybe<string> | undefined) =>
    value === undefined ? '<not set>' : isUnknown(value) ? `<${value.description}>` : value;
  return `service account ${part(workload.namespace)}/${part(workload.serviceAccount)} of cluster ${part(workload.cluster)}`;
}
