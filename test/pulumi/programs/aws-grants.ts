// The AWS grants of test/e2e/aws-grants.test.ts as a Pulumi program: roles holding AWS managed policies (issue 15's
// eight cases) and grants to a role the program does not create. Resource names equal the CDK logical ids and role
// names, so the three front-ends can be compared finding by finding.
import * as aws from '@pulumi/aws';

const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
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
  new aws.iam.Role(name, { name, assumeRolePolicy: lambdaTrust, managedPolicyArns: [`arn:aws:iam::aws:policy/${policy}`] });
}

// Grants to roles, users and groups this program does not create.
new aws.iam.RolePolicy('GrantToExisting', {
  role: 'existing-role',
  policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }),
});
new aws.iam.RolePolicyAttachment('AdminToExisting', { role: 'legacy-deployer', policyArn: aws.iam.ManagedPolicy.AdministratorAccess });
new aws.iam.UserPolicyAttachment('PowerToExistingUser', { user: 'existing-user', policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
new aws.iam.PolicyAttachment('S3ToExistingGroup', { groups: ['existing-group'], policyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' });
