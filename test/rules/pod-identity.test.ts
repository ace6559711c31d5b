/**
 * EKS Pod Identity: a role whose trust admits pods.eks.amazonaws.com goes to the pods of whatever service account a
 * Pod Identity association names. Before, such a trust passed as any AWS service's, nothing said which workload the
 * change's association binds the role to, and an association handing pods a role the change does not create passed
 * unseen.
 *
 * - restrict-trust: a Pod Identity trust without conditions naming the namespace and the service account (the session
 *   tags EKS Pod Identity sets) is advisory, naming the workloads the change binds; a value only apply knows under a
 *   pattern operator is pending.
 * - no-unseen-content: an association whose role is none of the change (an ARN, a parameter) is reported.
 * - the audit: the association's workload (cluster, namespace, service account) is shown where the role runs.
 * The same in CloudFormation, Pulumi and Terraform plan JSON.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import { describe, expect, it } from 'vitest';
import type { CfnParameter, CfnResource, CfnTemplate } from '../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { runsOn } from '../../src/audit/trust.js';
import type { Model } from '../../src/model/model.js';
import noUnseen from '../../src/rules/no-unseen-content.js';
import restrictTrust from '../../src/rules/restrict-trust.js';
import { PULUMI_UNKNOWN as UNKNOWN, pulumiResource as resource, pulumiUrn as urn } from '../multicloud/builders.js';
import { findingsOf, ruleTester } from '../support/rule-tester.js';
import { terraformPlan } from '../terraform/support.js';

const trust = (condition?: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      ...(condition ? { Condition: condition } : {}),
    },
  ],
});
/** The trust EKS's user guide shows for one service account of one namespace (pod-id-role.html). */
const PINNED = {
  StringEquals: {
    'aws:RequestTag/kubernetes-namespace': 'payments',
    'aws:RequestTag/kubernetes-service-account': 'api',
  },
};
const TAGS = [
  { Key: 'owner', Value: 'team-payments' },
  { Key: 'identity-class', Value: 'workload' },
];

/** The role `ApiRole` with `roleTrust`, and the association `ApiPods` binding payments/api of cluster prod to `roleArn`. */
function templateModel(
  roleTrust: unknown,
  options: {
    roleArn?: unknown;
    association?: false | Record<string, unknown>;
    parameters?: Record<string, CfnParameter>;
  } = {},
): Model {
  const association: Record<string, CfnResource> =
    options.association === false
      ? {}
      : {
          ApiPods: {
            Type: 'AWS::EKS::PodIdentityAssociation',
            Properties: {
              ClusterName: 'prod',
              Namespace: 'payments',
              ServiceAccount: 'api',
              RoleArn: options.roleArn ?? { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
              ...options.association,
            },
          },
        };
  return modelFromTemplates([
    {
      stack: 'pods',
      template: {
        ...(options.parameters ? { Parameters: options.parameters } : {}),
        Resources: {
          ApiRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: roleTrust, Tags: TAGS } },
          ...association,
        },
      },
    },
  ]);
}

const ANY_WORKLOAD = (missing: string, bound: string, namespace = 'payments', serviceAccount = 'api') =>
  `Role ApiRole trusts EKS Pod Identity (pods.eks.amazonaws.com) without conditions naming ${missing}, so the pods ` +
  'of any service account, in any namespace of any cluster of the account, that a Pod Identity association names ' +
  `can take it, whoever creates the association; ${bound}. Add Condition StringEquals ` +
  `aws:RequestTag/kubernetes-namespace: ${namespace} and aws:RequestTag/kubernetes-service-account: ` +
  `${serviceAccount} (and aws:RequestTag/eks-cluster-arn: <the ARN of the cluster>), the session tags EKS Pod ` +
  'Identity sets, so only that workload can.';
const ALL_MISSING =
  'the cluster (aws:RequestTag/eks-cluster-arn), the namespace (aws:RequestTag/kubernetes-namespace), the service ' +
  'account (aws:RequestTag/kubernetes-service-account)';
const BOUND = 'this change binds it to service account payments/api of cluster prod (ApiPods)';

ruleTester(restrictTrust, {
  valid: [
    {
      name: 'pinned to one namespace and service account, as the EKS user guide shows',
      model: templateModel(trust(PINNED)),
    },
    {
      name: 'pinned to a cluster, a namespace and a family of service accounts',
      model: templateModel(
        trust({
          ArnEquals: { 'aws:SourceArn': 'arn:aws:eks:eu-west-1:111122223333:cluster/prod' },
          StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' },
          StringLike: { 'aws:RequestTag/kubernetes-service-account': 'api-*' },
        }),
      ),
    },
    {
      name: 'a namespace and service account a parameter sets under StringEquals name one workload',
      model: templateModel(
        trust({
          StringEquals: {
            'aws:RequestTag/kubernetes-namespace': { Ref: 'Namespace' },
            'aws:RequestTag/kubernetes-service-account': 'api',
          },
        }),
        { parameters: { Namespace: { Type: 'String' } } },
      ),
    },
  ],
  invalid: [
    {
      name: 'the probe: the trust AWS documents, bound by the change to payments/api of prod',
      model: templateModel(trust()),
      findings: [
        {
          resource: 'ApiRole',
          identity: 'pods/ApiRole',
          detail: 'Condition::aws:RequestTag/kubernetes-namespace',
          message: ANY_WORKLOAD(ALL_MISSING, BOUND),
          level: 'advisory',
        },
      ],
    },
    {
      name: 'no association in the change: which pods hold the role is decided elsewhere',
      model: templateModel(trust(), { association: false }),
      findings: [
        {
          resource: 'ApiRole',
          identity: 'pods/ApiRole',
          detail: 'Condition::aws:RequestTag/kubernetes-namespace',
          message: ANY_WORKLOAD(
            ALL_MISSING,
            'no association of this change binds it, so which pods hold it is decided outside the change',
            '<namespace>',
            '<service account>',
          ),
          level: 'advisory',
        },
      ],
    },
    {
      name: 'the cluster and namespace alone: any service account of the namespace',
      model: templateModel(
        trust({
          StringEquals: {
            'aws:RequestTag/eks-cluster-name': 'prod',
            'aws:RequestTag/kubernetes-namespace': 'payments',
            'aws:SourceAccount': '111122223333',
          },
        }),
      ),
      findings: [
        {
          resource: 'ApiRole',
          identity: 'pods/ApiRole',
          detail: 'Condition::aws:RequestTag/kubernetes-service-account',
          message: ANY_WORKLOAD('the service account (aws:RequestTag/kubernetes-service-account)', BOUND),
          level: 'advisory',
        },
      ],
    },
    {
      name: 'a service account condition of wildcards alone narrows nothing',
      model: templateModel(
        trust({
          StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' },
          StringLike: { 'aws:RequestTag/kubernetes-service-account': '*' },
        }),
      ),
      findings: [
        {
          resource: 'ApiRole',
          identity: 'pods/ApiRole',
          detail: 'Condition::aws:RequestTag/kubernetes-service-account',
          message: ANY_WORKLOAD(
            'the cluster (aws:RequestTag/eks-cluster-arn), the service account (aws:RequestTag/kubernetes-service-account)',
            BOUND,
          ),
          level: 'advisory',
        },
      ],
    },
    {
      name: 'a service account a parameter sets under StringLike may be `*`: pending',
      model: templateModel(
        trust({
          StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' },
          StringLike: { 'aws:RequestTag/kubernetes-service-account': { Ref: 'Account' } },
        }),
        { parameters: { Account: { Type: 'String' } } },
      ),
      findings: [
        {
          resource: 'ApiRole',
          identity: 'pods/ApiRole',
          detail: 'Condition::aws:RequestTag/kubernetes-service-account',
          message:
            'Role ApiRole: EKS Pod Identity condition aws:RequestTag/kubernetes-service-account cannot be verified ' +
            'until apply: the value is Ref Account (parameter without a default).',
          pending: true,
        },
      ],
    },
  ],
});

const UNSEEN = (where: string, what: string) =>
  `${where} is an EKS Pod Identity association that hands the pods of its service account IAM role ${what}, which ` +
  'the change does not create: what that role may do, and who else its trust lets assume it, cannot be seen here, ' +
  'so what the pods get cannot be verified. Create the role in the same change, so its policies and trust are ' +
  'checked, or have the association reviewed and set this rule to advisory in the catalog.';
const OUTSIDE_ARN = 'arn:aws:iam::111122223333:role/shared-s3-reader';

ruleTester(noUnseen, {
  valid: [{ name: "an association naming the change's own role", model: templateModel(trust(PINNED)) }],
  invalid: [
    {
      name: 'an association naming a role by ARN that the change does not create',
      model: templateModel(trust(PINNED), { roleArn: OUTSIDE_ARN }),
      findings: [
        { resource: 'ApiPods', detail: `Unseen::${OUTSIDE_ARN}`, message: UNSEEN('pods/ApiPods', OUTSIDE_ARN) },
      ],
    },
    {
      name: 'an association naming a role a parameter sets',
      model: templateModel(trust(PINNED), {
        roleArn: { Ref: 'RoleArn' },
        parameters: { RoleArn: { Type: 'String' } },
      }),
      findings: [
        {
          resource: 'ApiPods',
          detail: 'Unseen::a role known only at deployment (Ref RoleArn (parameter without a default))',
          message: UNSEEN(
            'pods/ApiPods',
            'a role known only at deployment (Ref RoleArn (parameter without a default))',
          ),
        },
      ],
    },
    {
      name: "a target role in another account the association chains to from the change's own role",
      model: templateModel(trust(PINNED), {
        association: { TargetRoleArn: 'arn:aws:iam::444455556666:role/data-reader' },
      }),
      findings: [
        {
          resource: 'ApiPods',
          detail: 'Unseen::arn:aws:iam::444455556666:role/data-reader',
          message: UNSEEN('pods/ApiPods', 'arn:aws:iam::444455556666:role/data-reader'),
        },
      ],
    },
  ],
});

const POD_TRUST = JSON.stringify(trust());

/** The rule, level, resource and detail of the Pod Identity findings, and the role's runsOn lines in the audit. */
function verdicts(model: Model) {
  const findings = [
    ...findingsOf(restrictTrust, { name: 'trust', model }),
    ...findingsOf(noUnseen, { name: 'unseen', model }),
  ].map((finding) => [finding.ruleId, finding.level, finding.resource.name, finding.detail].join(' '));
  const role = model.identities.find((identity) => identity.kind === 'aws-role' && !identity.external);
  return { findings: findings.sort(), runsOn: role ? runsOn(role) : [] };
}

describe('EKS Pod Identity, the same in every AWS front-end', () => {
  it('CloudFormation: the trust, the workload and an outside role', () => {
    expect(verdicts(templateModel(trust()))).toEqual({
      findings: ['restrict-trust advisory ApiRole Condition::aws:RequestTag/kubernetes-namespace'],
      runsOn: ['eks-pod-identity ApiPods (service account payments/api of cluster prod)'],
    });
    expect(verdicts(templateModel(trust(), { roleArn: OUTSIDE_ARN })).findings).toEqual([
      `no-unseen-content mandatory ApiPods Unseen::${OUTSIDE_ARN}`,
      'restrict-trust advisory ApiRole Condition::aws:RequestTag/kubernetes-namespace',
    ]);
  });

  it('Pulumi: aws.eks.PodIdentityAssociation, a cluster name known only at apply shown as such', () => {
    const role = resource('aws:iam/role:Role', 'api-role', { assumeRolePolicy: POD_TRUST, arn: UNKNOWN });
    const model = modelFromPulumiResources([
      role,
      resource(
        'aws:eks/podIdentityAssociation:PodIdentityAssociation',
        'api-pods',
        { clusterName: UNKNOWN, namespace: 'payments', serviceAccount: 'api', roleArn: UNKNOWN },
        { roleArn: [role.urn], clusterName: [urn('aws:eks/cluster:Cluster', 'prod')] },
      ),
      resource('aws:eks/podIdentityAssociation:PodIdentityAssociation', 'shared-pods', {
        clusterName: 'prod',
        namespace: 'payments',
        serviceAccount: 'reader',
        roleArn: OUTSIDE_ARN,
      }),
    ]);
    const { findings, runsOn: lines } = verdicts(model);
    expect(findings).toEqual([
      `no-unseen-content mandatory shared-pods Unseen::${OUTSIDE_ARN}`,
      'restrict-trust advisory api-role Condition::aws:RequestTag/kubernetes-namespace',
    ]);
    expect(lines).toEqual([
      'eks-pod-identity api-pods (service account payments/api of cluster <api-pods.clusterName (output of ' +
        'aws:eks/cluster:Cluster prod) is not known until apply>)',
    ]);
  });

  it('Terraform plan JSON: aws_eks_pod_identity_association, by address', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_iam_role.api',
          values: { name: 'api', assume_role_policy: POD_TRUST },
          unknown: { arn: true, id: true },
        },
        {
          address: 'aws_eks_pod_identity_association.api',
          values: { cluster_name: 'prod', namespace: 'payments', service_account: 'api' },
          unknown: { role_arn: true, association_arn: true },
          references: { role_arn: ['aws_iam_role.api.arn', 'aws_iam_role.api'] },
        },
        {
          address: 'aws_eks_pod_identity_association.shared',
          values: { cluster_name: 'prod', namespace: 'payments', service_account: 'reader', role_arn: OUTSIDE_ARN },
          unknown: { association_arn: true },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(verdicts(model)).toEqual({
      findings: [
        `no-unseen-content mandatory aws_eks_pod_identity_association.shared Unseen::${OUTSIDE_ARN}`,
        'restrict-trust advisory aws_iam_role.api Condition::aws:RequestTag/kubernetes-namespace',
      ],
      runsOn: ['eks-pod-identity aws_eks_pod_identity_association.api (service account payments/api of cluster prod)'],
    });
  });

  it('Terraform plan JSON: a role_arn only apply knows, from no role of the plan (a data source read at apply)', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_eks_pod_identity_association.api',
          values: { cluster_name: 'prod', namespace: 'payments', service_account: 'api' },
          unknown: { role_arn: true, association_arn: true },
          references: { role_arn: ['data.aws_iam_role.shared.arn', 'data.aws_iam_role.shared'] },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(findingsOf(noUnseen, { name: 'unseen', model }).map((finding) => finding.detail)).toEqual([
      'Unseen::a role known only at deployment (aws_eks_pod_identity_association.api.role_arn is not known until ' +
        'apply (from data.aws_iam_role.shared.arn, data.aws_iam_role.shared))',
    ]);
  });

  it("the CDK's eks.ServiceAccount with identityType POD_IDENTITY: its role and association, as synthesized", () => {
    const app = new App();
    const stack = new Stack(app, 'Pods', { env: { account: '111122223333', region: 'eu-west-1' } });
    const cluster = eks.Cluster.fromClusterAttributes(stack, 'Cluster', {
      clusterName: 'prod',
      kubectlRoleArn: 'arn:aws:iam::111122223333:role/kubectl',
    });
    new eks.ServiceAccount(stack, 'Api', {
      cluster,
      name: 'api',
      namespace: 'payments',
      identityType: eks.IdentityType.POD_IDENTITY,
    });
    const template = app.synth().getStackByName('Pods').template as CfnTemplate;
    const model = modelFromTemplates([{ stack: 'Pods', template }]);
    expect(verdicts(model)).toEqual({
      findings: [
        // The kubectl provider's nested stack is fetched at deploy time (as for every imported cluster's manifest):
        // pending, so advisory without the CLI's fail-closed gate.
        expect.stringMatching(/^no-unseen-content advisory .*KubectlProvider.* Unseen::https:/),
        'restrict-trust advisory ApiRoleDE7A08EC Condition::aws:RequestTag/kubernetes-namespace',
      ],
      runsOn: ['eks-pod-identity ApiAssociation3E5F5C0B (service account payments/api of cluster prod)'],
    });
  });
});
