// The compliant stack: every identity is in the catalog (examples/catalog.yaml), holds only what its
// entitlements allow, is assumable only by what it serves, and no credential outlives a session.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const account = '111122223333';
const region = 'eu-west-1';
const githubOidc = `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`;

const serviceTrust = (service: string): aws.iam.PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});

// Payments API: a Lambda function whose role reads the ledger table, nothing else.
const paymentsRole = new aws.iam.Role('payments-api-runtime', {
  name: 'payments-api-runtime',
  assumeRolePolicy: serviceTrust('lambda.amazonaws.com'),
  maxSessionDuration: 3600,
});

new aws.iam.RolePolicy('payments-api-runtime-ledger', {
  name: 'ledger-read',
  role: paymentsRole.name,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Resource: `arn:aws:dynamodb:${region}:${account}:table/payments-ledger`,
      },
    ],
  }),
});

new aws.lambda.Function('payments-api', {
  name: 'payments-api',
  role: paymentsRole.arn,
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  code: new pulumi.asset.AssetArchive({
    'index.js': new pulumi.asset.StringAsset('exports.handler = async () => ({ statusCode: 200 });'),
  }),
});

// CI: GitHub Actions on the main branch of example-co/payments assumes this role through OIDC; no keys.
new aws.iam.Role('ci-deployer', {
  name: 'ci-deployer',
  assumeRolePolicy: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: githubOidc },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': 'repo:example-co/payments:ref:refs/heads/main',
          },
        },
      },
    ],
  },
  maxSessionDuration: 3600,
  inlinePolicies: [
    {
      name: 'assume-cdk-bootstrap-roles',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${account}:role/cdk-hnb659fds-*` },
        ],
      }),
    },
  ],
});

// The report agent reads finished reports and nothing else.
const reportAgent = new aws.iam.Role('report-agent', {
  name: 'report-agent',
  assumeRolePolicy: serviceTrust('bedrock.amazonaws.com'),
  maxSessionDuration: 3600,
});

new aws.iam.RolePolicy('report-agent-reports', {
  name: 'reports-read',
  role: reportAgent.id,
  policy: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-co-reports/*' }],
  },
});

// Database credentials: no value in the program; the rotation function sets and rotates it every 30 days.
const dbCredentials = new aws.secretsmanager.Secret('payments-db-credentials', {
  name: 'payments-db-credentials',
  description: 'Payments database credentials, set and rotated by the shared rotation function',
  tags: { owner: 'team-payments', 'identity-class': 'service' },
});

new aws.secretsmanager.SecretRotation('payments-db-credentials-rotation', {
  secretId: dbCredentials.id,
  rotationLambdaArn: `arn:aws:lambda:${region}:${account}:function:secrets-rotation-postgres`,
  rotationRules: { automaticallyAfterDays: 30 },
});
