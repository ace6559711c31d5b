/**
 * Regression corpus: every AWS managed policy that public example apps attach, judged by its published content (the
 * bundled data) on a workload role under examples/catalog.yaml. Facts only (policy names and where they are used):
 * - aws-samples/aws-cdk-examples@bccff1d2775e4b0bf777721c6b41c0107e122f73 (fromAwsManagedPolicyName and ARNs in
 *   typescript/, python/, java/, csharp/, go/: e.g. typescript/ec2-instance/lib/constructs/server.ts,
 *   java/eks/fargate-cluster/src/main/java/com/amazonaws/cdk/EksFargateStack.java, python/athena-s3-glue/…);
 * - pulumi/examples@40c09b266d44e9975e15289c42cc0c2ad8d14995 (aws.iam.ManagedPolicy values and ARNs: e.g.
 *   aws-cs-eks/EksStack.cs, aws-ts-apigateway/index.ts, aws-ts-serverless-datawarehouse/…, aws-fs-lambda-webserver/…).
 * Each verdict is judged in the comment beside it: right, noisy (true of the content, but the policy is what an AWS
 * service requires of its own service role) or wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { evaluate } from '../../src/engine/index.js';
import { model, role } from '../support/builders.js';

const CATALOG_FILE = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));
const catalog = parseCatalog(readFileSync(CATALOG_FILE, 'utf8'), 'examples/catalog.yaml');
const RULES = new Set(['no-wildcard-privilege', 'no-privilege-escalation', 'policy-validity']);

/** `rule detail` per finding of the three AWS privilege rules for a workload role holding the policy. */
function verdict(path: string): string[] {
  const holder = role('App', {
    tags: { 'identity-class': 'workload' },
    managedPolicies: [`arn:aws:iam::aws:policy/${path}`],
  });
  return evaluate(model({ identities: [holder] }), { catalog, pending: 'fail-closed' })
    .findings.filter((finding) => RULES.has(finding.ruleId))
    .map((finding) => `${finding.ruleId} ${finding.detail}${finding.pending ? ' pending' : ''}`)
    .sort();
}

const wildcard = (name: string) => `no-wildcard-privilege Policy::${name}`;
const path = (name: string) => `no-privilege-escalation Path::${name}`;

/** Policy path -> the findings (none: the content grants nothing privileged). */
const CORPUS: Record<string, string[]> = {
  // Clean by content: logging, tracing, image pulls, agent and data-plane policies (right: nothing privileged).
  'service-role/AWSLambdaBasicExecutionRole': [],
  'service-role/AWSLambdaVPCAccessExecutionRole': [],
  'service-role/AmazonAPIGatewayPushToCloudWatchLogs': [],
  'service-role/AmazonECSTaskExecutionRolePolicy': [],
  'service-role/AmazonEC2ContainerServiceforEC2Role': [],
  'service-role/AmazonEBSCSIDriverPolicy': [],
  'service-role/AmazonRDSEnhancedMonitoringRole': [],
  AWSBackupServiceRolePolicyForS3Backup: [],
  CloudWatchAgentServerPolicy: [],
  AmazonEC2ContainerRegistryPullOnly: [],
  AmazonEC2ContainerRegistryReadOnly: [],
  AmazonElasticContainerRegistryPublicReadOnly: [],
  AmazonEKSFargatePodExecutionRolePolicy: [],
  AmazonEKSVPCResourceController: [],
  AmazonEKS_CNI_Policy: [],
  AmazonEKSWorkerNodePolicy: [],
  AmazonS3ReadOnlyAccess: [],
  AmazonRDSDataFullAccess: [],
  AmazonLexFullAccess: [],
  AmazonKinesisFullAccess: [],
  AmazonAthenaFullAccess: [],
  EC2InstanceProfileForImageBuilder: [],
  EC2InstanceProfileForImageBuilderECRContainerBuilds: [],
  AWSElasticBeanstalkWebTier: [],
  AWSElasticBeanstalkWorkerTier: [],
  AWSElasticBeanstalkMulticontainerDocker: [],
  // Right since parameter reads left the built-in privileged list (they are entitlements; catalog/README.md puts them
  // back for catalogs that keep secrets in Parameter Store): the SSM agent's messaging and parameter reads.
  AmazonSSMManagedInstanceCore: [],
  // Right: administrator access; all of IAM is every escalation path at once.
  AdministratorAccess: [path('*'), wildcard('AdministratorAccess')],
  // Right: bucket policies and ACLs of every bucket.
  AmazonS3FullAccess: [wildcard('AmazonS3FullAccess')],
  // Right: dynamodb:* includes resource policies and Scan/export (the example catalog's payments-bulk-export). Its
  // iam:PassRole reaches only Application Auto Scaling and DAX (iam:PassedToService), so no path opens: the Data
  // Pipeline and Lambda event-source paths reported until session 21 were wrong.
  AmazonDynamoDBFullAccess: [wildcard('AmazonDynamoDBFullAccess')],
  // Right: organizations:RegisterDelegatedAdministrator.
  AmazonInspector2FullAccess: [wildcard('AmazonInspector2FullAccess')],
  // Right: logs:* on "*" includes logs:PutResourcePolicy (Permissions management), which has no resource type.
  CloudWatchLogsFullAccess: [wildcard('CloudWatchLogsFullAccess')],
  // Right since a statement naming resources no longer counts actions AWS cannot scope: AWSLambdaExecute's logs:* is on
  // arn:aws:logs:*:*:*, which never matches the "*" logs:PutResourcePolicy is authorized against (was a wrong finding).
  AWSLambdaExecute: [],
  CloudWatchFullAccess: [wildcard('CloudWatchFullAccess')],
  // Right: queue, topic and event bus permissions (AddPermission, resource policies).
  AmazonSQSFullAccess: [wildcard('AmazonSQSFullAccess')],
  AmazonSNSFullAccess: [wildcard('AmazonSNSFullAccess')],
  AmazonEventBridgeFullAccess: [wildcard('AmazonEventBridgeFullAccess')],
  // Right: ECS full access passes any role to ECS tasks and ecsInstanceRole* roles to EC2. Its iam:PassRole reaches
  // CloudFormation for no role (iam:PassedToService): the CloudFormation path reported until session 21 was wrong.
  // Since h99 also the CodeDeploy variant: it holds codedeploy:CreateDeployment, so it may deploy a task definition
  // it registered with any role passable to ECS tasks. Since session 44 also ECS Exec: ecs:* on "*" opens a shell in
  // every task whose service enabled execute-command, with its task role (right). Its CloudFormation actions name
  // only `stack/Infra-ECS-Cluster-*` stacks, so the change-set path on every stack is rightly not reported. Since
  // session 48 (right): ecs:StartTask with the same roles (pathfinding.cloud ecs-005), and its integrations statement's
  // cloudformation:UpdateStack on "*", which updates every stack as that stack's service role (cloudformation-002).
  // Since session 49 (right): its codedeploy:CreateDeployment, RegisterApplicationRevision and GetDeploymentConfig on
  // "*" deploy a revision of its own to every deployment group, EC2 ones included, whose hooks run as the instances'
  // role (pathfinding.cloud codedeploy-001).
  AmazonECS_FullAccess: [
    path('deploy-any-codedeploy-group'),
    path('ecs-execute-command'),
    path('passrole-ec2'),
    path('passrole-ecs-codedeploy'),
    path('passrole-ecs-run-task'),
    path('passrole-ecs-service'),
    path('passrole-ecs-start-task'),
    path('update-any-cloudformation-stack'),
    wildcard('AmazonECS_FullAccess'),
  ],
  // Noisy: true of the content (security group ingress, network interface permissions, glue:*, PassRole to EC2/ECS),
  // but these are the service roles EKS, Glue and Batch require, trusted by that service only.
  AmazonEKSClusterPolicy: [wildcard('AmazonEKSClusterPolicy')],
  AmazonEKSServicePolicy: [wildcard('AmazonEKSServicePolicy')],
  'service-role/AWSGlueServiceRole': [path('update-glue-dev-endpoint'), wildcard('AWSGlueServiceRole')],
  // Since session 48 also ecs:StartTask with the task roles it may pass (pathfinding.cloud ecs-005): noisy as the others.
  'service-role/AWSBatchServiceRole': [
    path('passrole-ec2'),
    path('passrole-ecs-run-task'),
    path('passrole-ecs-start-task'),
  ],
  // Noisy, the same: AWS Backup's service role shares snapshots (ec2:ModifySnapshotAttribute on every snapshot). Its KMS
  // grants, behind kms:GrantIsForAWSResource "true", no longer count since session 49: only AWS services make them.
  'service-role/AWSBackupServiceRolePolicyForBackup': [wildcard('AWSBackupServiceRolePolicyForBackup')],
  // Right: Pulumi's aws.iam.ManagedPolicy.LambdaFullAccess names AWSLambdaFullAccess, which AWS retired (2021): the
  // data has no such policy, so its content cannot be seen (mandatory, not pending).
  AWSLambdaFullAccess: ['no-wildcard-privilege Policy::arn:aws:iam::aws:policy/AWSLambdaFullAccess'],
};

describe('AWS managed policies used by public example apps: 44 policies; 28 without findings (right), 11 with right findings, 5 noisy, 0 wrong', () => {
  it.each(Object.entries(CORPUS))('%s', (policy, expected) => {
    expect(verdict(policy)).toEqual(expected.slice().sort());
  });
});
