/**
 * Resource policies in a Terraform plan (iam/aws/resource-policy-grants.ts, through Pulumi's records): a bucket, key,
 * queue or topic policy that names a role of the change grants it what the rules then judge against its entitlements.
 * A policy built from names the plan knows is read as written; one that waits for the role's ARN (known only at apply)
 * may name that role, so the role gets a grant the rules say cannot be verified until apply, rather than none.
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
const SECRET_ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:platform/db-master-AbCdEf`;

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

const KEY_ADMIN = (principal: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Effect: 'Allow',
        Principal: { AWS: principal },
        Action: ['kms:Decrypt', 'kms:ScheduleKeyDeletion'],
        Resource: '*',
      },
    ],
  });

function verdicts(resources: PlannedResource[]) {
  const model = modelFromTerraformPlan(terraformPlan(resources));
  // As the CLI judges a plan: nothing re-checks it before apply.
  const { findings } = evaluate(model, {
    catalog: CATALOG,
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  return findings
    .filter((finding) => finding.ruleId !== 'exception-expiry')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();
}

describe('resource policies in a Terraform plan', () => {
  it('judge a key policy that names the role by an ARN the plan knows as the role’s policy', () => {
    const key: PlannedResource = {
      address: 'aws_kms_key.ledger',
      values: { policy: KEY_ADMIN(`arn:aws:iam::${ACCOUNT}:role/payments-api-runtime`) },
      unknown: { arn: true, id: true, key_id: true, tags_all: true },
    };
    // Resource "*" in a key policy is the key: no wildcard.
    expect(verdicts([ROLE, key])).toEqual([
      'require-entitlement mandatory aws_kms_key.ledger Policy::aws_kms_key.ledger',
    ]);
  });

  it('give a policy that waits for the role’s ARN to the role, as a grant not verifiable until apply', () => {
    const key: PlannedResource = {
      address: 'aws_kms_key.ledger',
      values: {},
      unknown: { arn: true, id: true, key_id: true, tags_all: true, policy: true },
      references: { policy: ['aws_iam_role.payments.arn', 'aws_iam_role.payments'] },
    };
    expect(verdicts([ROLE, key])).toEqual([
      'no-privilege-escalation mandatory aws_iam_role.payments Path::unknown pending',
      'no-wildcard-privilege mandatory aws_kms_key.ledger  pending',
      'require-entitlement mandatory aws_kms_key.ledger Grant::unknown pending',
      // Whom else the key policy lets in is not known either (restrict-trust, resourcePolicyUnreadable).
      'restrict-trust mandatory aws_kms_key.ledger  pending',
    ]);
  });

  it('judge a secret policy that lets the role read another team’s secret as the role’s policy', () => {
    // Before, a secret's policy was judged only as trust (the own account's role is trusted): this passed.
    const secret: PlannedResource = {
      address: 'aws_secretsmanager_secret.platform_db',
      values: { name: 'platform/db-master', tags: { owner: 'team-platform', 'identity-class': 'service' } },
      unknown: { arn: true, id: true, tags_all: true, policy: true },
    };
    const rotation: PlannedResource = {
      address: 'aws_secretsmanager_secret_rotation.platform_db',
      values: {
        rotation_lambda_arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:rotator`,
        rotation_rules: [{ automatically_after_days: 30 }],
      },
      unknown: { id: true, secret_id: true },
      references: { secret_id: ['aws_secretsmanager_secret.platform_db.id', 'aws_secretsmanager_secret.platform_db'] },
    };
    const policy: PlannedResource = {
      address: 'aws_secretsmanager_secret_policy.platform_db',
      values: {
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/payments-api-runtime` },
              Action: 'secretsmanager:GetSecretValue',
              Resource: '*',
            },
          ],
        }),
      },
      unknown: { id: true, secret_arn: true },
      references: {
        secret_arn: ['aws_secretsmanager_secret.platform_db.arn', 'aws_secretsmanager_secret.platform_db'],
      },
    };
    // The secret's ARN is known only at apply, so what Resource "*" names is too: the grant is pending, not passed.
    expect(verdicts([ROLE, secret, rotation, policy])).toEqual([
      'no-wildcard-privilege mandatory aws_secretsmanager_secret_policy.platform_db  pending',
      'require-entitlement mandatory aws_secretsmanager_secret_policy.platform_db Grant::unknown pending',
    ]);
    // Planned against a secret that exists, the ARN is known and the grant is judged as written.
    const known = { ...policy, values: { ...policy.values, secret_arn: SECRET_ARN }, unknown: { id: true } };
    expect(verdicts([ROLE, secret, rotation, known])).toEqual([
      'require-entitlement mandatory aws_secretsmanager_secret_policy.platform_db Policy::aws_secretsmanager_secret_policy.platform_db',
    ]);
  });

  it('read a key without a policy of its own as the default key policy, which names no role', () => {
    const key: PlannedResource = {
      address: 'aws_kms_key.ledger',
      values: {},
      unknown: { arn: true, id: true, key_id: true, tags_all: true, policy: true },
    };
    expect(verdicts([ROLE, key])).toEqual([]);
  });
});
