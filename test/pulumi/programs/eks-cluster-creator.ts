// EKS clusters and their creator's admin (test/pulumi/eks-cluster-creator.test.ts): one leaves accessConfig out (EKS
// makes the provider's credentials a cluster administrator), one sets bootstrapClusterCreatorAdminPermissions true,
// one false (no finding), and one computes it from another resource, which `pulumi preview` does not know.
import * as aws from '@pulumi/aws';

const clusterRole = new aws.iam.Role('clusterRole', {
  name: 'payments-eks-cluster',
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
  tags: { owner: 'team-payments' },
});
const vpcConfig = { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] };

new aws.eks.Cluster('defaulted', { roleArn: clusterRole.arn, vpcConfig });

new aws.eks.Cluster('bootstrapped', {
  name: 'payments',
  roleArn: clusterRole.arn,
  vpcConfig,
  accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
});

new aws.eks.Cluster('entriesOnly', {
  roleArn: clusterRole.arn,
  vpcConfig,
  accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
});

new aws.eks.Cluster('computed', {
  roleArn: clusterRole.arn,
  vpcConfig,
  accessConfig: {
    authenticationMode: 'API',
    bootstrapClusterCreatorAdminPermissions: clusterRole.arn.apply((arn) => arn.length === 0),
  },
});
