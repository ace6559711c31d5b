/**
 * EKS access a template writes (adapters/aws/eks-access.ts):
 * - `AWS::EKS::AccessEntry`: `PrincipalArn`, `KubernetesGroups`, `AccessPolicies[].PolicyArn` and
 *   `AccessPolicies[].AccessScope.{Type,Namespaces}` (aws-cdk-lib 2.276.0 aws-eks/lib/eks.generated.d.ts,
 *   CfnAccessEntryProps, CfnAccessEntry.AccessPolicyProperty and AccessScopeProperty);
 * - the aws-auth ConfigMap a CDK app's EKS cluster applies (`cluster.awsAuth.addMastersRole`, `mastersRole`,
 *   `addRoleMapping`): aws-cdk-lib's KubernetesManifest renders it as a `Custom::AWSCDK-EKS-KubernetesResource` whose
 *   `Manifest` is a JSON string of the objects to apply. Only the aws-auth ConfigMap of that list is read here.
 */
import { isUnknown, unknownValue } from '../../model/model.js';
import { describeValue, isKnownRecord } from '../../util/records.js';
import type { EksAccess } from '../aws/eks-access.js';
import { awsAuthAccesses, isAwsAuth } from '../kubernetes/aws-auth.js';
import type { StackContext } from './stack-context.js';
import type { CfnResource } from './template.js';

/** The custom resource type aws-cdk-lib's KubernetesManifest (and so AwsAuth) synthesizes. */
export const CDK_KUBERNETES_RESOURCE = 'Custom::AWSCDK-EKS-KubernetesResource';

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

/**
 * The accesses of the aws-auth ConfigMap in a CDK Kubernetes resource's manifest. A manifest that does not resolve
 * (built from a value only deploy time knows) and mentions aws-auth gives an access that cannot be seen; one that
 * does not mention it is no aws-auth ConfigMap as far as the template shows.
 */
export function cdkManifestAccesses(stack: StackContext, logicalId: string, resource: CfnResource): EksAccess[] {
  const raw = resource.Properties?.Manifest;
  const source = stack.ref(logicalId);
  const manifest = stack.resolver.resolveString(raw, 'Manifest');
  if (isUnknown(manifest))
    return JSON.stringify(raw ?? null).includes('aws-auth') ? awsAuthAccesses(source, manifest) : [];
  let objects: unknown;
  try {
    objects = JSON.parse(manifest);
  } catch (error) {
    if (!manifest.includes('aws-auth')) return [];
    const why = `Manifest is not JSON: ${error instanceof Error ? error.message : String(error)}`;
    return awsAuthAccesses(source, unknownValue(why));
  }
  return (Array.isArray(objects) ? objects : [objects]).flatMap((object) => {
    if (!isKnownRecord(object) || object.kind !== 'ConfigMap') return [];
    const metadata = isKnownRecord(object.metadata) ? object.metadata : {};
    return isAwsAuth(metadata.name, metadata.namespace) ? awsAuthAccesses(source, object.data) : [];
  });
}
