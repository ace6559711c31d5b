/**
 * An EKS cluster that makes its creator a cluster administrator, in a CDK app synthesized with the real aws-cdk-lib
 * (adapters/aws/eks-cluster-creator.ts):
 * - aws-eks `Cluster` renders a `Custom::AWSCDK-EKS-Cluster` whose handler assumes the cluster's creation role to call
 *   CreateCluster: left at its default (`bootstrapClusterCreatorAdminPermissions` unset, EKS's true), that role is a
 *   cluster administrator, which aws-cdk-lib's kubectl handler acts as. Before, only the `mastersRole`'s aws-auth
 *   mapping was reported; the creation role's cluster-admin was not. Now it is reported once, on the cluster, as the
 *   creation role's (the aspect annotates the cluster; the CLI on cdk.out agrees); with the setting false, not at all.
 * - `CfnCluster` (`AWS::EKS::Cluster`, as aws-eks-v2-alpha renders its cluster) with the setting true: reported on the
 *   cluster, no identity (the deployer creates it).
 * An exception binds by the creation role's construct path (a name the catalog controls), not by the cluster's logical id.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runCheck } from '../../src/cli/check.js';
import { exampleCatalog, guardAnnotations, NOW, testApp } from './support.js';

const catalog = { ...exampleCatalog(), exceptions: [] };

/** A v1 aws-eks Cluster as a user writes it (the kubectl layer named by ARN: the layer package is not installed). */
function eksApp(props: Partial<eks.ClusterProps> = {}) {
  // Construct paths in the template, as `cdk synth` writes them (the CLI sets this context).
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'EksApp', { env: { account: '111122223333', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  new eks.Cluster(stack, 'Cluster', {
    version: eks.KubernetesVersion.V1_32,
    vpc,
    defaultCapacity: 0,
    mastersRole: new iam.Role(stack, 'Masters', { assumedBy: new iam.AccountRootPrincipal() }),
    kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(
      stack,
      'Kubectl',
      'arn:aws:lambda:us-east-1:111122223333:layer:kubectl:1',
    ),
    ...props,
  });
  return { app, stack };
}

/** `entitlement-guard check <cdk.out>` on the synthesized app: its creator-admin findings. */
function cliCreatorFindings(app: App, catalogYaml?: string) {
  const outdir = app.synth().directory;
  let catalogPath: string | undefined;
  if (catalogYaml !== undefined) {
    catalogPath = join(mkdtempSync(join(tmpdir(), 'eg-eks-catalog-')), 'catalog.yaml');
    writeFileSync(catalogPath, catalogYaml);
  }
  const result = runCheck({
    paths: [outdir],
    format: 'json',
    now: NOW,
    cwd: outdir,
    toolVersion: 'test',
    ...(catalogPath ? { catalogPath } : {}),
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? []).filter((finding) => finding.detail === 'Cluster::creator-admin');
}

const CREATOR_ADMIN =
  'bootstrapClusterCreatorAdminPermissions is not set and EKS defaults it to true: EKS gives the IAM principal that ' +
  'creates the cluster an access entry with AmazonEKSClusterAdminPolicy (system:masters under the CONFIG_MAP ' +
  'authentication mode), Kubernetes cluster-admin that no access entry, aws-auth mapping or binding of the change ' +
  'shows. Set bootstrapClusterCreatorAdminPermissions to false and grant cluster administration through access ' +
  'entries to catalog identities.';

const WAIVER = `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
exceptions:
  - id: EXC-EKS-1
    rule: no-wildcard-privilege
    target: "path:EksApp/Cluster/Resource/CreationRole"
    details: ["Cluster::creator-admin"]
    reason: the CDK's kubectl handler acts as the creation role until access entries replace it
    owner: team-platform
    approvedBy: security-lead@example.com
    ticket: SEC-95
    expires: 2027-01-31
`;

describe('EKS clusters whose creator becomes their administrator, in a CDK app', () => {
  it('the aspect annotates the v1 Cluster the user wrote, once, beside the masters role’s aws-auth mapping', () => {
    const { app, stack } = eksApp();
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    expect(guardAnnotations(app, stack).filter((a) => a.ruleId === 'no-wildcard-privilege')).toEqual([
      // The creation role's cluster-admin, new: the cluster's custom resource, annotated on the Cluster.
      {
        level: 'error',
        at: '/EksApp/Cluster',
        ruleId: 'no-wildcard-privilege',
        resource: 'EksApp/Cluster/Resource/Resource/Default',
      },
      // Findings that were there before: AmazonEKSClusterPolicy on the cluster role, iam:CreateServiceLinkedRole on
      // "*" in the creation role's policy, and the masters role in system:masters through aws-auth.
      {
        level: 'error',
        at: '/EksApp/Cluster/Role',
        ruleId: 'no-wildcard-privilege',
        resource: 'EksApp/Cluster/Role/Resource',
      },
      {
        level: 'error',
        at: '/EksApp/Cluster/Resource/CreationRole',
        ruleId: 'no-wildcard-privilege',
        resource: 'EksApp/Cluster/Resource/CreationRole/DefaultPolicy/Resource',
      },
      {
        level: 'error',
        at: '/EksApp/Cluster/AwsAuth/manifest/Resource',
        ruleId: 'no-wildcard-privilege',
        resource: 'EksApp/Cluster/AwsAuth/manifest/Resource/Default',
      },
    ]);
  });

  it('the CLI on cdk.out: one finding, the creation role’s, with the message naming role, default and fix', () => {
    const found = cliCreatorFindings(eksApp().app);
    expect(found.map((f) => [f.ruleId, f.level, f.resource.type, f.resource.path, f.identity])).toEqual([
      [
        'no-wildcard-privilege',
        'mandatory',
        'Custom::AWSCDK-EKS-Cluster',
        'EksApp/Cluster/Resource/Resource/Default',
        'EksApp/ClusterCreationRole360249B6',
      ],
    ]);
    expect(found[0]?.message).toBe(
      `EKS cluster Cluster9EE0221C makes its creation role ClusterCreationRole360249B6 a cluster administrator because ${CREATOR_ADMIN}`,
    );
  });

  it('with bootstrapClusterCreatorAdminPermissions false, neither the aspect nor the CLI reports it', () => {
    expect(cliCreatorFindings(eksApp({ bootstrapClusterCreatorAdminPermissions: false }).app)).toEqual([]);
    const other = eksApp({ bootstrapClusterCreatorAdminPermissions: false });
    Aspects.of(other.app).add(new EntitlementGuard({ catalog, now: NOW }));
    expect(guardAnnotations(other.app, other.stack).filter((a) => a.at === '/EksApp/Cluster')).toEqual([]);
  });

  it('an exception naming the creation role’s construct path waives it; one naming the cluster’s logical id does not', () => {
    const waived = cliCreatorFindings(eksApp().app, WAIVER);
    expect(waived.map((f) => [f.level, f.waivedBy])).toEqual([['mandatory', 'EXC-EKS-1']]);
    const byLogicalId = cliCreatorFindings(
      eksApp().app,
      WAIVER.replace('"path:EksApp/Cluster/Resource/CreationRole"', 'Cluster9EE0221C'),
    );
    expect(byLogicalId.map((f) => f.waivedBy)).toEqual([undefined]);
  });

  it('a CfnCluster (AWS::EKS::Cluster, as aws-eks-v2-alpha renders one) that sets it true: the cluster’s, no identity', () => {
    const app = testApp();
    const stack = new Stack(app, 'L1');
    new eks.CfnCluster(stack, 'Cluster', {
      name: 'payments',
      roleArn: 'arn:aws:iam::111122223333:role/payments-eks-cluster',
      resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
    });
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    expect(guardAnnotations(app, stack)).toEqual([
      { level: 'error', at: '/L1/Cluster', ruleId: 'no-wildcard-privilege', resource: 'L1/Cluster' },
    ]);
  });
});
