/**
 * The Terraform examples (examples/terraform/{bad,good}/main.tf) as plan descriptions: what `terraform plan` +
 * `terraform show -json` gives for them on a fresh account (account 111122223333, region eu-west-1). The
 * committed plans (examples/terraform/*.tfplan.json) are these, written by test/terraform/examples.test.ts when
 * UPDATE_TERRAFORM_EXAMPLES=1, and compared with them otherwise.
 */
import type { PlannedResource } from './support.js';

const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const trust = (principal: unknown, action = 'sts:AssumeRole', condition?: unknown) =>
  policy([{ Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }]);
/** What the AWS provider computes for every new IAM role, user and policy. */
const NEW_IAM = { arn: true, id: true, unique_id: true, create_date: true, tags_all: true };
const GITHUB_OIDC = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

export const BAD_PLAN: PlannedResource[] = [
  {
    address: 'aws_iam_user.ci_bot',
    values: { name: 'ci-bot', path: '/', force_destroy: false, tags: { owner: 'team-platform' } },
    unknown: NEW_IAM,
  },
  {
    address: 'aws_iam_access_key.ci_bot',
    values: { user: 'ci-bot', status: 'Active', pgp_key: null },
    unknown: {
      id: true,
      secret: true,
      ses_smtp_password_v4: true,
      create_date: true,
      encrypted_secret: true,
      key_fingerprint: true,
    },
    references: { user: ['aws_iam_user.ci_bot.name', 'aws_iam_user.ci_bot'] },
  },
  {
    address: 'aws_iam_access_key.legacy_sftp',
    values: { user: 'legacy-sftp-sync', status: 'Active', pgp_key: null },
    unknown: {
      id: true,
      secret: true,
      ses_smtp_password_v4: true,
      create_date: true,
      encrypted_secret: true,
      key_fingerprint: true,
    },
  },
  {
    address: 'aws_iam_role.ops',
    values: {
      name: 'ops-automation',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: trust({ Service: 'lambda.amazonaws.com' }),
      inline_policy: [{ name: 'everything', policy: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]) }],
      tags: { owner: 'team-platform' },
    },
    unknown: { ...NEW_IAM, managed_policy_arns: true, inline_policy: [{}] },
  },
  {
    address: 'aws_iam_role_policy.iam_admin',
    values: { name: 'iam-admin', policy: policy([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]) },
    unknown: { id: true, role: true },
    references: { role: ['aws_iam_role.ops.id', 'aws_iam_role.ops'] },
  },
  {
    address: 'aws_iam_policy.all_but_s3',
    values: { name: 'all-but-s3', path: '/', policy: policy([{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }]) },
    unknown: { arn: true, id: true, policy_id: true, attachment_count: true, tags_all: true },
  },
  {
    address: 'aws_iam_role_policy_attachment.all_but_s3',
    values: { role: 'ops-automation' },
    unknown: { id: true, policy_arn: true },
    references: {
      role: ['aws_iam_role.ops.name', 'aws_iam_role.ops'],
      policy_arn: ['aws_iam_policy.all_but_s3.arn', 'aws_iam_policy.all_but_s3'],
    },
  },
  {
    address: 'aws_iam_role.batch_admin',
    values: {
      name: 'batch-admin',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: trust({ Service: 'ecs-tasks.amazonaws.com' }),
      tags: { owner: 'team-data' },
    },
    unknown: { ...NEW_IAM, managed_policy_arns: true, inline_policy: true },
  },
  {
    address: 'aws_iam_role_policy_attachment.batch_admin',
    values: { role: 'batch-admin', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    unknown: { id: true },
    references: { role: ['aws_iam_role.batch_admin.name', 'aws_iam_role.batch_admin'] },
  },
  {
    address: 'aws_iam_role.orphan',
    values: {
      name_prefix: 'orphan-',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: trust({ Service: 'lambda.amazonaws.com' }),
      inline_policy: [
        {
          name: 'read-reports',
          policy: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-co-reports/*' }]),
        },
      ],
      tags: null,
    },
    unknown: { ...NEW_IAM, name: true, managed_policy_arns: true, inline_policy: [{}] },
  },
  {
    address: 'aws_iam_role.partner_upload',
    values: {
      name: 'partner-upload',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: trust('*'),
      tags: { owner: 'team-data' },
    },
    unknown: { ...NEW_IAM, managed_policy_arns: true, inline_policy: true },
  },
  {
    address: 'aws_iam_role.github_deploy',
    values: {
      name: 'github-deploy',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: trust({ Federated: GITHUB_OIDC }, 'sts:AssumeRoleWithWebIdentity', {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      }),
      tags: { owner: 'team-platform' },
    },
    unknown: { ...NEW_IAM, managed_policy_arns: true, inline_policy: true },
  },
  {
    address: 'random_password.ledger',
    values: { length: 32, special: true },
    unknown: { id: true, result: true, bcrypt_hash: true },
  },
  {
    address: 'aws_secretsmanager_secret.ledger_db',
    values: { name: 'payments/ledger-db', recovery_window_in_days: 30, tags: { owner: 'team-payments' } },
    unknown: { arn: true, id: true, tags_all: true, replica: true },
  },
  {
    address: 'aws_secretsmanager_secret_version.ledger_db',
    values: {},
    unknown: { arn: true, id: true, secret_id: true, secret_string: true, version_id: true, version_stages: true },
    references: {
      secret_id: ['aws_secretsmanager_secret.ledger_db.id', 'aws_secretsmanager_secret.ledger_db'],
      secret_string: ['random_password.ledger.result', 'random_password.ledger'],
    },
  },
];

export const GOOD_PLAN: PlannedResource[] = [
  {
    address: 'aws_iam_role.payments_api',
    values: {
      name: 'payments-api-runtime',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: trust({ Service: 'lambda.amazonaws.com' }),
      inline_policy: [
        {
          name: 'payments-ledger',
          policy: policy([
            {
              Effect: 'Allow',
              Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
              Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/payments-ledger',
            },
            { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
          ]),
        },
      ],
      tags: null,
    },
    unknown: { ...NEW_IAM, managed_policy_arns: true, inline_policy: [{}] },
  },
  {
    address: 'aws_lambda_function.payments_api',
    values: {
      function_name: 'payments-api',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      filename: 'payments-api.zip',
    },
    unknown: { arn: true, id: true, role: true, qualified_arn: true, invoke_arn: true, version: true },
    references: { role: ['aws_iam_role.payments_api.arn', 'aws_iam_role.payments_api'] },
  },
  {
    address: 'aws_iam_role.ci_deployer',
    values: {
      name: 'ci-deployer',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: trust({ Federated: GITHUB_OIDC }, 'sts:AssumeRoleWithWebIdentity', {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': 'repo:example-co/payments:ref:refs/heads/main',
        },
      }),
      inline_policy: [
        {
          name: 'cdk-deploy',
          policy: policy([
            { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/cdk-hnb659fds-*' },
          ]),
        },
      ],
      tags: null,
    },
    unknown: { ...NEW_IAM, managed_policy_arns: true, inline_policy: [{}] },
  },
  {
    address: 'aws_secretsmanager_secret.processor_api_key',
    values: {
      name: 'payments/processor-api-key',
      recovery_window_in_days: 30,
      tags: { owner: 'team-payments', 'identity-class': 'service' },
    },
    unknown: { arn: true, id: true, tags_all: true, replica: true },
  },
  {
    address: 'aws_secretsmanager_secret_rotation.processor_api_key',
    values: {
      rotation_lambda_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:payments-key-rotator',
      rotation_rules: [{ automatically_after_days: 30, duration: null, schedule_expression: null }],
      rotate_immediately: true,
    },
    unknown: { id: true, secret_id: true, rotation_enabled: true },
    references: {
      secret_id: ['aws_secretsmanager_secret.processor_api_key.id', 'aws_secretsmanager_secret.processor_api_key'],
    },
  },
];
