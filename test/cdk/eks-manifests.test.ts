/**
 * Kubernetes objects a CDK app applies through a KubernetesManifest (a Custom::AWSCDK-EKS-KubernetesResource, written
 * here as the CfnResource that construct renders: a real eks.Cluster needs a kubectl layer) are judged by the aspect
 * and annotated on the construct that applies them. Before, only their aws-auth ConfigMap was read: both stacks passed.
 */
import { Aspects, CfnResource, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { exampleCatalog, guardAnnotations, NOW, testApp } from './support.js';

const catalog = { ...exampleCatalog(), exceptions: [] };

/** The resource aws-cdk-lib's KubernetesManifest renders: `Manifest` is `stack.toJsonString(manifest)`. */
function kubernetesManifest(stack: Stack, id: string, manifest: unknown[]): CfnResource {
  return new CfnResource(stack, id, {
    type: 'Custom::AWSCDK-EKS-KubernetesResource',
    properties: { ClusterName: 'payments', Manifest: stack.toJsonString(manifest) },
  });
}

describe('EntitlementGuard aspect on CDK EKS manifests', () => {
  it('annotates the manifest construct for a service account it binds to cluster-admin', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const role = new iam.Role(stack, 'PodRole', {
      roleName: 'payments-api-pods',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    kubernetesManifest(stack, 'Deployer', [
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        // A token of another resource in an annotation (IRSA) is read as not known, and changes nothing here.
        metadata: {
          name: 'deployer',
          namespace: 'payments',
          annotations: { 'eks.amazonaws.com/role-arn': role.roleArn },
        },
        automountServiceAccountToken: false,
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'deployer-admin' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'payments' }],
      },
    ]);
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    // The service account has no owner and no catalog record (require-owner, require-entitlement twice), and holds
    // cluster-admin: every finding on the construct that applies it. Its automountServiceAccountToken: false is read.
    const at = { level: 'error', at: '/S/Deployer', resource: 'S/Deployer' };
    expect(guardAnnotations(app, stack)).toEqual([
      { ...at, ruleId: 'no-wildcard-privilege' },
      { ...at, ruleId: 'require-entitlement' },
      { ...at, ruleId: 'require-entitlement' },
      { ...at, ruleId: 'require-owner' },
    ]);
  });

  it('fails closed on a manifest built from an imported value', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    kubernetesManifest(stack, 'Admins', [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'admins' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'Group', name: Fn.importValue('AdminGroup') }],
      },
    ]);
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    expect(guardAnnotations(app, stack)).toEqual([
      { level: 'error', at: '/S/Admins', ruleId: 'no-unseen-content', resource: 'S/Admins' },
    ]);
  });
});
