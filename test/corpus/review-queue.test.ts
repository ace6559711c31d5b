/**
 * The review queue (issue 20) on the AWS regression corpus (test/corpus/aws: templates we wrote from public apps, each
 * naming its source repository, path and commit), audited one app at a time as a new user would, with no catalog: what
 * a reviewer is asked to look at, exactly. Each item is judged here: right (privileged access a reviewer should see),
 * noisy (a real privilege, but the narrow, service-managed kind a reviewer would wave through), wrong (nothing
 * privileged). 46 items: 34 right, 12 noisy, 0 wrong. The noise comes from what the engine calls privileged (service
 * roles' managed policies, actions scoped to one resource), not from the queue.
 *
 * Since session 37 the queue's privileged classification leaves out S3 ACL writes only on the app's own buckets whose
 * ACLs are disabled (no Object Ownership written: S3's BucketOwnerEnforced default), as no-wildcard-privilege and
 * no-unseen-content do (src/iam/aws/s3-acls.ts): three items went, lambda-microvm-s3files' S3FilesAccessRole (judged
 * noisy), and apigw-websocket-api-bedrock-streaming's BedrockBoto3ZipFunctionRole (SAM's S3CrudPolicy on its own
 * BedrockBoto3Bucket) and kinesis-data-stream-firehose-apigw-sam's MyKinesisFirehoseRole (s3:PutObjectAcl on its own
 * MyS3Bucket), which were judged right for their object ACL writes: neither bucket writes Object Ownership, so S3
 * refuses those ACLs and the roles' other S3 actions are no privilege. s3-lambda-resizing-python's ResizerFunctionRole
 * stays: its S3CrudPolicy names the bucket a parameter gives, not the stack's own.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Audit } from '../../src/audit/types.js';
import { runAudit } from '../../src/cli/audit.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = join(REPO, 'test/corpus/aws');
const APPS = readdirSync(CORPUS).filter((file) => file.endsWith('.template.yaml'));

/** `app | kind | identity | mode | first grant` of every item, in queue order; the judgement follows each. */
const EXPECTED = [
  // noisy: the Slack integration reads the one secret of its own stack, named
  'bedrock-cost-explorer-agent | privileged-access | SlackIntegrationLambdaRole | standing | Allow secretsmanager:GetSecretValue on',
  // noisy: AWS Backup's own service-role policy
  'cdk-backup-s3 | privileged-access | Role1ABCC5F0 | standing | managed policy arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
  // right: iam:PassRole on every role (conditioned on the service)
  'cdk-codepipeline-build-deploy | privileged-access | BuildDeployPipelineDeployEcsFargateDeployCodePipelineActionRole054540AB | standing | Allow iam:PassRole on * (conditional)',
  // noisy: the pipeline assumes its own action roles, named one by one
  'cdk-codepipeline-build-deploy | privileged-access | BuildDeployPipelineRole3223E55F | standing | Allow sts:AssumeRole on',
  // noisy: CodeDeploy's service-role policy for ECS
  'cdk-codepipeline-build-deploy | privileged-access | CodeDeployGroupServiceRole50553EBF | standing | managed policy arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS',
  // noisy: the CDK custom resource that closes the default security group, on that group only
  'cdk-codepipeline-build-deploy | privileged-access | CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0 | standing | Allow ec2:AuthorizeSecurityGroupIngress',
  // right: logs:* on everything
  'codecommit-pull-request-approver-demo | privileged-access | CodeBuildRole | standing | Allow logs:*, codecommit:PostCommentForPullRequest',
  // right: s3:* on every bucket
  'pulumi-aws-ts-assume-role | privileged-access | allowS3Management | standing | Allow s3:* on *',
  // right: an IAM user's access key
  'pulumi-aws-ts-assume-role | long-lived-credential | unprivilegedUser | standing | -',
  // right: AWSLambda_FullAccess includes iam:PassRole
  'pulumi-aws-ts-lambda-efs | privileged-access | lambdaRole | standing | managed policy arn:aws:iam::aws:policy/AWSLambda_FullAccess',
  // right: iam:PassRole on every role, with no condition
  'sagemaker-studio-domain-with-vpc | privileged-access | LambdaExecutionRole | standing | Allow iam:PassRole on',
  // right: kms:Decrypt and kms:CreateGrant on every key of the account, for every Studio user
  'sagemaker-studio-domain-with-vpc | privileged-access | SageMakerExecutionRole | standing | Allow kms:CreateGrant, kms:Decrypt',
  // right: AdministratorAccess on a function's role
  'sam-alb-cognito-lambda | privileged-access | MyLambdaFunctionPermission | standing | managed policy arn:aws:iam::aws:policy/AdministratorAccess',
  // right (h99): events:* on its bus includes the bus policy writes: who may put events on it
  'sam-apigw-eventbridge | privileged-access | HttpApiIntegrationEventBridgeRole | standing | Allow events:* on',
  // right: passes one role to a service (scoped, still worth a look)
  'sam-apigw-lambda-opensearch-serverless-nextgen | privileged-access | IndexFunctionRole | standing | Allow iam:PassRole on',
  // right: logs:* on everything
  'sam-apigw-lambda-sfn-transcribe-translate-polly-sam | privileged-access | OrchestratorRole | standing | Allow logs:* on *',
  // right: s3:* on every bucket (its logs:* on its own log groups is not privileged: no resource-scoped logs action is)
  'sam-apigw-lambda-sfn-transcribe-translate-polly-sam | privileged-access | capstone-translator-role | standing | Allow s3:* on *',
  // right: AmazonSageMakerFullAccess on a model's execution role (iam:PassRole, secret reads)
  'sam-apigw-rest-sagemaker | privileged-access | SageMakerExecutionRole | standing | managed policy arn:aws:iam::aws:policy/AmazonSageMakerFullAccess',
  // right: cloudwatch:* and logs:* on everything
  'sam-apigw-sfn | privileged-access | StateMachineExpressSyncRole | standing | Allow cloudwatch:*, logs:* on *',
  // noisy: the authorizer reads the two Basic-auth secrets of its own stack, named one by one
  'sam-apigw-sqs-lambda-ddb | privileged-access | AuthorizerLambdaExecutionRole | standing | Allow secretsmanager:GetSecretValue on',
  // right: iot:* (policies, certificates) on everything
  'sam-apigw-sqs-lambda-iot | privileged-access | APISQSGatewayRole | standing | Allow iot:*, iotjobsdata:* on *',
  'sam-apigw-sqs-lambda-iot | privileged-access | LambdaExecutionRole | standing | Allow iot:*, iotjobsdata:* on *',
  // noisy: the log-delivery statement AWS documents for Step Functions logging (logs:PutResourcePolicy on *)
  'sam-appsync-stepfunctions-express-sync-bedrock-sam | privileged-access | StatesExecutionRole | standing | Allow logs:CreateLogDelivery',
  // right (h99): opens any security group of the account
  'sam-cognito-restapi-vpclink-network | privileged-access | rLambdaFunctionSecurityGroupRole | standing | Allow ec2:CreateSecurityGroup, ec2:AuthorizeSecurityGroupIngress',
  // right (h99): assumes a role in an account a parameter names
  'sam-eventbridge-lambda-fsx-openzfs-cross-account-source | privileged-access | SnapshotLambdaRole | standing | Allow sts:AssumeRole on',
  'sam-eventbridge-pipes-ddbstream-sfn | privileged-access | TargetStateMachineRole | standing | Allow logs:CreateLogDelivery',
  // right: logs:* on everything
  'sam-eventbridge-sfn | privileged-access | EC2StateWatcherRole | standing | Allow logs:* on *',
  // noisy: the authorizer reads the one secret of its own stack, named
  'sam-kinesis-data-stream-firehose-apigw-sam | privileged-access | LambdaAuthorizerFunctionRole | standing | Allow secretsmanager:GetSecretValue on',
  // right: every secret of the account, for each RabbitMQ consumer (shown since h102 by the first of its privileged
  // statements, the secret read SAM's MQ event source writes on the broker's `!Ref SecretARN`)
  'sam-lambda-esm-rabbitmq-filters-sam | privileged-access | MQFunctioIPRole | standing | Allow secretsmanager:GetSecretValue on',
  'sam-lambda-esm-rabbitmq-filters-sam | privileged-access | MQFunctionAndRole | standing | Allow secretsmanager:GetSecretValue on',
  'sam-lambda-esm-rabbitmq-filters-sam | privileged-access | MQFunctionAnythingButRole | standing | Allow secretsmanager:GetSecretValue on',
  'sam-lambda-esm-rabbitmq-filters-sam | privileged-access | MQFunctionNoFilterRole | standing | Allow secretsmanager:GetSecretValue on',
  'sam-lambda-esm-rabbitmq-filters-sam | privileged-access | MQFunctionOrRole | standing | Allow secretsmanager:GetSecretValue on',
  'sam-lambda-esm-rabbitmq-filters-sam | privileged-access | MQFunctionPrefixRole | standing | Allow secretsmanager:GetSecretValue on',
  // right: a secret given as a parameter without a default, so which one is not known
  'sam-lambda-esm-rabbitmq-filters-sam | privileged-access | MQHelperRole | standing | Allow secretsmanager:GetSecretValue on',
  // right: a secret given as a parameter without a default (KiroSecretArn), so which one is not known
  'sam-lambda-microvms-kiro-code-reviewer | privileged-access | MicroVMBuildRole | standing | Allow secretsmanager:GetSecretValue on',
  'sam-lambda-microvms-kiro-code-reviewer | privileged-access | MicroVMExecutionRole | standing | Allow secretsmanager:GetSecretValue on',
  // right: AWSCodeCommitFullAccess for a custom resource that seeds one repository (Git credentials, SSH keys of users)
  'sam-lambda-microvms-kiro-code-reviewer | privileged-access | SeedRepoRole | standing | managed policy arn:aws:iam::aws:policy/AWSCodeCommitFullAccess [credential-access, permissions-management, privilege-escalation] (managed AWSCodeCommitFullAccess)',
  // noisy: reads one secret, under an ABAC condition
  'sam-lambda-secretsmanager-abac | privileged-access | GetSecretFunctionRole | standing | Allow secretsmanager:GetSecretValue on',
  // right (h99): iam:* on everything for an EC2 client instance
  'sam-msk-lambda-iam-python-sam-kafka-client-ec2 | privileged-access | EC2Role | standing | Allow iam:* on *',
  // right: passes the MediaConvert role
  'sam-s3-lambda-mediaconvert | privileged-access | LambdaFunctionRole | standing | Allow iam:PassRole on',
  // right: AmazonS3FullAccess
  'sam-s3-lambda-mediaconvert | privileged-access | MediaConvertRole | standing | managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess',
  // right: object ACL writes (s3:PutObjectAcl) on the destination bucket
  'sam-s3-lambda-resizing-python | privileged-access | ResizerFunctionRole | standing | Allow s3:GetObject, s3:ListBucket',
  // right: passes a role given as a parameter without a default, so which one is not known
  'sam-sfn-ecs-sam | privileged-access | StepFunctionExecutionRole | standing | Allow iam:PassRole on',
  // noisy: the log-delivery statement AWS documents for Step Functions logging
  'sam-sfn-log-export | privileged-access | RoleExportCloudWatchLogsWorkflow | standing | Allow logs:CreateLogDelivery',
  'sam-stepfunctions-httpendpoint-sam | privileged-access | StatesExecutionRole | standing | Allow logs:CreateLogDelivery',
];

describe('the review queue on the AWS corpus', () => {
  it('asks for exactly the judged items, none for the other apps', () => {
    expect(APPS.length).toBeGreaterThanOrEqual(25);
    const lines: string[] = [];
    for (const app of APPS) {
      const result = runAudit({ paths: [join(CORPUS, app)], format: 'json', now: new Date('2026-06-01T00:00:00Z'), cwd: REPO });
      expect(result.errors).toEqual([]);
      const audit = JSON.parse(result.output) as Audit;
      for (const group of audit.review!.owners) {
        // No catalog: nobody owns anything, so one group.
        expect(group.owner).toBe('(no owner)');
        for (const item of group.items) {
          const grant = item.evidence.grants[0];
          const shown = grant === undefined ? '-' : EXPECTED.map((line) => line.split(' | ')[4]!).find((prefix) => prefix !== '-' && grant.startsWith(prefix)) ?? grant;
          lines.push([app.replace('.template.yaml', ''), item.kind, item.identity, item.mode, shown].join(' | '));
          expect(item.reviewers).toEqual(['(no owner)']);
        }
      }
    }
    expect(lines).toEqual(EXPECTED);
  });
});
