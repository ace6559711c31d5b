// Pulumi names qualified by project and stack as catalog match and exception target (issue 18 item 5). Captured in
// preview, where a role without a physical name has no ARN yet: only its URN and `pulumi:<project>/<stack>/<name>`
// name it outside the program. No owner tags, so each role and user has a require-owner finding to waive.
import * as aws from '@pulumi/aws';

const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

// Named by its qualified name in an exception.
new aws.iam.Role('deployer', { assumeRolePolicy: lambdaTrust });
// Matched by a catalog record through its qualified name: the record's id binds.
new aws.iam.Role('reporter', { assumeRolePolicy: lambdaTrust });
// A role and a user may share a Pulumi name (names are unique per type): their qualified name binds neither.
new aws.iam.Role('shared', { assumeRolePolicy: lambdaTrust });
new aws.iam.User('shared', {});
