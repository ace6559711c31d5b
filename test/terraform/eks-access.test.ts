/**
 * EKS access in a Terraform plan (adapters/aws/eks-access.ts, through Pulumi's records): aws_eks_access_entry,
 * aws_eks_access_policy_association and the aws-auth ConfigMap (kubernetes_config_map_v1_data, as
 * terraform-aws-modules/eks writes it) that name a role of the change give the role their Kubernetes grants, judged
 * against examples/catalog.yaml. A principal that waits for the role's ARN (known only at apply) is that role.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource } from './support.js';

const REPO = join(import.meta.dirname, '../..');
const CATALOG = parseCatalog(readFileSync(join(REPO, 'examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const ACCOUNT = '111122223333';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/payments-api-runtime`;

/** payments-api-runtime, entitled to payments-read, -write and -secrets-read by examples/catalog.yaml: no Kubernetes role. */
const ROLE: PlannedResource = {
  address: 'aws_iam_role.payments',
  values: {
    name: 'payments-api-runtime',
    path: '/',
    assume_role_policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    max_session_duration: 3600,
    tags: { owner: 'team-payments' },
  },
  unknown: { arn: true, id: true, unique_id: true, tags_all: true, managed_policy_arns: true, inline_policy: true },
};

const WAITS_FOR_ROLE = { principal_arn: ['aws_iam_role.payments.arn', 'aws_iam_role.payments'] };

function verdicts(resources: PlannedResource[]) {
  const model = modelFromTerraformPlan(terraformPlan(resources));
  const { findings } = evaluate(model, {
    catalog: CATALOG,
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  return findings
    .filter((finding) => finding.ruleId !== 'exception-expiry')
    .map(
      (f) =>
        `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.identity ? ` @${f.identity}` : ''}${f.pending ? ' pending' : ''}`,
    )
    .sort();
}

describe('EKS access in a Terraform plan', () => {
  it('gives a role the entry’s and the association’s grants when its ARN is known only at apply', () => {
    const entry: PlannedResource = {
      address: 'aws_eks_access_entry.payments',
      values: { cluster_name: 'payments', kubernetes_groups: ['system:masters'], type: 'STANDARD' },
      unknown: { principal_arn: true, id: true, access_entry_arn: true, tags_all: true },
      references: WAITS_FOR_ROLE,
    };
    const association: PlannedResource = {
      address: 'aws_eks_access_policy_association.payments',
      values: {
        cluster_name: 'payments',
        policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
        access_scope: [{ type: 'namespace', namespaces: ['payments'] }],
      },
      unknown: { principal_arn: true, id: true },
      references: WAITS_FOR_ROLE,
    };
    expect(verdicts([ROLE, entry, association])).toEqual([
      'no-wildcard-privilege mandatory aws_eks_access_entry.payments Role::cluster-admin @aws_iam_role.payments',
      'no-wildcard-privilege mandatory aws_eks_access_policy_association.payments Role::AmazonEKSAdminPolicy/Route::impersonate @aws_iam_role.payments',
      'no-wildcard-privilege mandatory aws_eks_access_policy_association.payments Role::AmazonEKSAdminPolicy/Route::pod-create @aws_iam_role.payments',
      'no-wildcard-privilege mandatory aws_eks_access_policy_association.payments Role::AmazonEKSAdminPolicy/Route::pod-exec @aws_iam_role.payments',
      // Admin creates secrets and reads them back: a token Secret for any account of payments (since session 36).
      'no-wildcard-privilege mandatory aws_eks_access_policy_association.payments Role::AmazonEKSAdminPolicy/Route::token-create @aws_iam_role.payments',
      'require-entitlement mandatory aws_eks_access_entry.payments Role::cluster-admin@cluster @aws_iam_role.payments',
      'require-entitlement mandatory aws_eks_access_policy_association.payments Role::AmazonEKSAdminPolicy@namespace/payments @aws_iam_role.payments',
    ]);
  });

  it('reads the aws-auth ConfigMap a plan patches: a role mapped to system:masters is cluster-admin, a node role nothing', () => {
    const awsAuth: PlannedResource = {
      address: 'kubernetes_config_map_v1_data.aws_auth',
      values: {
        metadata: [{ name: 'aws-auth', namespace: 'kube-system' }],
        force: true,
        data: {
          mapRoles: `- rolearn: ${ROLE_ARN}\n  username: payments\n  groups:\n    - system:masters\n- rolearn: arn:aws:iam::${ACCOUNT}:role/nodes\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n    - system:bootstrappers\n    - system:nodes\n`,
        },
      },
      unknown: { id: true },
    };
    expect(verdicts([ROLE, awsAuth])).toEqual([
      'no-wildcard-privilege mandatory kubernetes_config_map_v1_data.aws_auth Role::cluster-admin @aws_iam_role.payments',
      'require-entitlement mandatory kubernetes_config_map_v1_data.aws_auth Role::cluster-admin@cluster @aws_iam_role.payments',
    ]);
    // A mapRoles that is not YAML hides who is mapped to what: a grant that cannot be verified, for a principal unseen.
    const broken = { ...awsAuth, values: { ...awsAuth.values, data: { mapRoles: '- rolearn: [unclosed' } } };
    expect(verdicts([ROLE, broken])).toEqual([
      'no-wildcard-privilege mandatory kubernetes_config_map_v1_data.aws_auth Role::unknown pending',
    ]);
  });
});
