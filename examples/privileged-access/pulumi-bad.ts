// Privileged access that only looks right, as a Pulumi program (the same roles as bad.template.yaml): break-glass
// trusting the account root while CI may assume every role, a second break-glass role through an identity provider
// nobody declared MFA-enforcing, and a standing administrator labelled just in time.
import * as aws from '@pulumi/aws';

const account = '111122223333';
const admin = ['arn:aws:iam::aws:policy/AdministratorAccess'];
const rootTrustWithMfa: aws.iam.PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
};

new aws.iam.Role('BreakGlassRole', {
  name: 'break-glass-admin',
  maxSessionDuration: 3600,
  assumeRolePolicy: rootTrustWithMfa,
  managedPolicyArns: admin,
});

new aws.iam.Role('CiDeployerRole', {
  name: 'ci-deployer',
  maxSessionDuration: 3600,
  assumeRolePolicy: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com` },
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
  inlinePolicies: [
    {
      name: 'assume-any-role',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/*' }],
      }),
    },
  ],
});

// No catalog record: its tags name emergency-admin, which only a catalog record grants (privileged).
new aws.iam.Role('LegacyBreakGlassRole', {
  name: 'break-glass-legacy-idp',
  maxSessionDuration: 3600,
  assumeRolePolicy: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:saml-provider/LegacyIdP` },
        Action: 'sts:AssumeRoleWithSAML',
      },
    ],
  },
  managedPolicyArns: admin,
  tags: { owner: 'team-security', 'identity-class': 'break-glass', entitlements: 'emergency-admin' },
});

new aws.iam.Role('JitAdminRole', {
  name: 'jit-admin',
  maxSessionDuration: 43200,
  assumeRolePolicy: rootTrustWithMfa,
  managedPolicyArns: admin,
});
