/**
 * no-wildcard-privilege on an EKS cluster that makes its creator a cluster administrator (Model.clusterCreatorAdmins):
 * EKS gives the IAM principal that creates the cluster AmazonEKSClusterAdminPolicy unless
 * bootstrapClusterCreatorAdminPermissions is false. The finding is on the cluster; where the creator is a role of the
 * change (a CDK cluster's creation role) it is that role's, waived by the role's names; otherwise by the cluster's own
 * (construct path, location, URN, name). Model builders only: the adapters' reading is tested in
 * test/cli/eks-cluster-creator.test.ts, test/pulumi/eks-cluster-creator.test.ts, test/terraform/eks-cluster-creator.test.ts
 * and test/cdk/eks-cluster-creator.test.ts.
 */
import type { ClusterCreatorAdmin } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { catalog, identity, model, ref } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const CLUSTER_PATH = 'Platform/Cluster/Resource';
const cluster = { ...ref('AWS::EKS::Cluster', 'Cluster'), path: CLUSTER_PATH, physicalName: 'payments' };
const admin = (parts: Partial<ClusterCreatorAdmin> = {}): ClusterCreatorAdmin => ({
  source: cluster,
  cluster: 'payments',
  setting: 'AccessConfig.BootstrapClusterCreatorAdminPermissions',
  reason: { kind: 'unset' },
  ...parts,
});
const DEPLOYER = 'the IAM principal that deploys the change (a deployment role, or whoever runs the deployment)';
const ENTRY =
  'EKS gives the IAM principal that creates the cluster an access entry with AmazonEKSClusterAdminPolicy ' +
  '(system:masters under the CONFIG_MAP authentication mode), Kubernetes cluster-admin';
const OUTSIDE =
  'outside the catalog: no access entry of the change shows it, no catalog identity records it and no owner holds it';
const FIX =
  'Set AccessConfig.BootstrapClusterCreatorAdminPermissions to false and grant cluster administration through access ' +
  'entries to catalog identities.';
const UNSET =
  `EKS cluster payments (Cluster) makes ${DEPLOYER} a cluster administrator because ` +
  `AccessConfig.BootstrapClusterCreatorAdminPermissions is not set and EKS defaults it to true: ${ENTRY} ${OUTSIDE}. ${FIX}`;
const exception = (target: string) =>
  catalog({
    owners: [{ id: 'team-platform' }],
    exceptions: [
      {
        id: 'EXC-9',
        rule: 'no-wildcard-privilege',
        target,
        reason: 'bootstrap admin kept until the platform role has its access entry',
        owner: 'team-platform',
        approvedBy: 'security-lead@example.com',
        ticket: 'SEC-99',
        expires: '2027-01-31',
      },
    ],
  });

ruleTester(rule, {
  valid: [{ name: 'a model with no cluster keeping its creator admin', model: model() }],
  invalid: [
    {
      name: 'the setting left out: EKS defaults it to true, the deployer becomes admin outside the catalog',
      model: model({ clusterCreatorAdmins: [admin()] }),
      findings: [{ resource: 'Cluster', detail: 'Cluster::creator-admin', message: UNSET, level: 'mandatory' }],
    },
    {
      name: 'the setting true, on a cluster without a name of its own',
      model: model({
        clusterCreatorAdmins: [
          admin({
            source: ref('aws:eks/cluster:Cluster', 'eks'),
            cluster: 'eks',
            setting: 'accessConfig.bootstrapClusterCreatorAdminPermissions',
            reason: { kind: 'true' },
          }),
        ],
      }),
      findings: [
        {
          resource: 'eks',
          detail: 'Cluster::creator-admin',
          message:
            `EKS cluster eks makes ${DEPLOYER} a cluster administrator because ` +
            `accessConfig.bootstrapClusterCreatorAdminPermissions is true: ${ENTRY} ${OUTSIDE}. Set ` +
            'accessConfig.bootstrapClusterCreatorAdminPermissions to false and grant cluster administration through ' +
            'access entries to catalog identities.',
        },
      ],
    },
    {
      name: 'a setting known only at deploy is pending, saying what could not be seen',
      model: model({
        clusterCreatorAdmins: [admin({ reason: { kind: 'pending', what: 'parameter AdminBootstrap' } })],
      }),
      findings: [
        {
          resource: 'Cluster',
          detail: 'Cluster::creator-admin',
          message:
            `EKS cluster payments (Cluster) may make ${DEPLOYER} a cluster administrator (Kubernetes cluster-admin ` +
            `${OUTSIDE}): whether it does cannot be verified until apply (parameter AdminBootstrap). ${FIX}`,
          level: 'advisory',
          pending: true,
        },
      ],
    },
    {
      name: 'a creation role of the change is the creator: the finding is that role’s',
      model: model({
        identities: [identity('aws-role', 'CreationRole')],
        clusterCreatorAdmins: [
          admin({
            source: ref('Custom::AWSCDK-EKS-Cluster', 'Cluster'),
            cluster: 'Cluster',
            setting: 'bootstrapClusterCreatorAdminPermissions',
            creator: 'TestStack/CreationRole',
          }),
        ],
      }),
      findings: [
        {
          resource: 'Cluster',
          identity: 'TestStack/CreationRole',
          detail: 'Cluster::creator-admin',
          message:
            'EKS cluster Cluster makes its creation role CreationRole a cluster administrator because ' +
            `bootstrapClusterCreatorAdminPermissions is not set and EKS defaults it to true: ${ENTRY} that no access ` +
            'entry, aws-auth mapping or binding of the change shows. Set bootstrapClusterCreatorAdminPermissions to ' +
            'false and grant cluster administration through access entries to catalog identities.',
        },
      ],
    },
    {
      name: 'an exception naming the cluster’s construct path binds it',
      catalog: exception('path:Platform/Cluster'),
      model: model({ clusterCreatorAdmins: [admin()] }),
      findings: [{ resource: 'Cluster', detail: 'Cluster::creator-admin', message: UNSET, waivedBy: 'EXC-9' }],
    },
    {
      name: 'an exception naming the cluster’s name binds it (EKS keeps it unique in the account and Region)',
      catalog: exception('payments'),
      model: model({ clusterCreatorAdmins: [admin()] }),
      findings: [{ resource: 'Cluster', detail: 'Cluster::creator-admin', message: UNSET, waivedBy: 'EXC-9' }],
    },
    {
      name: 'an exception naming the bare logical id binds nothing: any stack may pick it',
      catalog: exception('Cluster'),
      model: model({ clusterCreatorAdmins: [admin()] }),
      findings: [{ resource: 'Cluster', detail: 'Cluster::creator-admin', message: UNSET, level: 'mandatory' }],
    },
  ],
});
