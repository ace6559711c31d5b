/**
 * AWS managed policies the engine knows by name, with the content AWS publishes for them (AWS Managed Policy
 * Reference, default versions as of 2026). Written here as data, so evaluation stays offline and synchronous.
 * Names are unique among AWS managed policies, so the path is recorded only to render the canonical ARN.
 *
 * `adminLevel` marks policies that amount to administering the account: all actions, everything but IAM
 * (PowerUserAccess), all of IAM (which can grant itself the rest), or all of Organizations.
 * Read-only policies whose documents list hundreds of services are known by name without content.
 */

export interface ManagedPolicyData {
  name: string;
  /** Path between `policy/` and the name: '' or `job-function/` or `service-role/`. */
  path: string;
  adminLevel: boolean;
  /** The published document, as JSON; absent for read-only policies known by name only. */
  document?: { Version: string; Statement: Record<string, unknown>[] };
}

const allowAll = (actions: string[]) => ({ Effect: 'Allow', Action: actions, Resource: '*' });
const serviceLinkedRoleFor = (services: string | string[]) => ({
  Effect: 'Allow',
  Action: 'iam:CreateServiceLinkedRole',
  Resource: '*',
  Condition: { StringEquals: { 'iam:AWSServiceName': services } },
});
const version = '2012-10-17';

export const MANAGED_POLICIES: readonly ManagedPolicyData[] = [
  { name: 'AdministratorAccess', path: '', adminLevel: true, document: { Version: version, Statement: [allowAll(['*'])] } },
  {
    name: 'PowerUserAccess',
    path: '',
    adminLevel: true,
    document: {
      Version: version,
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        allowAll([
          'account:GetAccountInformation',
          'account:GetGovCloudAccountInformation',
          'account:GetPrimaryEmail',
          'account:ListRegions',
          'iam:CreateServiceLinkedRole',
          'iam:DeleteServiceLinkedRole',
          'iam:ListRoles',
          'organizations:DescribeEffectivePolicy',
          'organizations:DescribeOrganization',
        ]),
      ],
    },
  },
  {
    name: 'IAMFullAccess',
    path: '',
    adminLevel: true,
    document: {
      Version: version,
      Statement: [
        allowAll([
          'iam:*',
          'organizations:DescribeAccount',
          'organizations:DescribeOrganization',
          'organizations:DescribeOrganizationalUnit',
          'organizations:DescribePolicy',
          'organizations:ListChildren',
          'organizations:ListParents',
          'organizations:ListPoliciesForTarget',
          'organizations:ListRoots',
          'organizations:ListPolicies',
          'organizations:ListTargetsForPolicy',
        ]),
      ],
    },
  },
  {
    name: 'AWSOrganizationsFullAccess',
    path: '',
    adminLevel: true,
    document: {
      Version: version,
      Statement: [
        allowAll(['organizations:*']),
        allowAll(['account:PutAlternateContact', 'account:DeleteAlternateContact', 'account:GetAlternateContact']),
        serviceLinkedRoleFor('organizations.amazonaws.com'),
      ],
    },
  },
  {
    name: 'AmazonS3FullAccess',
    path: '',
    adminLevel: false,
    document: { Version: version, Statement: [allowAll(['s3:*', 's3-object-lambda:*'])] },
  },
  {
    name: 'AmazonEC2FullAccess',
    path: '',
    adminLevel: false,
    document: {
      Version: version,
      Statement: [
        allowAll(['ec2:*']),
        allowAll(['elasticloadbalancing:*']),
        allowAll(['cloudwatch:*']),
        allowAll(['autoscaling:*']),
        serviceLinkedRoleFor([
          'autoscaling.amazonaws.com',
          'ec2scheduled.amazonaws.com',
          'elasticloadbalancing.amazonaws.com',
          'spot.amazonaws.com',
          'spotfleet.amazonaws.com',
          'transitgateway.amazonaws.com',
        ]),
      ],
    },
  },
  {
    name: 'AWSLambda_FullAccess',
    path: '',
    adminLevel: false,
    document: {
      Version: version,
      Statement: [
        allowAll([
          'cloudformation:DescribeStacks',
          'cloudformation:ListStackResources',
          'cloudwatch:ListMetrics',
          'cloudwatch:GetMetricData',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcs',
          'kms:DescribeKey',
          'kms:ListAliases',
          'iam:GetPolicy',
          'iam:GetPolicyVersion',
          'iam:GetRole',
          'iam:GetRolePolicy',
          'iam:ListAttachedRolePolicies',
          'iam:ListRolePolicies',
          'iam:ListRoles',
          'lambda:*',
          'logs:DescribeLogGroups',
          'states:DescribeStateMachine',
          'states:ListStateMachines',
          'tag:GetResources',
          'xray:GetTraceSummaries',
          'xray:BatchGetTraces',
        ]),
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
        {
          Effect: 'Allow',
          Action: ['logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:StartLiveTail', 'logs:StopLiveTail'],
          Resource: 'arn:aws:logs:*:*:log-group:/aws/lambda/*',
        },
        {
          ...serviceLinkedRoleFor('lambda.amazonaws.com'),
          Resource: 'arn:aws:iam::*:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda',
        },
      ],
    },
  },
  {
    name: 'SecretsManagerReadWrite',
    path: '',
    adminLevel: false,
    document: {
      Version: version,
      Statement: [
        allowAll([
          'secretsmanager:*',
          'cloudformation:CreateChangeSet',
          'cloudformation:DescribeChangeSet',
          'cloudformation:DescribeStackResource',
          'cloudformation:DescribeStacks',
          'cloudformation:ExecuteChangeSet',
          'docdb-elastic:GetCluster',
          'docdb-elastic:ListClusters',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcs',
          'kms:DescribeKey',
          'kms:ListAliases',
          'kms:ListKeys',
          'lambda:ListFunctions',
          'rds:DescribeDBClusters',
          'rds:DescribeDBInstances',
          'redshift:DescribeClusters',
          'redshift-serverless:ListWorkgroups',
          'redshift-serverless:GetNamespace',
          'tag:GetResources',
        ]),
        {
          Effect: 'Allow',
          Action: ['lambda:AddPermission', 'lambda:CreateFunction', 'lambda:GetFunction', 'lambda:InvokeFunction', 'lambda:UpdateFunctionConfiguration'],
          Resource: 'arn:aws:lambda:*:*:function:SecretsManager*',
        },
        {
          Effect: 'Allow',
          Action: ['serverlessrepo:CreateCloudFormationChangeSet', 'serverlessrepo:GetApplication'],
          Resource: 'arn:aws:serverlessrepo:*:*:applications/SecretsManager*',
        },
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::awsserverlessrepo-changesets*', 'arn:aws:s3:::secrets-manager-rotation-apps-*/*'] },
        {
          Effect: 'Allow',
          Action: ['cloudformation:TagResource', 'cloudformation:UntagResource'],
          Resource: '*',
          Condition: { StringEquals: { 'cloudformation:CreateAction': ['CreateChangeSet', 'ExecuteChangeSet'] } },
        },
      ],
    },
  },
  {
    name: 'AWSLambdaBasicExecutionRole',
    path: 'service-role/',
    adminLevel: false,
    document: { Version: version, Statement: [allowAll(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])] },
  },
  { name: 'ReadOnlyAccess', path: '', adminLevel: false },
  { name: 'ViewOnlyAccess', path: 'job-function/', adminLevel: false },
  { name: 'SecurityAudit', path: '', adminLevel: false },
];
