/**
 * A Secrets Manager secret rotated by its own arguments: AWS providers before 5 take `rotation_lambda_arn` and a
 * `rotation_rules` block on `aws_secretsmanager_secret` (plans of those versions list both among its attributes:
 * test/corpus/checkov-terraform/secret-*.json). Written in the configuration, they are the secret's rotation; left
 * out, they only report what an `aws_secretsmanager_secret_rotation` sets, and that resource is the one read.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource, type PlanOptions } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function:rotate';

/** A secret as a plan of an AWS provider before 5 shows it; `values` are written in the configuration. */
const secret = (values: Record<string, unknown>, unknown: Record<string, unknown> = {}): PlannedResource => ({
  address: 'aws_secretsmanager_secret.db',
  values: { name: 'payments/db', tags: { owner: 'team-payments' }, ...values },
  unknown: {
    arn: true,
    id: true,
    policy: true,
    ...(values.rotation_enabled === undefined ? { rotation_enabled: true } : {}),
    ...(values.rotation_lambda_arn === undefined ? { rotation_lambda_arn: true } : {}),
    ...(values.rotation_rules === undefined ? { rotation_rules: true } : {}),
    ...unknown,
  },
});

function rotationFindings(resources: PlannedResource[], options?: PlanOptions): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources, options), { file: 'plan.json' });
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.filter((finding) => finding.ruleId === 'secret-rotation')
    .map((f) => `${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}: ${f.message}`);
}

describe('Terraform: rotation set on aws_secretsmanager_secret itself (AWS provider before 5)', () => {
  it('reads rotation_rules.automatically_after_days as the rotation (no finding within 90 days)', () => {
    expect(
      rotationFindings([secret({ rotation_lambda_arn: LAMBDA, rotation_rules: [{ automatically_after_days: 30 }] })]),
    ).toEqual([]);
  });

  it('judges a slower schedule on the secret that sets it', () => {
    expect(
      rotationFindings([
        secret({
          rotation_lambda_arn: LAMBDA,
          rotation_rules: [{ automatically_after_days: 180, schedule_expression: null }],
        }),
      ]),
    ).toEqual([
      'aws_secretsmanager_secret.db Rotation::180d: Secret payments/db rotates every 180 days; the limit of the service ' +
        'class (the secret has no class) is 90 days. Set the rotation interval to 90 days or less.',
    ]);
  });

  it('reads a schedule_expression, and a Lambda known only at apply (a reference) still rotates', () => {
    expect(
      rotationFindings([
        {
          ...secret({ rotation_rules: [{ automatically_after_days: null, schedule_expression: 'rate(7 days)' }] }),
          references: { rotation_lambda_arn: ['aws_lambda_function.rotate.arn', 'aws_lambda_function.rotate'] },
        },
      ]),
    ).toEqual([]);
  });

  it('is pending while the schedule is known only at apply', () => {
    expect(
      rotationFindings([
        {
          ...secret({ rotation_lambda_arn: LAMBDA }),
          references: { rotation_rules: ['var.rotation_days'] },
        },
      ]),
    ).toEqual([
      'aws_secretsmanager_secret.db Rotation::unknown pending: Rotation of secret payments/db cannot be verified ' +
        'until apply: the interval is aws_secretsmanager_secret.db.rotation_rules is not known until apply (from var.rotation_days).',
    ]);
  });

  it('left out of the configuration (known only after apply), they set nothing: no rotation', () => {
    expect(rotationFindings([secret({})])).toEqual([
      'aws_secretsmanager_secret.db Rotation::none: Secret payments/db has no rotation configured, so its value never ' +
        'changes. Add an aws_secretsmanager_secret_rotation of at most 90 days, the limit of the service class (the ' +
        'secret has no class).',
    ]);
  });

  it('a state that shows rotation_enabled false, or no rotation Lambda, has no rotation', () => {
    const state = { noConfiguration: true };
    expect(
      rotationFindings(
        [
          secret({
            rotation_enabled: false,
            rotation_lambda_arn: LAMBDA,
            rotation_rules: [{ automatically_after_days: 30 }],
          }),
        ],
        state,
      ),
    ).toEqual([expect.stringContaining('Rotation::none')]);
    expect(
      rotationFindings([secret({ rotation_enabled: false, rotation_lambda_arn: '', rotation_rules: [] })], state),
    ).toEqual([expect.stringContaining('Rotation::none')]);
  });

  it('an aws_secretsmanager_secret_rotation of the plan is the rotation that counts', () => {
    expect(
      rotationFindings([
        secret({ rotation_lambda_arn: LAMBDA, rotation_rules: [{ automatically_after_days: 30 }] }),
        {
          address: 'aws_secretsmanager_secret_rotation.db',
          values: { rotation_lambda_arn: LAMBDA, rotation_rules: [{ automatically_after_days: 120 }] },
          unknown: { id: true, secret_id: true },
          references: { secret_id: ['aws_secretsmanager_secret.db.id', 'aws_secretsmanager_secret.db'] },
        },
      ]),
    ).toEqual([expect.stringMatching(/^aws_secretsmanager_secret_rotation\.db Rotation::120d: /)]);
  });
});

describe('Terraform: an aws_secretsmanager_secret_rotation that names no rotation function', () => {
  // Without rotation_lambda_arn only a secret another service manages rotates (managed rotation), and such a secret is
  // no aws_secretsmanager_secret of a configuration: the secret of the plan is never rotated.
  const rotation = (values: Record<string, unknown>): PlannedResource => ({
    address: 'aws_secretsmanager_secret_rotation.db',
    values: { rotation_rules: [{ automatically_after_days: 30 }], ...values },
    unknown: { id: true, secret_id: true },
    references: { secret_id: ['aws_secretsmanager_secret.db.id', 'aws_secretsmanager_secret.db'] },
  });
  const plain = secret({ rotation_lambda_arn: '' });

  it('leaves the secret unrotated, and names the argument to set in Terraform words', () => {
    const none = [
      'aws_secretsmanager_secret.db Rotation::none: Secret payments/db has no rotation configured, so its value never ' +
        'changes. Add the rotation function aws_secretsmanager_secret_rotation.db.rotation_lambda_arn, which is not set ' +
        '(the rotation rotates nothing), with aws_secretsmanager_secret_rotation.db.rotation_rules of at most 90 days, ' +
        'the limit of the service class (the secret has no class).',
    ];
    expect(rotationFindings([plain, rotation({})])).toEqual(none);
    expect(rotationFindings([plain, rotation({ rotation_lambda_arn: '' })])).toEqual(none);
  });

  it('rotates through a function written or known only at apply', () => {
    expect(rotationFindings([plain, rotation({ rotation_lambda_arn: LAMBDA })])).toEqual([]);
    expect(
      rotationFindings([
        plain,
        {
          ...rotation({}),
          unknown: { id: true, secret_id: true, rotation_lambda_arn: true },
          references: {
            secret_id: ['aws_secretsmanager_secret.db.id', 'aws_secretsmanager_secret.db'],
            rotation_lambda_arn: ['aws_lambda_function.rotate.arn', 'aws_lambda_function.rotate'],
          },
        },
      ]),
    ).toEqual([]);
  });
});
