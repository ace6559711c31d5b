/**
 * Secrets Manager resource policies in a Terraform plan: `aws_secretsmanager_secret_policy`, and the older `policy`
 * argument of `aws_secretsmanager_secret`, read as the Pulumi adapter reads their @pulumi/aws records and judged by
 * restrict-trust. A secret's `policy` left out of the configuration is known only after apply (optional and computed:
 * it reports what a secret policy resource writes), so with the plan's configuration it is no policy at all; one the
 * configuration writes, or any of them in a plan without configuration, is read (pending while unknown).
 */
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog as testCatalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource, type PlanOptions } from './support.js';

const catalog = testCatalog({
  trust: { accounts: [{ id: '111122223333', owner: 'team-payments' }], organizations: [], oidc: [] },
});
const NOW = new Date('2026-06-01T00:00:00Z');
const OTHER = '999999999999';

const policyJson = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const read = (principal: unknown) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'secretsmanager:GetSecretValue',
  Resource: '*',
});

/** A secret as a plan shows it before the first apply, `policy` left out of its configuration. */
const secret = (name: string, values: Record<string, unknown> = {}): PlannedResource => ({
  address: `aws_secretsmanager_secret.${name}`,
  values: { name: `payments/${name}`, tags: { owner: 'team-payments' }, ...values },
  unknown: { arn: true, id: true, tags_all: true, ...(values.policy === undefined ? { policy: true } : {}) },
});
const secretPolicy = (name: string, secretName: string, policy: string): PlannedResource => ({
  address: `aws_secretsmanager_secret_policy.${name}`,
  values: { policy, block_public_policy: true },
  unknown: { id: true, secret_arn: true },
  references: {
    secret_arn: [`aws_secretsmanager_secret.${secretName}.arn`, `aws_secretsmanager_secret.${secretName}`],
  },
});

function restrictTrust(resources: PlannedResource[], options?: PlanOptions): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources, options), { file: 'plan.json' });
  return evaluate(model, { catalog, now: NOW })
    .findings.filter((finding) => finding.ruleId === 'restrict-trust')
    .map(
      (finding) =>
        `${finding.resource.name} ${finding.identity ?? '-'} ${finding.level}${finding.pending ? ' pending' : ''} ${finding.detail ?? '-'}: ${finding.message}`,
    );
}

describe('Terraform: secret resource policies', () => {
  it('judges an aws_secretsmanager_secret_policy on the secret its secret_arn refers to, with its block_public_policy', () => {
    expect(
      restrictTrust([
        secret('db'),
        secretPolicy(
          'db_read',
          'db',
          policyJson(read('*'), read({ AWS: [`arn:aws:iam::${OTHER}:root`, 'arn:aws:iam::111122223333:root'] })),
        ),
      ]),
    ).toEqual([
      `aws_secretsmanager_secret_policy.db_read aws_secretsmanager_secret.db mandatory Account::${OTHER}: Resource policy ` +
        `aws_secretsmanager_secret_policy.db_read lets account ${OTHER} (arn:aws:iam::${OTHER}:root) read secret payments/db ` +
        '(Action secretsmanager:GetSecretValue), but the catalog (test-catalog.yaml) does not list that account under ' +
        'trust.accounts (listed: 111122223333). Narrow Principal to accounts the catalog trusts, or record the account ' +
        'with its owner under trust.accounts after review.',
      // block_public_policy = true: the public statement is expected to be refused at apply, and the finding says so.
      'aws_secretsmanager_secret_policy.db_read aws_secretsmanager_secret.db mandatory Principal::*: Resource policy ' +
        'aws_secretsmanager_secret_policy.db_read lets any AWS principal (Principal: "*") read secret payments/db (Action ' +
        'secretsmanager:GetSecretValue) and no condition narrows it, but it sets BlockPublicPolicy, so Secrets Manager is ' +
        'expected to refuse the policy as public and the deployment to fail at this resource rather than open the secret. ' +
        'Keep BlockPublicPolicy and narrow Principal to the own account or accounts the catalog lists under ' +
        'trust.accounts, or add StringEquals aws:PrincipalOrgID: <your organization>.',
    ]);
  });

  it("reads the secret's own policy argument when the configuration writes it, and nothing when it leaves it out", () => {
    const openPolicy = policyJson(read({ AWS: OTHER }));
    expect(restrictTrust([secret('legacy', { policy: openPolicy }), secret('quiet')])).toEqual([
      `aws_secretsmanager_secret.legacy aws_secretsmanager_secret.legacy mandatory Account::${OTHER}: Resource policy ` +
        `aws_secretsmanager_secret.legacy lets account ${OTHER} (${OTHER}) read secret payments/legacy (Action ` +
        'secretsmanager:GetSecretValue), but the catalog (test-catalog.yaml) does not list that account under trust.accounts ' +
        '(listed: 111122223333). Narrow Principal to accounts the catalog trusts, or record the account with its owner ' +
        'under trust.accounts after review.',
    ]);
  });

  it('keeps a policy known only at apply pending, on a secret the plan does not create too', () => {
    const later: PlannedResource = {
      address: 'aws_secretsmanager_secret_policy.shared',
      values: {
        secret_arn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shared/api-key-AbCdEf',
        block_public_policy: true,
      },
      unknown: { id: true, policy: true },
      references: { policy: ['data.aws_iam_policy_document.shared.json', 'data.aws_iam_policy_document.shared'] },
    };
    expect(restrictTrust([later])).toEqual([
      'aws_secretsmanager_secret_policy.shared - advisory pending -: Resource policy ' +
        'aws_secretsmanager_secret_policy.shared of secret arn:aws:secretsmanager:eu-west-1:111122223333:secret:shared/api-key-AbCdEf ' +
        'cannot be verified until apply: aws_secretsmanager_secret_policy.shared.policy is not known until apply (from ' +
        'data.aws_iam_policy_document.shared.json, data.aws_iam_policy_document.shared), so who may read the secret is not known.',
    ]);
  });

  it("fails closed on a secret's unknown policy in a plan without configuration", () => {
    expect(restrictTrust([secret('db')], { noConfiguration: true })).toEqual([
      'aws_secretsmanager_secret.db aws_secretsmanager_secret.db advisory pending -: Resource policy ' +
        'aws_secretsmanager_secret.db of secret payments/db cannot be verified until apply: ' +
        'aws_secretsmanager_secret.db.policy is not known until apply, so who may read the secret is not known.',
    ]);
  });
});
