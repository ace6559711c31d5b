/**
 * The resource policies of DynamoDB, ECR, Lambda, EFS, OpenSearch, API Gateway, EventBridge, Backup, Glacier and S3
 * access points in a Terraform plan (aws/resource-policies.ts, through Pulumi's records): each that names a role of the
 * change grants it what the rules judge against its entitlements. Before, none was read and the plans below passed.
 * A policy resource names the resource it is on by name (a repository, a vault): `Resource: "*"` in it is that resource
 * in the own account and region.
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
const TABLE_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/payments-ledger`;

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

/** A policy granting the role `action`, on `resource` when given, else on what the policy is attached to. */
const granting = (action: string | string[], resource?: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: action, ...(resource ? { Resource: resource } : {}) },
    ],
  });

function findings(resources: PlannedResource[]) {
  const model = modelFromTerraformPlan(terraformPlan(resources));
  // As the CLI judges a plan: nothing re-checks it before apply.
  return evaluate(model, {
    catalog: CATALOG,
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  }).findings.filter((finding) => finding.ruleId !== 'exception-expiry');
}

function verdicts(resources: PlannedResource[]) {
  return findings(resources)
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();
}

const BEYOND = (name: string, count: number, what: string) =>
  `${name} grants payments-api-runtime ${count} action${count > 1 ? 's' : ''} beyond its entitlements (payments-read, payments-write, payments-secrets-read): ${what}. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.`;

describe('resource policies of other services in a Terraform plan', () => {
  it('judge each policy that names the role by an ARN the plan knows as the role’s policy', () => {
    const planned: PlannedResource[] = [
      ROLE,
      {
        address: 'aws_dynamodb_resource_policy.ledger',
        values: { resource_arn: TABLE_ARN, policy: granting(['dynamodb:GetItem', 'dynamodb:DeleteItem']) },
        unknown: { id: true, revision_id: true },
      },
      {
        address: 'aws_ecr_repository_policy.images',
        values: { repository: 'payments-images', policy: granting(['ecr:BatchGetImage', 'ecr:PutImage']) },
        unknown: { id: true, registry_id: true },
      },
      {
        address: 'aws_ecrpublic_repository_policy.sdk',
        values: { repository_name: 'payments-sdk', policy: granting('ecr-public:PutImage') },
        unknown: { id: true, registry_id: true },
      },
      {
        address: 'aws_lambda_permission.payouts',
        values: {
          function_name: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:payouts`,
          principal: ROLE_ARN,
          action: 'lambda:InvokeFunction',
        },
        unknown: { id: true, statement_id: true },
      },
      {
        address: 'aws_efs_file_system_policy.shared',
        values: { file_system_id: 'fs-0123456789abcdef0', policy: granting('elasticfilesystem:ClientWrite') },
        unknown: { id: true },
      },
      {
        address: 'aws_opensearch_domain_policy.search',
        values: { domain_name: 'payments', access_policies: granting('es:ESHttpPut') },
        unknown: { id: true },
      },
      {
        address: 'aws_api_gateway_rest_api_policy.api',
        values: { rest_api_id: 'a1b2c3d4e5', policy: granting('execute-api:Invoke') },
        unknown: { id: true },
      },
      {
        address: 'aws_cloudwatch_event_bus_policy.bus',
        values: { event_bus_name: 'payments', policy: granting('events:PutEvents') },
        unknown: { id: true },
      },
      {
        address: 'aws_backup_vault_policy.vault',
        values: { backup_vault_name: 'payments', policy: granting('backup:DeleteRecoveryPoint') },
        unknown: { id: true, backup_vault_arn: true },
      },
      {
        address: 'aws_glacier_vault.archive',
        values: { name: 'payments-archive', access_policy: granting('glacier:DeleteArchive') },
        unknown: { arn: true, id: true, location: true, tags_all: true },
      },
      {
        address: 'aws_kinesis_resource_policy.payouts',
        values: {
          resource_arn: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/payouts`,
          policy: granting('kinesis:PutRecord', '*'),
        },
        unknown: { id: true },
      },
      {
        address: 'aws_s3control_access_point_policy.exports',
        values: {
          access_point_arn: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/exports`,
          policy: granting('s3:GetObject', `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/exports/object/*`),
        },
        unknown: { id: true, has_public_access_policy: true },
      },
    ];
    const found = findings(planned);
    expect(found.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort()).toEqual([
      'require-entitlement mandatory aws_api_gateway_rest_api_policy.api Policy::aws_api_gateway_rest_api_policy.api',
      'require-entitlement mandatory aws_backup_vault_policy.vault Policy::aws_backup_vault_policy.vault',
      'require-entitlement mandatory aws_cloudwatch_event_bus_policy.bus Policy::aws_cloudwatch_event_bus_policy.bus',
      'require-entitlement mandatory aws_dynamodb_resource_policy.ledger Policy::aws_dynamodb_resource_policy.ledger',
      'require-entitlement mandatory aws_ecr_repository_policy.images Policy::aws_ecr_repository_policy.images',
      'require-entitlement mandatory aws_ecrpublic_repository_policy.sdk Policy::aws_ecrpublic_repository_policy.sdk',
      'require-entitlement mandatory aws_efs_file_system_policy.shared Policy::aws_efs_file_system_policy.shared',
      'require-entitlement mandatory aws_glacier_vault.archive Policy::aws_glacier_vault.archive',
      'require-entitlement mandatory aws_kinesis_resource_policy.payouts Policy::aws_kinesis_resource_policy.payouts',
      'require-entitlement mandatory aws_lambda_permission.payouts Policy::aws_lambda_permission.payouts',
      'require-entitlement mandatory aws_opensearch_domain_policy.search Policy::aws_opensearch_domain_policy.search',
      'require-entitlement mandatory aws_s3control_access_point_policy.exports Policy::aws_s3control_access_point_policy.exports',
    ]);
    // Resource "*", or none, is the resource the policy is on: by its ARN, or its name in the own account and region.
    // The table's GetItem is within payments-read: only DeleteItem is reported, and the statement narrowed to GetItem.
    expect(found.map((f) => f.message).sort()).toEqual(
      [
        BEYOND(
          'aws_api_gateway_rest_api_policy.api',
          1,
          'execute-api:Invoke on arn:aws:execute-api:<own-region>:<own-account>:a1b2c3d4e5/*',
        ),
        BEYOND(
          'aws_backup_vault_policy.vault',
          1,
          'backup:DeleteRecoveryPoint on arn:aws:backup:<own-region>:<own-account>:backup-vault:payments',
        ),
        BEYOND(
          'aws_cloudwatch_event_bus_policy.bus',
          1,
          'events:PutEvents on arn:aws:events:<own-region>:<own-account>:event-bus/payments',
        ),
        `aws_dynamodb_resource_policy.ledger grants payments-api-runtime 1 action beyond its entitlements (payments-read, payments-write, payments-secrets-read): dynamodb:DeleteItem on ${TABLE_ARN}. Narrow it to what the entitlements allow: {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"${TABLE_ARN}"}`,
        BEYOND(
          'aws_ecr_repository_policy.images',
          2,
          'ecr:BatchGetImage, ecr:PutImage on arn:aws:ecr:<own-region>:<own-account>:repository/payments-images',
        ),
        BEYOND(
          'aws_ecrpublic_repository_policy.sdk',
          1,
          'ecr-public:PutImage on arn:aws:ecr-public::<own-account>:repository/payments-sdk',
        ),
        BEYOND(
          'aws_efs_file_system_policy.shared',
          1,
          'elasticfilesystem:ClientWrite on arn:aws:elasticfilesystem:<own-region>:<own-account>:file-system/fs-0123456789abcdef0',
        ),
        BEYOND('aws_glacier_vault.archive', 1, 'glacier:DeleteArchive on <Arn of aws_glacier_vault.archive>'),
        BEYOND(
          'aws_kinesis_resource_policy.payouts',
          1,
          `kinesis:PutRecord on arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/payouts`,
        ),
        BEYOND(
          'aws_lambda_permission.payouts',
          1,
          `lambda:InvokeFunction on arn:aws:lambda:us-east-1:${ACCOUNT}:function:payouts`,
        ),
        BEYOND(
          'aws_opensearch_domain_policy.search',
          1,
          'es:ESHttpPut on arn:aws:es:<own-region>:<own-account>:domain/payments',
        ),
        BEYOND(
          'aws_s3control_access_point_policy.exports',
          1,
          `s3:GetObject on arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/exports/object/*`,
        ),
      ].sort(),
    );
  });

  it('pass a table policy within the role’s entitlements, a permission to a service, and a domain without a policy', () => {
    const planned: PlannedResource[] = [
      ROLE,
      {
        address: 'aws_dynamodb_resource_policy.ledger',
        values: { resource_arn: TABLE_ARN, policy: granting(['dynamodb:GetItem', 'dynamodb:PutItem']) },
        unknown: { id: true, revision_id: true },
      },
      {
        address: 'aws_lambda_permission.from_bucket',
        values: {
          function_name: 'payouts',
          principal: 's3.amazonaws.com',
          action: 'lambda:InvokeFunction',
          source_account: ACCOUNT,
        },
        unknown: { id: true, statement_id: true },
      },
      // access_policies left out: computed, it reports what a domain policy writes.
      {
        address: 'aws_opensearch_domain.search',
        values: { domain_name: 'payments' },
        unknown: { arn: true, id: true, access_policies: true, endpoint: true, tags_all: true },
      },
    ];
    expect(verdicts(planned)).toEqual([]);
  });

  it('give a Lambda permission whose principal waits for the role’s ARN to the role, on the function it names', () => {
    // The principal is known only at apply, and can only be the role it waits for: the one statement is judged as it
    // stands. `function_name` is a name: the function of that name in the own account and region.
    const permission: PlannedResource = {
      address: 'aws_lambda_permission.payouts',
      values: { function_name: 'payouts', action: 'lambda:InvokeFunction' },
      unknown: { id: true, statement_id: true, principal: true },
      references: { principal: ['aws_iam_role.payments.arn', 'aws_iam_role.payments'] },
    };
    expect(
      findings([ROLE, permission]).map((f) => [f.ruleId, f.level, f.detail, f.pending ?? false, f.message]),
    ).toEqual([
      [
        'require-entitlement',
        'mandatory',
        'Policy::aws_lambda_permission.payouts',
        false,
        BEYOND(
          'aws_lambda_permission.payouts',
          1,
          'lambda:InvokeFunction on arn:aws:lambda:<own-region>:<own-account>:function:payouts',
        ),
      ],
      // Whom the permission lets in is known: its principal's only reference is the plan's own role (h84; before, a
      // mandatory pending restrict-trust Principal::unknown, noisy).
    ]);
    // A principal built from anything else as well is not known to be the role: whom it lets in waits for apply.
    const built = {
      ...permission,
      references: { principal: ['aws_iam_role.payments.arn', 'aws_iam_role.payments', 'var.partner'] },
    };
    expect(
      findings([ROLE, built])
        .filter((f) => f.ruleId === 'restrict-trust')
        .map((f) => [f.level, f.detail, f.pending ?? false]),
    ).toEqual([['mandatory', 'Principal::unknown', true]]);
  });
  it('hold an Alexa skill permission to its skill by event_source_token (lambda:EventSourceToken), and report one without', () => {
    const alexa = (extra: Record<string, unknown>): PlannedResource => ({
      address: 'aws_lambda_permission.alexa',
      values: {
        function_name: 'payouts',
        principal: 'alexa-appkit.amazon.com',
        action: 'lambda:InvokeFunction',
        ...extra,
      },
      unknown: { id: true, statement_id: true },
    });
    expect(verdicts([alexa({ event_source_token: 'amzn1.ask.skill.12345678-1234-1234-1234-123456789012' })])).toEqual(
      [],
    );
    // Any skill may invoke it (advisory: the confused deputy).
    expect(verdicts([alexa({})])).toEqual([
      'restrict-trust advisory aws_lambda_permission.alexa Service::alexa-appkit.amazon.com',
    ]);
  });
});
