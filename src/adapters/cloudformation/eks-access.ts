/**
 * EKS access a template writes (adapters/aws/eks-access.ts):
 * - `AWS::EKS::AccessEntry`: `PrincipalArn`, `KubernetesGroups`, `AccessPolicies[].PolicyArn` and
 *   `AccessPolicies[].AccessScope.{Type,Namespaces}` (aws-cdk-lib 2.276.0 aws-eks/lib/eks.generated.d.ts,
 *   CfnAccessEntryProps, CfnAccessEntry.AccessPolicyProperty and AccessScopeProperty);
 * - the aws-auth ConfigMap a CDK app's EKS cluster applies (`cluster.awsAuth.addMastersRole`, `mastersRole`,
 *   `addRoleMapping`): aws-cdk-lib's KubernetesManifest renders it as a `Custom::AWSCDK-EKS-KubernetesResource` whose
 *   `Manifest` is a JSON string of the objects to apply. eks-manifests.ts reads them as Kubernetes objects, and the
 *   Kubernetes adapter reads the aws-auth ConfigMap among them (kubernetes/aws-auth.ts);
 * - the cluster's own access configuration, which makes its creator a cluster administrator
 *   (aws/eks-cluster-creator.ts): `AWS::EKS::Cluster` `AccessConfig`, and the `Config.accessConfig` and
 *   `AssumeRoleArn` (the creation role) of the CDK cluster's `Custom::AWSCDK-EKS-Cluster`.
 */
import { isUnknown, unknownValue } from '../../model/model.js';
import { describeValue, isKnownRecord } from '../../util/records.js';
import type { EksAccess } from '../aws/eks-access.js';
import type { ClusterAccessConfig } from '../aws/eks-cluster-creator.js';
import type { StackContext } from './stack-context.js';
import type { CfnResource } from './template.js';

/** An access entry's principal, groups and access policies, resolved as far as the template allows. */
export function accessEntryAccess(stack: StackContext, logicalId: string, resource: CfnResource): EksAccess {
  const properties = resource.Properties ?? {};
  const policies = stack.resolver.resolve(properties.AccessPolicies);
  return {
    source: stack.ref(logicalId),
    principal: stack.resolver.resolveString(properties.PrincipalArn, 'PrincipalArn'),
    principalField: 'PrincipalArn',
    groups: stack.resolver.resolve(properties.KubernetesGroups),
    policies:
      policies === undefined
        ? []
        : Array.isArray(policies)
          ? policies.map(accessPolicy)
          : [{ policyArn: notAList(policies), accessScope: notAList(policies) }],
  };
}

function accessPolicy(item: unknown): { policyArn: unknown; accessScope: unknown } {
  if (!isKnownRecord(item)) {
    const what = isUnknown(item) ? item : unknownValue(`an AccessPolicies item: ${describeValue(item)}`);
    return { policyArn: what, accessScope: what };
  }
  const scope = item.AccessScope;
  return {
    policyArn: item.PolicyArn,
    accessScope: isKnownRecord(scope) ? { type: scope.Type, namespaces: scope.Namespaces } : scope,
  };
}

function notAList(value: unknown): unknown {
  return isUnknown(value) ? value : unknownValue(`AccessPolicies: not a list (${describeValue(value)})`);
}

/** The CloudFormation type of an EKS cluster, and the custom resource aws-cdk-lib's aws-eks `Cluster` renders. */
export const CFN_EKS_CLUSTER = 'AWS::EKS::Cluster';
export const CDK_EKS_CLUSTER = 'Custom::AWSCDK-EKS-Cluster';

/** An EKS cluster's access configuration, as `AWS::EKS::Cluster` or the CDK's cluster resource writes it. */
export function clusterAccessConfig(
  stack: StackContext,
  logicalId: string,
  resource: CfnResource,
): ClusterAccessConfig {
  const properties = isKnownRecord(resource.Properties) ? resource.Properties : {};
  const source = stack.ref(logicalId);
  if (resource.Type === CDK_EKS_CLUSTER) {
    const config = stack.resolver.resolve(properties.Config);
    const field = (key: string): unknown =>
      isKnownRecord(config) ? config[key] : isUnknown(config) ? config : undefined;
    return {
      source,
      name: stack.resolver.resolve(field('name')),
      accessConfig: stack.resolver.resolve(field('accessConfig')),
      key: 'bootstrapClusterCreatorAdminPermissions',
      setting: 'bootstrapClusterCreatorAdminPermissions',
      creatorArn: stack.resolver.resolve(properties.AssumeRoleArn),
      modeKey: 'authenticationMode',
    };
  }
  return {
    source,
    name: stack.resolver.resolve(properties.Name),
    accessConfig: stack.resolver.resolve(properties.AccessConfig),
    key: 'BootstrapClusterCreatorAdminPermissions',
    setting: 'AccessConfig.BootstrapClusterCreatorAdminPermissions',
    modeKey: 'AuthenticationMode',
  };
}
