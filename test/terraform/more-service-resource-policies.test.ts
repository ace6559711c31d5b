/**
 * Resource policies of services the tables did not read, in a Terraform plan (aws/resource-policies.ts, through Pulumi's
 * records; Terraform names as terraform-provider-aws registers them): CloudWatch Logs resource policies and log
 * destination policies, ECR's registry policy, CodeArtifact domain and repository permissions policies, S3 Object
 * Lambda access point policies, MSK cluster policies, schema registry policies, X-Ray, VPC Lattice, Glue and Redshift
 * (provisioned and Serverless) resource policies. Each that names the plan's role grants it what require-entitlement
 * judges; each open to `*` is reported by restrict-trust. Before, none was read and the plan below passed.
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
const OWN = '<own-region>:<own-account>';

/** payments-api-runtime, entitled to payments-read, -write and -secrets-read by examples/catalog.yaml. */
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

/** A policy letting `principal` do `action` on what the policy is attached to. */
const allowing = (principal: unknown, action: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: action, Resource: '*' }],
  });
const granting = (action: string) => allowing({ AWS: ROLE_ARN }, action);

/** Each resource type, the arguments that say what it is on, and the policy argument's name. */
const POLICIES: { address: string; on: Record<string, string>; document: string; action: string }[] = [
  {
    address: 'aws_cloudwatch_log_resource_policy.logs',
    on: { policy_name: 'payments' },
    document: 'policy_document',
    action: 'logs:PutLogEvents',
  },
  {
    address: 'aws_cloudwatch_log_destination_policy.central',
    on: { destination_name: 'central-logs' },
    document: 'access_policy',
    action: 'logs:PutSubscriptionFilter',
  },
  { address: 'aws_ecr_registry_policy.registry', on: {}, document: 'policy', action: 'ecr:ReplicateImage' },
  {
    address: 'aws_codeartifact_domain_permissions_policy.domain',
    on: { domain: 'payments' },
    document: 'policy_document',
    action: 'codeartifact:GetAuthorizationToken',
  },
  {
    address: 'aws_codeartifact_repository_permissions_policy.packages',
    on: { domain: 'payments', repository: 'packages' },
    document: 'policy_document',
    action: 'codeartifact:PublishPackageVersion',
  },
  {
    address: 'aws_s3control_object_lambda_access_point_policy.redacted',
    on: { name: 'payments-redacted' },
    document: 'policy',
    action: 's3-object-lambda:GetObject',
  },
  {
    address: 'aws_msk_cluster_policy.streaming',
    on: { cluster_arn: `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/payments/0123` },
    document: 'policy',
    action: 'kafka:CreateVpcConnection',
  },
  {
    address: 'aws_schemas_registry_policy.schemas',
    on: { registry_name: 'payments' },
    document: 'policy',
    action: 'schemas:DeleteSchema',
  },
  {
    address: 'aws_xray_resource_policy.traces',
    on: { policy_name: 'payments' },
    document: 'policy_document',
    action: 'xray:PutTraceSegments',
  },
  {
    address: 'aws_vpclattice_resource_policy.lattice',
    on: { resource_arn: `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:servicenetwork/sn-0123` },
    document: 'policy',
    action: 'vpc-lattice:CreateServiceNetworkVpcAssociation',
  },
  { address: 'aws_glue_resource_policy.catalog', on: {}, document: 'policy', action: 'glue:GetTable' },
  {
    address: 'aws_redshift_resource_policy.integration',
    on: { resource_arn: `arn:aws:redshift:us-east-1:${ACCOUNT}:namespace:0123-abcd` },
    document: 'policy',
    action: 'redshift:AuthorizeInboundIntegration',
  },
  {
    address: 'aws_redshiftserverless_resource_policy.snapshot',
    on: { resource_arn: `arn:aws:redshift-serverless:us-east-1:${ACCOUNT}:snapshot/0123-abcd` },
    document: 'policy',
    action: 'redshift-serverless:RestoreFromSnapshot',
  },
];

function planned(principal: (action: string) => string): PlannedResource[] {
  return [
    ROLE,
    ...POLICIES.map(({ address, on, document, action }) => ({
      address,
      values: { ...on, [document]: principal(action) },
      unknown: { id: true },
    })),
  ];
}

function findings(resources: PlannedResource[]) {
  const model = modelFromTerraformPlan(terraformPlan(resources));
  return evaluate(model, {
    catalog: CATALOG,
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  }).findings.filter((finding) => finding.ruleId !== 'exception-expiry');
}

const BEYOND = (name: string, what: string) =>
  `${name} grants payments-api-runtime 1 action beyond its entitlements (payments-read, payments-write, payments-secrets-read): ${what}. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.`;

describe('resource policies of further services in a Terraform plan', () => {
  it('judge each policy that names the role as the role’s policy, on what the policy is on', () => {
    const found = findings(planned(granting));
    expect(found.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort()).toEqual(
      POLICIES.map(({ address }) => `require-entitlement mandatory ${address} Policy::${address}`).sort(),
    );
    const message = (address: string) => found.find((f) => f.resource.name === address)?.message;
    expect(POLICIES.map(({ address }) => message(address))).toEqual([
      BEYOND('aws_cloudwatch_log_resource_policy.logs', `logs:PutLogEvents on arn:aws:logs:${OWN}:*`),
      BEYOND(
        'aws_cloudwatch_log_destination_policy.central',
        `logs:PutSubscriptionFilter on arn:aws:logs:${OWN}:destination:central-logs`,
      ),
      BEYOND('aws_ecr_registry_policy.registry', `ecr:ReplicateImage on arn:aws:ecr:${OWN}:repository/*`),
      BEYOND(
        'aws_codeartifact_domain_permissions_policy.domain',
        `codeartifact:GetAuthorizationToken on arn:aws:codeartifact:${OWN}:domain/payments`,
      ),
      // The repository is named by domain and name in two arguments: read as any repository of the account.
      BEYOND(
        'aws_codeartifact_repository_permissions_policy.packages',
        `codeartifact:PublishPackageVersion on arn:aws:codeartifact:${OWN}:repository/*`,
      ),
      BEYOND(
        'aws_s3control_object_lambda_access_point_policy.redacted',
        `s3-object-lambda:GetObject on arn:aws:s3-object-lambda:${OWN}:accesspoint/payments-redacted`,
      ),
      BEYOND(
        'aws_msk_cluster_policy.streaming',
        `kafka:CreateVpcConnection on arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/payments/0123`,
      ),
      BEYOND('aws_schemas_registry_policy.schemas', `schemas:DeleteSchema on arn:aws:schemas:${OWN}:registry/payments`),
      BEYOND('aws_xray_resource_policy.traces', 'xray:PutTraceSegments on *'),
      BEYOND(
        'aws_vpclattice_resource_policy.lattice',
        `vpc-lattice:CreateServiceNetworkVpcAssociation on arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:servicenetwork/sn-0123`,
      ),
      BEYOND('aws_glue_resource_policy.catalog', `glue:GetTable on arn:aws:glue:${OWN}:*`),
      BEYOND(
        'aws_redshift_resource_policy.integration',
        `redshift:AuthorizeInboundIntegration on arn:aws:redshift:us-east-1:${ACCOUNT}:namespace:0123-abcd`,
      ),
      BEYOND(
        'aws_redshiftserverless_resource_policy.snapshot',
        `redshift-serverless:RestoreFromSnapshot on arn:aws:redshift-serverless:us-east-1:${ACCOUNT}:snapshot/0123-abcd`,
      ),
    ]);
  });

  it('report each open to anyone (restrict-trust)', () => {
    const found = findings(planned((action) => allowing('*', action)));
    expect(found.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort()).toEqual(
      POLICIES.map(({ address }) => `restrict-trust mandatory ${address} Principal::*`).sort(),
    );
  });
});
