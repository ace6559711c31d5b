// Issue 24 item 2 as a Pulumi program: trust narrowed to an untrusted account or by a self-comparing policy
// variable, and privileged actions on every resource in other spellings. Captured under the SDK's mocks.
import * as aws from '@pulumi/aws';

const tags = { owner: 'team-platform', 'identity-class': 'workload' };
const anyone = (condition: Record<string, Record<string, string>>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: condition }],
  });
const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

new aws.iam.Role('anyone-from-other-account', {
  name: 'anyone-from-other-account',
  tags,
  assumeRolePolicy: anyone({ StringEquals: { 'aws:PrincipalAccount': '999988887777' } }),
});
new aws.iam.Role('anyone-self-compared', {
  name: 'anyone-self-compared',
  tags,
  assumeRolePolicy: anyone({ StringEquals: { 'aws:PrincipalOrgID': '${aws:PrincipalOrgID}' } }),
});
new aws.iam.Role('anyone-from-trusted-org', {
  name: 'anyone-from-trusted-org',
  tags,
  assumeRolePolicy: anyone({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
});

const passer = new aws.iam.Role('pass-any-role', { name: 'pass-any-role', tags, assumeRolePolicy: lambdaTrust });
new aws.iam.RolePolicy('pass-any-role-policy', {
  role: passer.name,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::*:role/*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
    ],
  }),
});
const assumer = new aws.iam.Role('assume-any-role', { name: 'assume-any-role', tags, assumeRolePolicy: lambdaTrust });
new aws.iam.RolePolicy('assume-any-role-policy', {
  role: assumer.name,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:*:*:*:*' }],
  }),
});
