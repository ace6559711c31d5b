// Grants to the principals a resource lists and a resource policy of a type that was not read
// (test/pulumi/principal-grants.test.ts): a layer version shared with every account, an endpoint service that allows
// another account (999999999999) and, through an allowed-principal resource, the stack's own role, and a MediaStore
// container policy that lets anyone read. The role is there so the stack's own account is known (its ARN, as the
// provider returns it).
import * as aws from '@pulumi/aws';

const worker = new aws.iam.Role('worker', {
  name: 'worker',
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
  tags: { owner: 'team-platform' },
});

new aws.lambda.LayerVersionPermission('publicLayer', {
  layerName: 'shared-utils',
  versionNumber: 1,
  principal: '*',
  action: 'lambda:GetLayerVersion',
  statementId: 'public',
});

const service = new aws.ec2.VpcEndpointService('service', {
  acceptanceRequired: true,
  networkLoadBalancerArns: ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb/0a1b2c3d'],
  allowedPrincipals: ['arn:aws:iam::999999999999:root'],
});
new aws.ec2.VpcEndpointServiceAllowedPrinciple('ownWorker', {
  vpcEndpointServiceId: service.id,
  principalArn: worker.arn,
});

new aws.mediastore.ContainerPolicy('mediaPolicy', {
  containerName: 'media',
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'mediastore:GetObject', Resource: '*' }],
  }),
});
