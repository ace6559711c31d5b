/**
 * An EKS cluster that makes its creator a cluster administrator, in a Terraform plan (adapters/aws/eks-cluster-creator.ts
 * through Pulumi's records): `aws_eks_cluster` without an `access_config` block (EKS's default applies: the block's
 * value is computed at apply) or with `bootstrap_cluster_creator_admin_permissions = true` (the provider's default
 * when the block leaves it out) is reported on the cluster by no-wildcard-privilege, naming Terraform's attribute;
 * false is not; a value known only at apply, and a plan without its configuration (which cannot tell a left-out
 * block from one computed), are pending. Before, every cluster passed.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource, type PlanOptions } from './support.js';

const cluster = (
  name: string,
  values: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
): PlannedResource => ({
  address: `aws_eks_cluster.${name}`,
  values: {
    name,
    role_arn: 'arn:aws:iam::111122223333:role/payments-eks-cluster',
    vpc_config: [{ subnet_ids: ['subnet-0a1b2c3d'], endpoint_private_access: false, endpoint_public_access: true }],
    bootstrap_self_managed_addons: true,
    ...values,
  },
  unknown: { arn: true, id: true, endpoint: true, certificate_authority: true, tags_all: true, ...unknown },
});

function creatorFindings(resources: PlannedResource[], options?: PlanOptions) {
  const { findings } = evaluate(modelFromTerraformPlan(terraformPlan(resources, options)), {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  return findings.filter((finding) => finding.detail === 'Cluster::creator-admin');
}

const DEPLOYER = 'the IAM principal that deploys the change (a deployment role, or whoever runs the deployment)';
const ENTRY =
  'EKS gives the IAM principal that creates the cluster an access entry with AmazonEKSClusterAdminPolicy ' +
  '(system:masters under the CONFIG_MAP authentication mode), Kubernetes cluster-admin outside the catalog: no access ' +
  'entry of the change shows it, no catalog identity records it and no owner holds it';
const FIX =
  'Set access_config.bootstrap_cluster_creator_admin_permissions to false and grant cluster administration through ' +
  'access entries to catalog identities.';

describe('EKS clusters whose creator becomes their administrator, in a Terraform plan', () => {
  it('reports a cluster without access_config, and one that sets it true, naming Terraform’s attribute', () => {
    const found = creatorFindings([
      cluster('defaulted', {}, { access_config: true }),
      cluster('bootstrapped', {
        access_config: [{ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: true }],
      }),
      cluster('entries_only', {
        access_config: [{ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false }],
      }),
    ]);
    expect(found.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.identity ?? '-'}`)).toEqual([
      'no-wildcard-privilege mandatory aws_eks_cluster.bootstrapped -',
      'no-wildcard-privilege mandatory aws_eks_cluster.defaulted -',
    ]);
    expect(found.map((f) => f.message)).toEqual([
      `EKS cluster bootstrapped (aws_eks_cluster.bootstrapped) makes ${DEPLOYER} a cluster administrator because ` +
        `access_config.bootstrap_cluster_creator_admin_permissions is true: ${ENTRY}. ${FIX}`,
      `EKS cluster defaulted (aws_eks_cluster.defaulted) makes ${DEPLOYER} a cluster administrator because ` +
        `access_config.bootstrap_cluster_creator_admin_permissions is not set and EKS defaults it to true: ${ENTRY}. ${FIX}`,
    ]);
    // The cluster's name binds an exception: a plan has no construct path, location or URN.
    expect(found.map((f) => f.resource.physicalName)).toEqual(['bootstrapped', 'defaulted']);
  });

  it('is pending when the value is known only at apply, or when the plan has no configuration to tell', () => {
    const computed = cluster(
      'computed',
      { access_config: [{ authentication_mode: 'API' }] },
      { access_config: [{ bootstrap_cluster_creator_admin_permissions: true }] },
    );
    const found = creatorFindings([computed]);
    expect(found.map((f) => [f.level, f.pending, f.message])).toEqual([
      [
        'mandatory',
        true,
        `EKS cluster computed (aws_eks_cluster.computed) may make ${DEPLOYER} a cluster administrator (Kubernetes ` +
          'cluster-admin outside the catalog: no access entry of the change shows it, no catalog identity records it ' +
          'and no owner holds it): whether it does cannot be verified until apply ' +
          '(aws_eks_cluster.computed.access_config[0].bootstrap_cluster_creator_admin_permissions is not known until ' +
          `apply). ${FIX}`,
      ],
    ]);
    const bare = creatorFindings([cluster('bare', {}, { access_config: true })], { noConfiguration: true });
    expect(bare.map((f) => [f.resource.name, f.pending])).toEqual([['aws_eks_cluster.bare', true]]);
  });
});
