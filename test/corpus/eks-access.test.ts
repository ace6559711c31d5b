/**
 * EKS access in real code (test/corpus/eks-access, README.md there names the source and judges every finding): the
 * template aws-samples/aws-cdk-examples keeps as the expected `cdk synth` of its Java EKS Fargate example, whose
 * cluster's `mastersRole` is rendered as the aws-auth ConfigMap of a Custom::AWSCDK-EKS-KubernetesResource. Checked
 * with no catalog, as a new user would, through the model the CLI builds (its nested stacks' templates are not in the
 * repository, so the CLI stops on them with exit 2; the model reads them as remote templates, which it reports).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { CfnTemplate } from '../../src/adapters/cloudformation/template.js';

const FILE = 'EksFargateStackExpected.json';
const template = JSON.parse(readFileSync(new URL(`eks-access/${FILE}`, import.meta.url), 'utf8')) as CfnTemplate;

function verdicts() {
  const model = modelFromTemplates([{ stack: 'EksFargateStack', file: FILE, template }]);
  const { findings } = evaluate(model, {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  return findings.map((f) => `${f.ruleId} ${f.resource.name} ${f.detail ?? ''} @${f.identity ?? ''}`).sort();
}

describe('aws-cdk-examples java/eks/fargate-cluster, synthesized', () => {
  it('reports the masters role as cluster-admin through the aws-auth ConfigMap, and the Fargate roles’ node groups as nothing', () => {
    const found = verdicts();
    // The finding EKS access adds; the 17 others were there before (README.md judges each).
    expect(found.filter((line) => line.includes('AwsAuth'))).toEqual([
      'no-wildcard-privilege EksFargateClusterAwsAuthmanifestAEC8FAAF Role::cluster-admin @EksFargateStack/EksClusterAdminRoleD3CAEBD0',
    ]);
    expect(found).toHaveLength(19);
    expect(found.filter((line) => line.startsWith('no-wildcard-privilege'))).toEqual([
      'no-wildcard-privilege EksClusterAdminRoleD3CAEBD0 Policy::AmazonEKSClusterPolicy @EksFargateStack/EksClusterAdminRoleD3CAEBD0',
      'no-wildcard-privilege EksClusterAppRole08838E6C Policy::AmazonEKSClusterPolicy @EksFargateStack/EksClusterAppRole08838E6C',
      // The cluster's Config has no accessConfig: EKS makes the creation role its handler assumes a cluster
      // administrator, the role the CDK's kubectl handler acts as (README.md, finding 19).
      'no-wildcard-privilege EksFargateCluster07FC3D2B Cluster::creator-admin @EksFargateStack/EksFargateClusterCreationRole3BAC8A6F',
      'no-wildcard-privilege EksFargateClusterAwsAuthmanifestAEC8FAAF Role::cluster-admin @EksFargateStack/EksClusterAdminRoleD3CAEBD0',
      'no-wildcard-privilege EksFargateClusterCreationRoleDefaultPolicy57720159 Resource::* @EksFargateStack/EksFargateClusterCreationRole3BAC8A6F',
    ]);
    // The Fargate pod execution roles are mapped to system:bootstrappers, system:nodes and system:node-proxier only.
    expect(found.filter((line) => line.includes('PodExecutionRole') || line.includes('EksClusterAppRole'))).toEqual([
      'no-wildcard-privilege EksClusterAppRole08838E6C Policy::AmazonEKSClusterPolicy @EksFargateStack/EksClusterAppRole08838E6C',
      'require-entitlement EksClusterAppRole08838E6C Catalog::default @EksFargateStack/EksClusterAppRole08838E6C',
      'require-entitlement EksFargateClusterfargateprofiledefaultPodExecutionRoleB2FD25FD Catalog::default @EksFargateStack/EksFargateClusterfargateprofiledefaultPodExecutionRoleB2FD25FD',
      'require-owner EksClusterAppRole08838E6C Owner::missing @EksFargateStack/EksClusterAppRole08838E6C',
      'require-owner EksFargateClusterfargateprofiledefaultPodExecutionRoleB2FD25FD Owner::missing @EksFargateStack/EksFargateClusterfargateprofiledefaultPodExecutionRoleB2FD25FD',
    ]);
  });
});
