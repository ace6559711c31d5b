/**
 * no-privilege-escalation on the paths pathfinding.cloud lists in its data/paths/aws layout beyond those read at
 * 84dd65c (read in session 49 through the stored index, commits ecc3d09 and a89d537; facts only): iam:PassRole to a
 * service that then runs the holder's code as the role (Batch batch-001, Braket braket-001, EMR emr-001, EMR
 * Serverless emrserverless-001, GameLift gamelift-001, EC2 Image Builder imagebuilder-001, Managed Service for Apache
 * Flink kinesisanalytics-001, HealthOmics omics-001, SSM Automation ssm-003) or hands its credentials to guests
 * (cognitoidentity-001); ECS tasks run from an existing task definition with its task role overridden (ecs-008,
 * ecs-009); and, only on every resource, Batch job submission (batch-002) and CodeDeploy deployments (codedeploy-001).
 * On main each invalid case below gave no finding (fail-open).
 */
import rule from '../../src/rules/no-privilege-escalation.js';
import { allow, model, role } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';
import { PATHFINDING, pathFinding, CONDITIONED, passRoleTo } from './support/escalation-findings.js';

const JOB_ROLES = 'arn:aws:iam::111122223333:role/jobs-*';
const JOB_DEFINITION = 'arn:aws:batch:eu-west-1:111122223333:job-definition/nightly-report:*';
const JOB_QUEUE = 'arn:aws:batch:eu-west-1:111122223333:job-queue/reports';
const APPLICATION = 'arn:aws:codedeploy:eu-west-1:111122223333:application:orders';
const DEPLOYMENT_GROUP = 'arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:orders/orders-prod';
const DEPLOYMENT_CONFIG = 'arn:aws:codedeploy:eu-west-1:111122223333:deploymentconfig:CodeDeployDefault.OneAtATime';
const RESULTS = 'arn:aws:s3:::genomics-results/*';

/** Every action of the new iam:PassRole paths but Batch's (batch:SubmitJob on every job is a path of its own). */
const NEW_PASSROLE_ACTIONS = [
  'braket:CreateJob',
  'cognito-identity:SetIdentityPoolRoles',
  'elasticmapreduce:RunJobFlow',
  'emr-serverless:CreateApplication',
  'emr-serverless:StartJobRun',
  'gamelift:CreateBuild',
  'gamelift:RequestUploadCredentials',
  'gamelift:CreateFleet',
  'imagebuilder:CreateComponent',
  'imagebuilder:CreateImageRecipe',
  'imagebuilder:CreateInfrastructureConfiguration',
  'imagebuilder:CreateImage',
  'kinesisanalytics:CreateApplication',
  'kinesisanalytics:StartApplication',
  'omics:CreateWorkflow',
  'omics:StartRun',
  'ssm:CreateDocument',
  'ssm:StartAutomationExecution',
];

ruleTester(rule, {
  valid: [
    {
      // A scheduler's role on the job definition and queue it runs, a pipeline's on the deployment group it deploys.
      name: 'Batch job submission and CodeDeploy deployments on named resources: their ordinary use',
      model: model({
        identities: [
          role('Scheduler', { policies: [allow('batch:SubmitJob', [JOB_DEFINITION, JOB_QUEUE])] }),
          role('Deployer', {
            policies: [
              allow('codedeploy:CreateDeployment', DEPLOYMENT_GROUP),
              allow('codedeploy:RegisterApplicationRevision', APPLICATION),
              allow('codedeploy:GetDeploymentConfig', DEPLOYMENT_CONFIG),
            ],
          }),
        ],
      }),
    },
    {
      name: 'iam:PassRole only to Lambda beside every action of the new paths: none of their services receives the role',
      model: model({
        identities: [
          role('LambdaPasser', {
            policies: [
              passRoleTo('lambda.amazonaws.com'),
              allow([...NEW_PASSROLE_ACTIONS, 'ecs:RunTask', 'ecs:StartTask']),
              allow(['batch:RegisterJobDefinition', 'batch:SubmitJob'], [JOB_DEFINITION, JOB_QUEUE]),
            ],
          }),
        ],
      }),
    },
    {
      // pathfinding.cloud requires each of these actions: a job definition never submitted, a job run with no
      // application of the holder's, a fleet of a build never uploaded, an image recipe never built, an application
      // never started, a workflow whose credentials the holder cannot read, a document never run, a deployment whose
      // configuration the holder cannot read.
      name: 'each new path missing one of its required actions: no path',
      model: model({
        identities: [
          role('Partial', {
            policies: [
              allow('iam:PassRole'),
              allow([
                'batch:RegisterJobDefinition',
                'emr-serverless:StartJobRun',
                'gamelift:CreateBuild',
                'gamelift:CreateFleet',
                'imagebuilder:CreateComponent',
                'imagebuilder:CreateImageRecipe',
                'imagebuilder:CreateInfrastructureConfiguration',
                'kinesisanalytics:CreateApplication',
                'omics:CreateWorkflow',
                'omics:StartRun',
                'ssm:CreateDocument',
                'codedeploy:CreateDeployment',
                'codedeploy:RegisterApplicationRevision',
              ]),
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'pathfinding.cloud batch-001: iam:PassRole to Batch, a new job definition and a job of it',
      model: model({
        identities: [
          role('BatchAuthor', {
            policies: [
              passRoleTo('batch.amazonaws.com', JOB_ROLES),
              allow(['batch:RegisterJobDefinition', 'batch:SubmitJob'], [JOB_DEFINITION, JOB_QUEUE]),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'BatchAuthor',
          'register an AWS Batch job definition with a privileged job role and submit a job of it',
          `iam:PassRole (BatchAuthorPolicy, on ${JOB_ROLES}), batch:RegisterJobDefinition (BatchAuthorPolicy2, on ${JOB_DEFINITION}, ${JOB_QUEUE}) and batch:SubmitJob (BatchAuthorPolicy2, on ${JOB_DEFINITION}, ${JOB_QUEUE})`,
          'passrole-batch-job',
          `${PATHFINDING}/batch-001`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud batch-002: batch:SubmitJob on every job definition and queue',
      model: model({ identities: [role('AnySubmitter', { policies: [allow('batch:SubmitJob')] })] }),
      findings: [
        pathFinding(
          'AnySubmitter',
          "submit a job of every AWS Batch job definition with its command overridden, run as the definition's job role",
          'batch:SubmitJob (AnySubmitterPolicy)',
          'submit-any-batch-job',
          `${PATHFINDING}/batch-002`,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud braket-001: iam:PassRole and braket:CreateJob',
      model: model({
        identities: [role('QuantumUser', { policies: [allow('iam:PassRole'), allow('braket:CreateJob')] })],
      }),
      findings: [
        pathFinding(
          'QuantumUser',
          'create an Amazon Braket hybrid job that runs its script as a privileged execution role',
          'iam:PassRole (QuantumUserPolicy) and braket:CreateJob (QuantumUserPolicy2)',
          'passrole-braket-job',
          `${PATHFINDING}/braket-001`,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud codedeploy-001: a revision deployed to every deployment group',
      model: model({
        identities: [
          role('AnyDeployer', {
            policies: [
              allow([
                'codedeploy:CreateDeployment',
                'codedeploy:RegisterApplicationRevision',
                'codedeploy:GetDeploymentConfig',
              ]),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'AnyDeployer',
          "deploy a revision of its own to every CodeDeploy deployment group, its hooks run as the instances' role",
          'codedeploy:CreateDeployment (AnyDeployerPolicy), codedeploy:RegisterApplicationRevision (AnyDeployerPolicy) and codedeploy:GetDeploymentConfig (AnyDeployerPolicy)',
          'deploy-any-codedeploy-group',
          `${PATHFINDING}/codedeploy-001`,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud cognitoidentity-001: iam:PassRole to Cognito Identity and the roles of an identity pool',
      model: model({
        identities: [
          role('PoolAdmin', {
            policies: [
              passRoleTo('cognito-identity.amazonaws.com'),
              // The action takes no resource in the Service Authorization Reference: it is allowed on "*" only.
              allow('cognito-identity:SetIdentityPoolRoles'),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'PoolAdmin',
          "make a privileged role an identity pool's unauthenticated role and take its credentials as a guest",
          'iam:PassRole (PoolAdminPolicy) and cognito-identity:SetIdentityPoolRoles (PoolAdminPolicy2)',
          'passrole-cognito-identity-pool',
          `${PATHFINDING}/cognitoidentity-001`,
          CONDITIONED,
        ),
      ],
    },
    {
      // The job flow role is an EC2 instance profile's: a PassRole kept to EC2 still hands it over.
      name: 'pathfinding.cloud emr-001: iam:PassRole to EC2 and elasticmapreduce:RunJobFlow',
      model: model({
        identities: [
          role('ClusterLauncher', {
            policies: [passRoleTo('ec2.amazonaws.com'), allow('elasticmapreduce:RunJobFlow')],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'ClusterLauncher',
          'create an EMR cluster with a privileged instance profile and a step that runs as it',
          'iam:PassRole (ClusterLauncherPolicy) and elasticmapreduce:RunJobFlow (ClusterLauncherPolicy2)',
          'passrole-emr-cluster',
          `${PATHFINDING}/emr-001`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud emrserverless-001: iam:PassRole, a new EMR Serverless application and a job run in it',
      model: model({
        identities: [
          role('SparkUser', {
            policies: [
              allow('iam:PassRole'),
              allow(['emr-serverless:CreateApplication', 'emr-serverless:StartJobRun']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'SparkUser',
          'create an EMR Serverless application and run a job in it as a privileged execution role',
          'iam:PassRole (SparkUserPolicy), emr-serverless:CreateApplication (SparkUserPolicy2) and emr-serverless:StartJobRun (SparkUserPolicy2)',
          'passrole-emr-serverless',
          `${PATHFINDING}/emrserverless-001`,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud ecs-008: iam:PassRole to ECS tasks and ecs:RunTask, no task definition of its own',
      model: model({
        identities: [
          role('TaskRunner', {
            policies: [
              passRoleTo('ecs-tasks.amazonaws.com'),
              allow('ecs:RunTask', 'arn:aws:ecs:eu-west-1:111122223333:task-definition/*'),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'TaskRunner',
          'run an ECS task as a privileged task role, overriding the task role and command of a task definition',
          'iam:PassRole (TaskRunnerPolicy) and ecs:RunTask (TaskRunnerPolicy2, on arn:aws:ecs:eu-west-1:111122223333:task-definition/*)',
          'passrole-ecs-run-task',
          `${PATHFINDING}/ecs-008`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud ecs-009: iam:PassRole to ECS tasks and ecs:StartTask, no task definition of its own',
      model: model({
        identities: [role('TaskPlacer', { policies: [passRoleTo('ecs-tasks.amazonaws.com'), allow('ecs:StartTask')] })],
      }),
      findings: [
        pathFinding(
          'TaskPlacer',
          'start an ECS task on a container instance as a privileged task role, overriding the task role and command of a task definition',
          'iam:PassRole (TaskPlacerPolicy) and ecs:StartTask (TaskPlacerPolicy2)',
          'passrole-ecs-start-task',
          `${PATHFINDING}/ecs-009`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud gamelift-001: iam:PassRole to GameLift, a build uploaded and a fleet of it',
      model: model({
        identities: [
          role('GameOps', {
            policies: [
              passRoleTo('gamelift.amazonaws.com'),
              allow(['gamelift:CreateBuild', 'gamelift:RequestUploadCredentials', 'gamelift:CreateFleet']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'GameOps',
          'upload a GameLift build and create a fleet that runs it with a privileged instance role',
          'iam:PassRole (GameOpsPolicy), gamelift:CreateBuild (GameOpsPolicy2), gamelift:RequestUploadCredentials (GameOpsPolicy2) and gamelift:CreateFleet (GameOpsPolicy2)',
          'passrole-gamelift-fleet',
          `${PATHFINDING}/gamelift-001`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud imagebuilder-001: iam:PassRole, a component, a recipe, an infrastructure configuration and an image',
      model: model({
        identities: [
          role('ImageBaker', {
            policies: [
              allow('iam:PassRole'),
              allow([
                'imagebuilder:CreateComponent',
                'imagebuilder:CreateImageRecipe',
                'imagebuilder:CreateInfrastructureConfiguration',
                'imagebuilder:CreateImage',
              ]),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'ImageBaker',
          'build an EC2 Image Builder image whose component runs on an instance with a privileged instance profile',
          'iam:PassRole (ImageBakerPolicy), imagebuilder:CreateComponent (ImageBakerPolicy2), imagebuilder:CreateImageRecipe (ImageBakerPolicy2), imagebuilder:CreateInfrastructureConfiguration (ImageBakerPolicy2) and imagebuilder:CreateImage (ImageBakerPolicy2)',
          'passrole-imagebuilder',
          `${PATHFINDING}/imagebuilder-001`,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud kinesisanalytics-001: iam:PassRole and a Flink application created and started',
      model: model({
        identities: [
          role('StreamOps', {
            policies: [
              passRoleTo('kinesisanalytics.amazonaws.com'),
              allow(['kinesisanalytics:CreateApplication', 'kinesisanalytics:StartApplication']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'StreamOps',
          'create and start a Managed Service for Apache Flink application that runs as a privileged execution role',
          'iam:PassRole (StreamOpsPolicy), kinesisanalytics:CreateApplication (StreamOpsPolicy2) and kinesisanalytics:StartApplication (StreamOpsPolicy2)',
          'passrole-kinesis-analytics',
          `${PATHFINDING}/kinesisanalytics-001`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud omics-001: iam:PassRole, a workflow created and run, and objects read',
      model: model({
        identities: [
          role('Genomics', {
            policies: [
              passRoleTo('omics.amazonaws.com'),
              allow(['omics:CreateWorkflow', 'omics:StartRun']),
              allow('s3:GetObject', RESULTS),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Genomics',
          "create and run a HealthOmics workflow as a privileged role and read the role's credentials it writes to S3",
          `iam:PassRole (GenomicsPolicy), omics:CreateWorkflow (GenomicsPolicy2), omics:StartRun (GenomicsPolicy2) and s3:GetObject (GenomicsPolicy3, on ${RESULTS})`,
          'passrole-omics-workflow',
          `${PATHFINDING}/omics-001`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud ssm-003: iam:PassRole to SSM, an Automation document and an execution of it',
      model: model({
        identities: [
          role('RunbookAuthor', {
            policies: [passRoleTo('ssm.amazonaws.com'), allow(['ssm:CreateDocument', 'ssm:StartAutomationExecution'])],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'RunbookAuthor',
          'create an SSM Automation document and run it as a privileged automation role',
          'iam:PassRole (RunbookAuthorPolicy), ssm:CreateDocument (RunbookAuthorPolicy2) and ssm:StartAutomationExecution (RunbookAuthorPolicy2)',
          'passrole-ssm-automation',
          `${PATHFINDING}/ssm-003`,
          CONDITIONED,
        ),
      ],
    },
  ],
});
