/**
 * EKS access a Pulumi program writes (adapters/aws/eks-access.ts), and Terraform's through the same records
 * (terraform/providers.ts): `aws.eks.AccessEntry` (`principalArn`, `kubernetesGroups`) and
 * `aws.eks.AccessPolicyAssociation` (`principalArn`, `policyArn`, `accessScope.{type,namespaces}`), as @pulumi/aws
 * 7.48.0 eks/accessEntry.d.ts, eks/accessPolicyAssociation.d.ts and types/input.d.ts
 * (AccessPolicyAssociationAccessScope) spell them. A principal ARN known only at apply may be any identity of the
 * stack it is computed from (the property's dependencies).
 */
import type { EksAccess } from '../aws/eks-access.js';
import type { ClusterAccessConfig } from '../aws/eks-cluster-creator.js';
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

export const PULUMI_EKS_CLUSTER = 'aws:eks/cluster:Cluster';

/**
 * An `aws.eks.Cluster`'s access configuration (`accessConfig.bootstrapClusterCreatorAdminPermissions`, @pulumi/aws
 * 7.48.0 types/input.d.ts ClusterAccessConfig), Terraform's `aws_eks_cluster` `access_config` through the same record:
 * its creator is the provider's credentials, no identity of the stack.
 */
export function pulumiClusterAccessConfig(props: Record<string, unknown>, ref: ResourceRef): ClusterAccessConfig {
  return {
    source: ref,
    name: props.name,
    accessConfig: props.accessConfig,
    key: 'bootstrapClusterCreatorAdminPermissions',
    setting: 'accessConfig.bootstrapClusterCreatorAdminPermissions',
    modeKey: 'authenticationMode',
  };
}
