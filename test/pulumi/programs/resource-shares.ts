// Resource Access Manager shares (test/pulumi/resource-shares.test.ts): a share of a subnet whose principal
// associations name another account (999999999999) and the deploying account's organization, and a resource
// association that adds the subnet to a share the stack does not create; the share names a customer managed permission
// of the stack (permissionArns). A second share allows no external principals and names the organization and another
// account, which is therefore in it. The role is there so the stack's own account is known (its ARN, as the provider
// returns it).
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

new aws.iam.Role('worker', {
  name: 'worker',
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
  tags: { owner: 'team-platform' },
});

const subnet = new aws.ec2.Subnet('shared', { vpcId: 'vpc-0a1b2c3d', cidrBlock: '10.0.1.0/24' });
const tagging = new aws.ram.Permission('subnetTagging', {
  name: 'subnet-tagging',
  resourceType: 'ec2:Subnet',
  policyTemplate: JSON.stringify({ Effect: 'Allow', Action: ['ec2:DescribeSubnets', 'ec2:CreateTags'] }),
});
const share = new aws.ram.ResourceShare('network', {
  name: 'network',
  allowExternalPrincipals: true,
  permissionArns: [tagging.arn],
});
new aws.ram.ResourceAssociation('sharedSubnet', { resourceArn: subnet.arn, resourceShareArn: share.arn });
new aws.ram.PrincipalAssociation('partner', { principal: '999999999999', resourceShareArn: share.arn });
const organization = aws.organizations.getOrganizationOutput();
new aws.ram.PrincipalAssociation('organization', {
  principal: pulumi.interpolate`arn:aws:organizations::${organization.masterAccountId}:organization/${organization.id}`,
  resourceShareArn: share.arn,
});

new aws.ram.ResourceAssociation('intoElsewhere', {
  resourceArn: subnet.arn,
  resourceShareArn: 'arn:aws:ram:eu-west-1:111122223333:resource-share/elsewhere',
});

const internal = new aws.ram.ResourceShare('internal', { name: 'internal', allowExternalPrincipals: false });
new aws.ram.ResourceAssociation('internalSubnet', { resourceArn: subnet.arn, resourceShareArn: internal.arn });
new aws.ram.PrincipalAssociation('internalOrganization', {
  principal: pulumi.interpolate`arn:aws:organizations::${organization.masterAccountId}:organization/${organization.id}`,
  resourceShareArn: internal.arn,
});
new aws.ram.PrincipalAssociation('internalAccount', { principal: '777777777777', resourceShareArn: internal.arn });
