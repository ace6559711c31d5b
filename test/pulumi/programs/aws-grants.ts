// The AWS cases of test/e2e/aws-grants.test.ts (issue 15) as a Pulumi program: roles holding AWS managed policies,
// managed policy ARNs whose content no one can see, an action AWS cannot scope, a misspelled action, and grants to
// roles, users and groups the program does not create. Resource names equal the CDK logical ids and role names, so
// the three front-ends can be compared finding by finding. SAM and CloudFormation Conditions have no Pulumi form.
import * as aws from '@pulumi/aws';

const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const MANAGED_POLICY_ROLES: Record<string, string> = {
  ApiGwLogs: 'service-role/AmazonAPIGatewayPushToCloudWatchLogs',
  LambdaVpc: 'service-role/AWSLambdaVPCAccessExecutionRole',
  SsmCore: 'AmazonSSMManagedInstanceCore',
  XrayWriter: 'AWSXrayWriteOnlyAccess',
  S3Full: 'AmazonS3FullAccess',
  LambdaFull: 'AWSLambda_FullAccess',
  IamFull: 'IAMFullAccess',
  PowerUser: 'PowerUserAccess',
};
for (const [name, policy] of Object.entries(MANAGED_POLICY_ROLES)) {
  new aws.iam.Role(name, {
    name,
    assumeRolePolicy: lambdaTrust,
    managedPolicyArns: [`arn:aws:iam::aws:policy/${policy}`],
  });
}

// Grants to roles, users and groups this program does not create.
new aws.iam.RolePolicy('GrantToExisting', {
  role: 'existing-role',
  policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }),
});
new aws.iam.RolePolicyAttachment('AdminToExisting', {
  role: 'legacy-deployer',
  policyArn: aws.iam.ManagedPolicy.AdministratorAccess,
});
new aws.iam.UserPolicyAttachment('PowerToExistingUser', {
  user: 'existing-user',
  policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
});
new aws.iam.PolicyAttachment('S3ToExistingGroup', {
  groups: ['existing-group'],
  policyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
});

// Managed policy ARNs whose content the change never shows: an AWS managed name the data does not know (a typo), and a
// customer-managed policy defined elsewhere.
new aws.iam.Role('UnknownAws', {
  name: 'UnknownAws',
  assumeRolePolicy: lambdaTrust,
  managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccesss'],
});
new aws.iam.Role('CustomerArn', {
  name: 'CustomerArn',
  assumeRolePolicy: lambdaTrust,
  managedPolicyArns: ['arn:aws:iam::111122223333:policy/payments-boundary'],
});

// An action AWS offers no resource type for, and a misspelled one, each in an inline policy of its own.
const inlinePolicy = (name: string, action: string) => {
  const role = new aws.iam.Role(name, { name, assumeRolePolicy: lambdaTrust });
  new aws.iam.RolePolicy(`${name}Policy`, {
    name: `${name}Policy`,
    role: role.name,
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }),
  });
};
inlinePolicy('LogsWriter', 'logs:PutResourcePolicy');
inlinePolicy('Misspelled', 's3:HeadBucket');

// A customer-managed policy of the program attached to a role it does not create.
const handOff = new aws.iam.Policy('ManagedToExisting', {
  name: 'ManagedToExisting',
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
    ],
  }),
});
new aws.iam.RolePolicyAttachment('ManagedToExistingAttachment', { role: 'handoff-role', policyArn: handOff.arn });
