/**
 * EKS access a Pulumi program writes (adapters/aws/eks-access.ts), and Terraform's through the same records
 * (terraform/providers.ts): `aws.eks.AccessEntry` (`principalArn`, `kubernetesGroups`) and
 * `aws.eks.AccessPolicyAssociation` (`principalArn`, `policyArn`, `accessScope.{type,namespaces}`), as @pulumi/aws
 * 7.48.0 eks/accessEntry.d.ts, eks/accessPolicyAssociation.d.ts and types/input.d.ts
 * (AccessPolicyAssociationAccessScope) spell them. A principal ARN known only at apply may be any identity of the
 * stack it is computed from (the property's dependencies).
 */
import type { EksAccess } from '../aws/eks-access.js';
import type { PulumiResource } from './resource.js';
import type { ResourceRef } from '../../model/model.js';

export const PULUMI_EKS_ACCESS_ENTRY = 'aws:eks/accessEntry:AccessEntry';
export const PULUMI_EKS_ACCESS_POLICY_ASSOCIATION = 'aws:eks/accessPolicyAssociation:AccessPolicyAssociation';

export function pulumiEksAccess(resource: PulumiResource, props: Record<string, unknown>, ref: ResourceRef): EksAccess {
  const dependsOn = resource.propertyDependencies?.principalArn ?? [];
  return {
    source: ref,
    principal: props.principalArn,
    principalField: 'principalArn',
    ...(resource.type === PULUMI_EKS_ACCESS_ENTRY
      ? { groups: props.kubernetesGroups }
      : { policies: [{ policyArn: props.policyArn, accessScope: props.accessScope }] }),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}
