/**
 * An EKS cluster's authentication mode in a Terraform plan (`aws_eks_cluster` `access_config.authentication_mode`, read
 * through Pulumi's records by adapters/aws/eks-cluster-creator.ts): a `kubernetes_role_v1` that writes kube-system/aws-auth
 * (Route::aws-auth-write) is advisory where every cluster of the plan is `API` (access entries only, aws-auth never
 * read), and blocking where a cluster reads aws-auth (`API_AND_CONFIG_MAP`, `CONFIG_MAP`, no access_config block: EKS's
 * default, computed at apply) or its mode is known only at apply. Before, any aws_eks_cluster made it blocking.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource } from './support.js';

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
    ...values,
  },
  unknown: { arn: true, id: true, endpoint: true, certificate_authority: true, tags_all: true, ...unknown },
});

const WRITER: PlannedResource = {
  address: 'kubernetes_role_v1.aws_auth_editor',
  values: {
    metadata: [{ name: 'aws-auth-editor', namespace: 'kube-system' }],
    rule: [{ api_groups: [''], resources: ['configmaps'], resource_names: ['aws-auth'], verbs: ['get', 'update'] }],
  },
  unknown: { id: true },
};

const mode = (authentication_mode: string) => ({
  access_config: [{ authentication_mode, bootstrap_cluster_creator_admin_permissions: false }],
});

function routes(resources: PlannedResource[]): string[] {
  const { findings } = evaluate(modelFromTerraformPlan(terraformPlan(resources)), {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  return findings
    .filter((finding) => finding.detail === 'Route::aws-auth-write')
    .map((finding) => `${finding.level} ${finding.resource.name} ${finding.detail ?? ''}`);
}

describe('Terraform: an aws_eks_cluster of authentication mode API reads no aws-auth', () => {
  it('makes a role that writes aws-auth advisory where every cluster of the plan is API-only, and blocking otherwise', () => {
    expect(routes([cluster('prod', mode('API')), cluster('dev', mode('API')), WRITER])).toEqual([
      'advisory kubernetes_role_v1.aws_auth_editor Route::aws-auth-write',
    ]);
    // A cluster that reads aws-auth, or whose mode is known only at apply or is a value EKS would refuse, keeps it blocking.
    const blocking = ['mandatory kubernetes_role_v1.aws_auth_editor Route::aws-auth-write'];
    expect(routes([cluster('prod', mode('API')), cluster('legacy', mode('API_AND_CONFIG_MAP')), WRITER])).toEqual(
      blocking,
    );
    expect(routes([cluster('prod', mode('CONFIG_MAP')), WRITER])).toEqual(blocking);
    expect(routes([cluster('prod', mode('api')), WRITER])).toEqual(blocking);
    // No access_config block: computed at apply, where EKS's default (CONFIG_MAP) applies.
    expect(routes([cluster('prod', {}, { access_config: true }), WRITER])).toEqual(blocking);
    expect(
      routes([
        cluster(
          'prod',
          { access_config: [{ bootstrap_cluster_creator_admin_permissions: false }] },
          { access_config: [{ authentication_mode: true }] },
        ),
        WRITER,
      ]),
    ).toEqual(blocking);
  });
});
