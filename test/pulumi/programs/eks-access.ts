// EKS access that names a role of the stack (test/pulumi/eks-access.test.ts): an access entry putting
// payments-api-runtime in system:masters, an access policy association giving it AmazonEKSEditPolicy in one
// namespace, and the aws-auth ConfigMap mapping it to a group a RoleBinding of the stack binds to `view`. Its
// entitlements (examples/catalog.yaml: payments-read, -write, -secrets-read) allow no Kubernetes role.
import * as aws from '@pulumi/aws';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

const role = new aws.iam.Role('payments', {
  name: 'payments-api-runtime',
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
  tags: { owner: 'team-payments' },
});

new aws.eks.AccessEntry('paymentsMasters', {
  clusterName: 'payments',
  principalArn: role.arn,
  kubernetesGroups: ['system:masters'],
});

new aws.eks.AccessPolicyAssociation('paymentsEdit', {
  clusterName: 'payments',
  principalArn: role.arn,
  policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
  accessScope: { type: 'namespace', namespaces: ['payments'] },
});

new k8s.core.v1.ConfigMap('awsAuth', {
  metadata: { name: 'aws-auth', namespace: 'kube-system' },
  data: {
    mapRoles: pulumi.interpolate`- rolearn: ${role.arn}
  username: payments-api
  groups:
    - payments-viewers
`,
  },
});

new k8s.rbac.v1.RoleBinding('paymentsViewers', {
  metadata: { name: 'payments-viewers', namespace: 'payments' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
  subjects: [{ kind: 'Group', name: 'payments-viewers', apiGroup: 'rbac.authorization.k8s.io' }],
});
