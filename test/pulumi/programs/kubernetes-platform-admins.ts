// Kubernetes platforms whose own settings decide who is cluster-admin (test/pulumi/kubernetes-platform-admins.test.ts):
// an EKS cluster whose authentication mode comes from the stack's configuration (`payments:authenticationMode`: API
// reads access entries only, never aws-auth) beside a Role that writes kube-system/aws-auth; and an AKS cluster whose
// Entra ID integration names two admin groups, one by its object id and one the stack creates (its objectId known
// only after `pulumi up` creates it).
import * as aws from '@pulumi/aws';
import * as azuread from '@pulumi/azuread';
import { containerservice } from '@pulumi/azure-native';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();

new aws.eks.Cluster('payments', {
  name: 'payments',
  roleArn: 'arn:aws:iam::111122223333:role/payments-eks-cluster',
  vpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
  accessConfig: {
    authenticationMode: config.require('authenticationMode'),
    bootstrapClusterCreatorAdminPermissions: false,
  },
});

new k8s.rbac.v1.Role('awsAuthEditor', {
  metadata: { name: 'aws-auth-editor', namespace: 'kube-system' },
  rules: [
    { apiGroups: [''], resources: ['configmaps'], resourceNames: ['aws-auth'], verbs: ['get', 'update', 'patch'] },
  ],
});

const operators = new azuread.Group('operators', { displayName: 'orders-operators', securityEnabled: true });

new containerservice.ManagedCluster('orders', {
  resourceGroupName: 'orders-rg',
  dnsPrefix: 'orders',
  disableLocalAccounts: true,
  enableRBAC: true,
  aadProfile: {
    managed: true,
    enableAzureRBAC: true,
    adminGroupObjectIDs: ['9b2a6c4e-1f3d-4e5a-8b7c-0d1e2f3a4b5c', operators.objectId],
  },
  identity: { type: 'SystemAssigned' },
  agentPoolProfiles: [{ name: 'system', mode: 'System', count: 1, vmSize: 'Standard_D2s_v5' }],
});
