// The classic mistakes, one per block; each is what Entitlement Guard must stop before it is deployed.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const account = '111122223333';
const githubOidc = `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`;

const serviceTrust = (service: string): aws.iam.PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});

// 1. A batch job with a static access key instead of a role.
const etlUser = new aws.iam.User('etl-batch-user', { name: 'etl-batch-user' });
new aws.iam.AccessKey('etl-batch-user-key', { user: etlUser.name });

// 2. A Lambda role with full administrator rights.
const ordersRole = new aws.iam.Role('orders-lambda-role', {
  name: 'orders-lambda-role',
  assumeRolePolicy: serviceTrust('lambda.amazonaws.com'),
  tags: { owner: 'team-payments', 'identity-class': 'service' },
});
new aws.iam.RolePolicyAttachment('orders-lambda-role-admin', {
  role: ordersRole.name,
  policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
});

// 3. Every S3 action on every bucket.
const analyticsRole = new aws.iam.Role('analytics-role', {
  name: 'analytics-role',
  assumeRolePolicy: serviceTrust('lambda.amazonaws.com'),
  tags: { owner: 'team-data', 'identity-class': 'service' },
});
new aws.iam.RolePolicy('analytics-role-s3', {
  name: 's3-everything',
  role: analyticsRole.name,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
  }),
});

// 4. Nobody owns it and the catalog has never heard of it.
new aws.iam.Role('scratch-role', {
  name: 'scratch-role',
  assumeRolePolicy: serviceTrust('lambda.amazonaws.com'),
});

// 5. GitHub OIDC trust that checks the audience but not the repository: any GitHub repository can assume it.
new aws.iam.Role('gh-actions-deploy', {
  name: 'gh-actions-deploy',
  assumeRolePolicy: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: githubOidc },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
      },
    ],
  },
  maxSessionDuration: 3600,
  tags: { owner: 'team-platform', 'identity-class': 'workload' },
});

// 6. A database password that is never rotated.
new aws.secretsmanager.Secret('orders-db-password', {
  name: 'orders-db-password',
  tags: { owner: 'team-payments', 'identity-class': 'service' },
});

// 7. An AI agent with twelve-hour sessions.
new aws.iam.Role('support-agent', {
  name: 'support-agent',
  assumeRolePolicy: serviceTrust('bedrock.amazonaws.com'),
  maxSessionDuration: 43200,
  tags: { owner: 'team-ml', 'identity-class': 'agent' },
});

// 8. The break-glass role, assumable by the CI role: whoever controls CI controls the emergency exit.
const ciDeployer = new aws.iam.Role('ci-deployer', {
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

new aws.iam.Role('break-glass-admin', {
  name: 'break-glass-admin',
  assumeRolePolicy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: ciDeployer.arn }, Action: 'sts:AssumeRole' }],
  }),
  maxSessionDuration: 3600,
  managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
});
