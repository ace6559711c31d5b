/**
 * Documented AWS IAM privilege-escalation paths: sets of actions that, held together by one identity, let it
 * obtain permissions it was not granted. Facts come from Rhino Security Labs' original research, DataDog's
 * pathfinding.cloud (required permissions only, not the discovery helpers it lists as "additional") and
 * salesforce/cloudsplaining's PRIVILEGE_ESCALATION_METHODS; a path those omit but that swaps one documented step for
 * another AWS documents as doing the same (CodeDeploy deploying a task definition in place of ecs:CreateService) cites
 * the AWS pages for each step. Paths that are strict supersets of a listed path
 * (pathfinding.cloud iam-003, iam-014…iam-021, ecs-001/002, ecs-004/005, ecs-007, lambda-004/005, bedrock-005,
 * batch-003) are left out: the smaller path already reports them. ecs-004 and ecs-005 register a task definition before
 * ecs:RunTask or ecs:StartTask, which ecs-008 and ecs-009 show is not needed (overrides name the task role and command
 * of an existing one); ecs-007 registers a container instance before ecs-009's ecs:StartTask; batch-003 creates the
 * compute environment and job queue batch-001 submits to. lambda-004 and lambda-005 add to lambda-003's lambda:UpdateFunctionCode a way to invoke the
 * function at once (lambda:InvokeFunction, or lambda:AddPermission to let itself invoke it): update-lambda-code reports
 * them. bedrock-005 creates an AgentCore harness (bedrock-agentcore:CreateHarness, and GetAgentRuntime) on top of
 * bedrock-003's actions, since a harness creates its runtime through them: passrole-agentcore-runtime reports it.
 */

export interface EscalationPath {
  /** Stable kebab-case id; findings carry it as `Path::<id>`. */
  id: string;
  /** What the holder does, in a few words. */
  title: string;
  /** Every action must be allowed for the identity, on some resource. */
  actions: readonly string[];
  /**
   * Set when the path only exists on every resource: on a named instance or role these actions are ordinary
   * access (running a command on one instance, assuming one role), on every one they reach every privileged one.
   * "Every" is every ARN, in any account and region, of the resource types each action acts on: its required types in
   * the Service Authorization Reference (resource-scope.ts coversEveryResource), and those `actsOn` adds.
   */
  onAllResources?: true;
  /**
   * For an onAllResources path whose action acts on resources the Service Authorization Reference lists as optional:
   * by action, those resource types (the reference's own names), of which the path also needs every resource of one.
   * ssm:SendCommand requires only a document but runs on instances: every document on one instance is no path.
   */
  actsOn?: Readonly<Record<string, readonly [string, ...string[]]>>;
  /**
   * For a path through iam:PassRole: the service principals that receive the role (the iam:PassedToService values
   * its requests carry). A grant whose iam:PassedToService condition admits none of them does not open the path.
   * Where a path hands roles to more than one service, each is listed.
   */
  passedTo?: readonly [string, ...string[]];
  /**
   * Set for a path through compute that already runs as a role (its code replaced): the kind of compute. The path
   * leads only where the role the compute runs as is privileged, so a grant that names only compute of the change
   * whose role is not opens nothing; compute outside the change, or named by a pattern, keeps the path open.
   */
  runsAs?: 'lambda';
  /**
   * Set for a path through credentials of another user: on the caller's own user alone (`user/${aws:username}`, the
   * IAM User Guide's "manage their own credentials" example) it mints or resets the caller's own credentials, which
   * carry no permission the caller lacks.
   */
  othersCredentials?: true;
  /** Where the path is documented, the most specific write-up first (findings cite it): at least one. */
  sources: readonly [string, ...string[]];
}

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const CLOUDSPLAINING = 'https://github.com/salesforce/cloudsplaining/blob/master/cloudsplaining/shared/constants.py';
const pathfinding = (id: string) => `https://pathfinding.cloud/paths/${id}`;
/** How AgentCore hands an execution role's credentials to the microVM of a runtime, code interpreter or browser. */
const AGENTCORE_CREDENTIALS =
  'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-credentials-management.html';

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  // Permissions on policies: rewrite or attach a policy the identity already holds.
  {
    id: 'create-policy-version',
    title: 'create a new default version of a policy it holds',
    actions: ['iam:CreatePolicyVersion'],
    sources: [pathfinding('iam-001'), RHINO],
  },
  {
    id: 'set-default-policy-version',
    title: 'switch a policy it holds to a more permissive existing version',
    actions: ['iam:SetDefaultPolicyVersion'],
    sources: [RHINO, CLOUDSPLAINING],
  },
  {
    id: 'attach-user-policy',
    title: 'attach any managed policy (AdministratorAccess) to a user',
    actions: ['iam:AttachUserPolicy'],
    sources: [pathfinding('iam-008'), RHINO],
  },
  {
    id: 'attach-group-policy',
    title: 'attach any managed policy to a group',
    actions: ['iam:AttachGroupPolicy'],
    sources: [pathfinding('iam-010'), RHINO],
  },
  {
    id: 'attach-role-policy',
    title: 'attach any managed policy to a role',
    actions: ['iam:AttachRolePolicy'],
    sources: [pathfinding('iam-009'), RHINO],
  },
  {
    id: 'put-user-policy',
    title: 'write an inline policy on a user',
    actions: ['iam:PutUserPolicy'],
    sources: [pathfinding('iam-007'), RHINO],
  },
  {
    id: 'put-group-policy',
    title: 'write an inline policy on a group',
    actions: ['iam:PutGroupPolicy'],
    sources: [pathfinding('iam-011'), RHINO],
  },
  {
    id: 'put-role-policy',
    title: 'write an inline policy on a role',
    actions: ['iam:PutRolePolicy'],
    sources: [pathfinding('iam-005'), RHINO],
  },
  {
    id: 'add-user-to-group',
    title: 'add a user to a more privileged group',
    actions: ['iam:AddUserToGroup'],
    sources: [pathfinding('iam-013'), RHINO],
  },

  // Credentials and trust of other principals.
  {
    id: 'create-access-key',
    title: 'mint an access key for another user',
    actions: ['iam:CreateAccessKey'],
    othersCredentials: true,
    sources: [pathfinding('iam-002'), RHINO],
  },
  {
    id: 'create-login-profile',
    title: 'give another user a console password',
    actions: ['iam:CreateLoginProfile'],
    othersCredentials: true,
    sources: [pathfinding('iam-004'), RHINO],
  },
  {
    id: 'update-login-profile',
    title: "reset another user's console password",
    actions: ['iam:UpdateLoginProfile'],
    othersCredentials: true,
    sources: [pathfinding('iam-006'), RHINO],
  },
  // Rhino pairs it with sts:AssumeRole; pathfinding.cloud shows a trust policy naming the caller's ARN needs no
  // sts:AssumeRole permission in the same account, so the trust update alone is the path.
  {
    id: 'update-assume-role-policy',
    title: 'rewrite the trust policy of a privileged role to assume it',
    actions: ['iam:UpdateAssumeRolePolicy'],
    sources: [pathfinding('iam-012'), RHINO],
  },
  {
    id: 'assume-any-role',
    title: 'assume every role whose trust admits this account',
    actions: ['sts:AssumeRole'],
    onAllResources: true,
    sources: [pathfinding('sts-001')],
  },

  // iam:PassRole to a service the identity controls: the service then acts with the passed role.
  {
    id: 'passrole-ec2',
    title: 'launch an EC2 instance with a privileged instance profile',
    actions: ['iam:PassRole', 'ec2:RunInstances'],
    passedTo: ['ec2.amazonaws.com'],
    sources: [pathfinding('ec2-001'), RHINO],
  },
  {
    id: 'passrole-ec2-spot',
    title: 'request a spot instance with a privileged instance profile',
    actions: ['iam:PassRole', 'ec2:RequestSpotInstances'],
    passedTo: ['ec2.amazonaws.com'],
    sources: [pathfinding('ec2-003')],
  },
  {
    id: 'passrole-lambda-invoke',
    title: 'create a Lambda function with a privileged role and invoke it',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
    passedTo: ['lambda.amazonaws.com'],
    sources: [pathfinding('lambda-001'), RHINO],
  },
  {
    id: 'passrole-lambda-event-source',
    title: 'create a Lambda function with a privileged role and trigger it from an event source',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
    passedTo: ['lambda.amazonaws.com'],
    sources: [pathfinding('lambda-002'), RHINO],
  },
  {
    id: 'passrole-lambda-add-permission',
    title: 'create a Lambda function with a privileged role and let itself invoke it',
    actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'],
    passedTo: ['lambda.amazonaws.com'],
    sources: [pathfinding('lambda-006')],
  },
  {
    id: 'passrole-cloudformation',
    title: 'create a CloudFormation stack that runs as a privileged role',
    actions: ['iam:PassRole', 'cloudformation:CreateStack'],
    passedTo: ['cloudformation.amazonaws.com'],
    sources: [pathfinding('cloudformation-001'), RHINO],
  },
  {
    // A self-managed stack set runs through its administration role, which iam:PassRole hands to CloudFormation; that
    // role assumes the execution role in each target account, and stack instances deploy the holder's template there.
    id: 'passrole-cloudformation-stack-set',
    title: 'create a CloudFormation stack set and deploy its instances through a privileged administration role',
    actions: ['iam:PassRole', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'],
    passedTo: ['cloudformation.amazonaws.com'],
    sources: [
      pathfinding('cloudformation-003'),
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-prereqs.html',
    ],
  },
  {
    // An update passes the administration role again, and redeploys the holder's template to the existing instances.
    id: 'passrole-cloudformation-update-stack-set',
    title: "rewrite the template of a CloudFormation stack set and deploy it through the stack set's privileged roles",
    actions: ['iam:PassRole', 'cloudformation:UpdateStackSet'],
    passedTo: ['cloudformation.amazonaws.com'],
    sources: [pathfinding('cloudformation-004')],
  },
  {
    id: 'passrole-glue-dev-endpoint',
    title: 'create a Glue development endpoint with a privileged role',
    actions: ['iam:PassRole', 'glue:CreateDevEndpoint'],
    passedTo: ['glue.amazonaws.com'],
    sources: [pathfinding('glue-001'), RHINO],
  },
  {
    id: 'passrole-glue-job',
    title: 'create and run a Glue job with a privileged role',
    actions: ['iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'],
    passedTo: ['glue.amazonaws.com'],
    sources: [pathfinding('glue-003')],
  },
  {
    // A trigger started on creation (a schedule or on demand) runs the job: no glue:StartJobRun needed.
    id: 'passrole-glue-job-trigger',
    title: 'create a Glue job with a privileged role and a trigger that runs it',
    actions: ['iam:PassRole', 'glue:CreateJob', 'glue:CreateTrigger'],
    passedTo: ['glue.amazonaws.com'],
    sources: [pathfinding('glue-004')],
  },
  {
    // An existing job given a privileged role and the holder's script.
    id: 'passrole-glue-update-job',
    title: 'give a Glue job a privileged role and its own script, and run it',
    actions: ['iam:PassRole', 'glue:UpdateJob', 'glue:StartJobRun'],
    passedTo: ['glue.amazonaws.com'],
    sources: [pathfinding('glue-005')],
  },
  {
    id: 'passrole-glue-update-job-trigger',
    title: 'give a Glue job a privileged role and its own script, and a trigger that runs it',
    actions: ['iam:PassRole', 'glue:UpdateJob', 'glue:CreateTrigger'],
    passedTo: ['glue.amazonaws.com'],
    sources: [pathfinding('glue-006')],
  },
  {
    id: 'passrole-glue-session',
    title: 'start a Glue interactive session with a privileged role and run code in it',
    actions: ['iam:PassRole', 'glue:CreateSession', 'glue:RunStatement'],
    passedTo: ['glue.amazonaws.com'],
    sources: [pathfinding('glue-007')],
  },
  {
    id: 'passrole-datapipeline',
    title: 'define and activate a Data Pipeline that runs as a privileged role',
    actions: [
      'iam:PassRole',
      'datapipeline:CreatePipeline',
      'datapipeline:PutPipelineDefinition',
      'datapipeline:ActivatePipeline',
    ],
    // The pipeline role (Data Pipeline, and EMR for EMR activities) and the resource role of the instances it launches.
    passedTo: ['datapipeline.amazonaws.com', 'elasticmapreduce.amazonaws.com', 'ec2.amazonaws.com'],
    sources: [pathfinding('datapipeline-001'), RHINO],
  },
  {
    id: 'passrole-codebuild',
    title: 'create and start a CodeBuild project with a privileged service role',
    actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'],
    passedTo: ['codebuild.amazonaws.com'],
    sources: [pathfinding('codebuild-001')],
  },
  {
    id: 'passrole-codebuild-batch',
    title: 'create a CodeBuild project with a privileged service role and start a build batch of it',
    actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuildBatch'],
    passedTo: ['codebuild.amazonaws.com'],
    sources: [pathfinding('codebuild-004')],
  },
  {
    // ecs:RunTask takes overrides: an existing task definition runs with the task role and container command the
    // caller names, so no task definition of its own is needed (ecs-008); registering one (ecs-004) is the same path.
    id: 'passrole-ecs-run-task',
    title: 'run an ECS task as a privileged task role, overriding the task role and command of a task definition',
    actions: ['iam:PassRole', 'ecs:RunTask'],
    passedTo: ['ecs-tasks.amazonaws.com'],
    sources: [pathfinding('ecs-008'), pathfinding('ecs-004')],
  },
  {
    id: 'passrole-ecs-service',
    title: 'register an ECS task definition with a privileged task role and run it as a service',
    actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'],
    passedTo: ['ecs-tasks.amazonaws.com'],
    sources: [pathfinding('ecs-003')],
  },
  {
    // ecs:StartTask places the task on container instances the caller names (EC2 launch type), where ecs:RunTask lets
    // ECS place it; it takes the same overrides (ecs-009), so a task definition of its own (ecs-005) is not needed.
    // Registering the instance first (ecs-007, ecs:RegisterContainerInstance) is this path with one more action.
    id: 'passrole-ecs-start-task',
    title:
      'start an ECS task on a container instance as a privileged task role, overriding the task role and command of a task definition',
    actions: ['iam:PassRole', 'ecs:StartTask'],
    passedTo: ['ecs-tasks.amazonaws.com'],
    sources: [pathfinding('ecs-009'), pathfinding('ecs-005')],
  },
  {
    // pathfinding ecs-003 with CodeDeploy in place of ecs:CreateService: an ECS blue/green deployment's AppSpec names
    // the task definition to run (its TaskDefinition ARN), and CodeDeploy starts it as the group's service's new task
    // set, so the tasks run the holder's containers as whatever task role it registered. CDK's EcsDeployAction grants
    // exactly these to its action role.
    id: 'passrole-ecs-codedeploy',
    title: 'register an ECS task definition with a privileged task role and deploy it with CodeDeploy',
    actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'codedeploy:CreateDeployment'],
    passedTo: ['ecs-tasks.amazonaws.com'],
    sources: [
      'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html',
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html',
      pathfinding('ecs-003'),
    ],
  },
  {
    id: 'passrole-sagemaker-notebook',
    title: 'create a SageMaker notebook instance with a privileged execution role',
    actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance'],
    passedTo: ['sagemaker.amazonaws.com'],
    sources: [pathfinding('sagemaker-001')],
  },
  {
    id: 'passrole-sagemaker-training-job',
    title: 'create a SageMaker training job that runs its code as a privileged execution role',
    actions: ['iam:PassRole', 'sagemaker:CreateTrainingJob'],
    passedTo: ['sagemaker.amazonaws.com'],
    sources: [pathfinding('sagemaker-002')],
  },
  {
    id: 'passrole-sagemaker-processing-job',
    title: 'create a SageMaker processing job that runs its code as a privileged execution role',
    actions: ['iam:PassRole', 'sagemaker:CreateProcessingJob'],
    passedTo: ['sagemaker.amazonaws.com'],
    sources: [pathfinding('sagemaker-003')],
  },
  {
    id: 'passrole-apprunner',
    title: 'create an App Runner service with a privileged instance role',
    actions: ['iam:PassRole', 'apprunner:CreateService'],
    // The instance role the service's code runs as, and the access role that pulls its image.
    passedTo: ['tasks.apprunner.amazonaws.com', 'build.apprunner.amazonaws.com'],
    sources: [pathfinding('apprunner-001')],
  },
  {
    // The job role (jobRoleArn) of a job definition the holder registers; the job's container runs its command with
    // that role's credentials. Creating a compute environment and job queue as well (batch-003) is this path with two
    // more actions.
    id: 'passrole-batch-job',
    title: 'register an AWS Batch job definition with a privileged job role and submit a job of it',
    actions: ['iam:PassRole', 'batch:RegisterJobDefinition', 'batch:SubmitJob'],
    // Batch receives the role; its Fargate and EC2 containers run as it through ECS tasks.
    passedTo: ['batch.amazonaws.com', 'ecs-tasks.amazonaws.com'],
    sources: [pathfinding('batch-001')],
  },
  {
    id: 'passrole-braket-job',
    title: 'create an Amazon Braket hybrid job that runs its script as a privileged execution role',
    actions: ['iam:PassRole', 'braket:CreateJob'],
    passedTo: ['braket.amazonaws.com'],
    sources: [pathfinding('braket-001')],
  },
  {
    // The unauthenticated role of an identity pool is handed to whoever asks the pool, without signing in.
    id: 'passrole-cognito-identity-pool',
    title: "make a privileged role an identity pool's unauthenticated role and take its credentials as a guest",
    actions: ['iam:PassRole', 'cognito-identity:SetIdentityPoolRoles'],
    passedTo: ['cognito-identity.amazonaws.com'],
    sources: [pathfinding('cognitoidentity-001')],
  },
  {
    // A step given at creation runs on the cluster's nodes, whose instance profile (the job flow role) it names.
    id: 'passrole-emr-cluster',
    title: 'create an EMR cluster with a privileged instance profile and a step that runs as it',
    actions: ['iam:PassRole', 'elasticmapreduce:RunJobFlow'],
    // The service role and the nodes' instance profile role, both passed with the request.
    passedTo: ['elasticmapreduce.amazonaws.com', 'ec2.amazonaws.com'],
    sources: [pathfinding('emr-001')],
  },
  {
    id: 'passrole-emr-serverless',
    title: 'create an EMR Serverless application and run a job in it as a privileged execution role',
    actions: ['iam:PassRole', 'emr-serverless:CreateApplication', 'emr-serverless:StartJobRun'],
    passedTo: ['emr-serverless.amazonaws.com'],
    sources: [pathfinding('emrserverless-001')],
  },
  {
    // The fleet's instance role reaches the game server's processes through a shared credentials file.
    id: 'passrole-gamelift-fleet',
    title: 'upload a GameLift build and create a fleet that runs it with a privileged instance role',
    actions: ['iam:PassRole', 'gamelift:CreateBuild', 'gamelift:RequestUploadCredentials', 'gamelift:CreateFleet'],
    passedTo: ['gamelift.amazonaws.com'],
    sources: [pathfinding('gamelift-001')],
  },
  {
    // A component's commands run on the build instance, which has the infrastructure configuration's instance profile.
    id: 'passrole-imagebuilder',
    title: 'build an EC2 Image Builder image whose component runs on an instance with a privileged instance profile',
    actions: [
      'iam:PassRole',
      'imagebuilder:CreateComponent',
      'imagebuilder:CreateImageRecipe',
      'imagebuilder:CreateInfrastructureConfiguration',
      'imagebuilder:CreateImage',
    ],
    passedTo: ['ec2.amazonaws.com', 'imagebuilder.amazonaws.com'],
    sources: [pathfinding('imagebuilder-001')],
  },
  {
    // Managed Service for Apache Flink: the v2 API is authorized by kinesisanalytics actions.
    id: 'passrole-kinesis-analytics',
    title: 'create and start a Managed Service for Apache Flink application that runs as a privileged execution role',
    actions: ['iam:PassRole', 'kinesisanalytics:CreateApplication', 'kinesisanalytics:StartApplication'],
    passedTo: ['kinesisanalytics.amazonaws.com'],
    sources: [pathfinding('kinesisanalytics-001')],
  },
  {
    // A workflow task cannot reach the internet but can write to S3: it leaves the role's credentials in a bucket the
    // holder reads.
    id: 'passrole-omics-workflow',
    title: "create and run a HealthOmics workflow as a privileged role and read the role's credentials it writes to S3",
    actions: ['iam:PassRole', 'omics:CreateWorkflow', 'omics:StartRun', 's3:GetObject'],
    passedTo: ['omics.amazonaws.com'],
    sources: [pathfinding('omics-001')],
  },
  {
    // An Automation document's aws:executeScript step runs its Python with the AutomationAssumeRole's credentials.
    id: 'passrole-ssm-automation',
    title: 'create an SSM Automation document and run it as a privileged automation role',
    actions: ['iam:PassRole', 'ssm:CreateDocument', 'ssm:StartAutomationExecution'],
    passedTo: ['ssm.amazonaws.com'],
    sources: [pathfinding('ssm-003')],
  },
  // Bedrock AgentCore runs a runtime, a custom code interpreter and a custom browser in a microVM whose metadata
  // service hands the execution role's credentials to whatever runs there (AGENTCORE_CREDENTIALS): code run in one,
  // a shell command or a page's script, can read them.
  {
    id: 'passrole-agentcore-code-interpreter',
    title: 'create an AgentCore code interpreter with a privileged execution role and run code in it',
    actions: [
      'iam:PassRole',
      'bedrock-agentcore:CreateCodeInterpreter',
      'bedrock-agentcore:StartCodeInterpreterSession',
      'bedrock-agentcore:InvokeCodeInterpreter',
    ],
    passedTo: ['bedrock-agentcore.amazonaws.com'],
    sources: [pathfinding('bedrock-001'), AGENTCORE_CREDENTIALS],
  },
  {
    id: 'passrole-agentcore-runtime',
    title: 'create an AgentCore runtime with a privileged execution role and run a shell command in it',
    actions: [
      'iam:PassRole',
      'bedrock-agentcore:CreateAgentRuntime',
      'bedrock-agentcore:CreateAgentRuntimeEndpoint',
      'bedrock-agentcore:CreateWorkloadIdentity',
      'bedrock-agentcore:InvokeAgentRuntimeCommand',
    ],
    passedTo: ['bedrock-agentcore.amazonaws.com'],
    sources: [pathfinding('bedrock-003'), AGENTCORE_CREDENTIALS],
  },
  {
    id: 'passrole-agentcore-browser',
    title: "create an AgentCore browser with a privileged execution role and read the role's credentials through it",
    actions: [
      'iam:PassRole',
      'bedrock-agentcore:CreateBrowser',
      'bedrock-agentcore:StartBrowserSession',
      'bedrock-agentcore:ConnectBrowserAutomationStream',
    ],
    passedTo: ['bedrock-agentcore.amazonaws.com'],
    sources: [pathfinding('bedrock-006'), AGENTCORE_CREDENTIALS],
  },

  // Code or access on compute that already runs as a privileged role.
  {
    id: 'update-lambda-code',
    title: 'replace the code of a Lambda function that runs as a privileged role',
    actions: ['lambda:UpdateFunctionCode'],
    runsAs: 'lambda',
    sources: [pathfinding('lambda-003'), RHINO],
  },
  {
    // StartBuild takes a buildspec override: the build runs the caller's commands as the project's service role. On
    // one named project that is the pipeline's ordinary use; on every project it reaches the most privileged one.
    id: 'start-any-codebuild-build',
    title: "start every CodeBuild project with its buildspec overridden and run commands as the project's role",
    actions: ['codebuild:StartBuild'],
    onAllResources: true,
    sources: [pathfinding('codebuild-002')],
  },
  {
    id: 'start-any-codebuild-build-batch',
    title: "start a build batch of every CodeBuild project with its buildspec overridden, as the project's role",
    actions: ['codebuild:StartBuildBatch'],
    onAllResources: true,
    sources: [pathfinding('codebuild-003')],
  },
  {
    // A new image, start command or source repository redeploys the service, whose code then runs as its instance
    // role. On one named service that is its deployment pipeline's ordinary use; on every one it reaches the most
    // privileged instance role among them.
    id: 'update-any-apprunner-service',
    title: "redeploy every App Runner service with code of its choosing, running as the service's instance role",
    actions: ['apprunner:UpdateService'],
    onAllResources: true,
    sources: [pathfinding('apprunner-002')],
  },
  {
    // As for change sets below: an update of a stack runs as the stack's service role, which the caller need not be
    // allowed to pass. On named stacks it is the deployment's ordinary use.
    id: 'update-any-cloudformation-stack',
    title: "update every CloudFormation stack with a template of its choosing, deployed as the stack's service role",
    actions: ['cloudformation:UpdateStack'],
    onAllResources: true,
    sources: [
      pathfinding('cloudformation-002'),
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html',
    ],
  },
  {
    // A stack's service role serves every operation on the stack: AWS documents that a user who may operate on the
    // stack uses its role even without permission to pass it. A change set on every stack reaches the most privileged
    // role; on named stacks it is the deployment's ordinary use.
    id: 'execute-any-cloudformation-change-set',
    title: "create and execute a change set on every CloudFormation stack, deployed as the stack's service role",
    actions: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'],
    onAllResources: true,
    sources: [
      pathfinding('cloudformation-005'),
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html',
    ],
  },
  {
    // User data replaced while the instance is stopped runs at its next start (cloud-init told to run it every boot),
    // with the instance profile's role credentials at the metadata service.
    id: 'modify-any-ec2-user-data',
    title: "rewrite the user data of every EC2 instance and restart it, running its commands as the instance's role",
    actions: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'],
    onAllResources: true,
    sources: [pathfinding('ec2-002'), CLOUDSPLAINING],
  },
  {
    // A new version of a launch template keeps its instance profile and takes the holder's user data; made the
    // default, every instance launched from the template (an Auto Scaling group's next one) runs it as the profile's
    // role. No iam:PassRole: the profile is already the template's.
    id: 'modify-any-ec2-launch-template',
    title:
      "give every EC2 launch template a default version with its own user data, run as the template's instance role",
    actions: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'],
    onAllResources: true,
    sources: [pathfinding('ec2-004')],
  },
  {
    // A key pushed with EC2 Instance Connect admits an SSH login for 60 seconds; on the instance, the metadata service
    // hands out the instance profile's credentials. pathfinding.cloud also requires ec2:DescribeInstances (to find the
    // instance), which takes only `*`.
    id: 'ec2-instance-connect-any-instance',
    title: "push an SSH key to every EC2 instance, log in and take its instance role's credentials",
    actions: ['ec2-instance-connect:SendSSHPublicKey', 'ec2:DescribeInstances'],
    onAllResources: true,
    sources: [
      pathfinding('ec2instanceconnect-003'),
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Connect-using-EC2-Instance-Connect.html',
    ],
  },
  {
    // ECS Exec: the caller needs ecs:ExecuteCommand, and ecs:DescribeTasks for the container's runtime id the session
    // names; the ssmmessages permissions it also takes are the task role's, not the caller's. Only tasks whose service
    // or run enabled execute-command answer, which a policy cannot tell, so every task is every such task.
    id: 'ecs-execute-command',
    title: "open a shell in every running ECS task and take its task role's credentials",
    actions: ['ecs:ExecuteCommand', 'ecs:DescribeTasks'],
    onAllResources: true,
    sources: [pathfinding('ecs-006'), 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html'],
  },
  {
    // SubmitJob overrides the container command of a job definition, whose job role the job runs as: on named job
    // definitions and queues it is the scheduler's ordinary use, on every one it reaches the most privileged job role.
    id: 'submit-any-batch-job',
    title:
      "submit a job of every AWS Batch job definition with its command overridden, run as the definition's job role",
    actions: ['batch:SubmitJob'],
    onAllResources: true,
    sources: [pathfinding('batch-002')],
  },
  {
    // A revision's lifecycle hooks run on the deployment group's instances, whose instance profile they run as. On a
    // named application and deployment group it is the pipeline's ordinary use.
    id: 'deploy-any-codedeploy-group',
    title: "deploy a revision of its own to every CodeDeploy deployment group, its hooks run as the instances' role",
    actions: [
      'codedeploy:CreateDeployment',
      'codedeploy:RegisterApplicationRevision',
      'codedeploy:GetDeploymentConfig',
    ],
    onAllResources: true,
    sources: [pathfinding('codedeploy-001')],
  },
  {
    id: 'update-glue-dev-endpoint',
    title: 'put its SSH key on a Glue development endpoint that runs as a privileged role',
    actions: ['glue:UpdateDevEndpoint'],
    sources: [pathfinding('glue-002'), RHINO],
  },
  {
    id: 'ssm-send-command',
    title: 'run commands on every SSM-managed instance and take its role credentials',
    actions: ['ssm:SendCommand'],
    onAllResources: true,
    // Every document (a shell one among them; one named document runs only what it says, AWSEC2-CreateVssSnapshot a
    // snapshot) on every EC2 instance or every on-premises managed instance: either kind holds its privileged ones.
    actsOn: { 'ssm:SendCommand': ['instance', 'managed-instance'] },
    sources: [pathfinding('ssm-002')],
  },
  {
    // A session on one named code interpreter, a command in one named runtime, automation of one named browser are
    // an agent's ordinary use of its own; on every one they reach the most privileged execution role among them.
    id: 'agentcore-any-code-interpreter',
    title: "run code in every AgentCore code interpreter and take its execution role's credentials",
    actions: ['bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'],
    onAllResources: true,
    sources: [pathfinding('bedrock-002'), AGENTCORE_CREDENTIALS],
  },
  {
    id: 'agentcore-any-runtime-command',
    title: "run a shell command in every AgentCore runtime and take its execution role's credentials",
    actions: ['bedrock-agentcore:InvokeAgentRuntimeCommand'],
    onAllResources: true,
    sources: [pathfinding('bedrock-004'), AGENTCORE_CREDENTIALS],
  },
  {
    id: 'agentcore-any-browser',
    title: "drive every AgentCore browser over CDP and take its execution role's credentials",
    actions: ['bedrock-agentcore:StartBrowserSession', 'bedrock-agentcore:ConnectBrowserAutomationStream'],
    onAllResources: true,
    sources: [pathfinding('bedrock-007'), AGENTCORE_CREDENTIALS],
  },
  {
    // A presigned URL opens the notebook's Jupyter, whose terminal runs as the notebook's execution role; on one named
    // notebook it is its user's ordinary way in, on every one it reaches the most privileged role among them.
    id: 'sagemaker-any-notebook-url',
    title: 'open every SageMaker notebook instance through a presigned URL and run code as its execution role',
    actions: ['sagemaker:CreatePresignedNotebookInstanceUrl'],
    onAllResources: true,
    sources: [pathfinding('sagemaker-004')],
  },
  {
    // A lifecycle configuration's script runs as the notebook's execution role when it starts.
    id: 'sagemaker-any-notebook-lifecycle-config',
    title:
      "give every SageMaker notebook instance a lifecycle script and restart it, running it as the notebook's role",
    actions: [
      'sagemaker:CreateNotebookInstanceLifecycleConfig',
      'sagemaker:StopNotebookInstance',
      'sagemaker:UpdateNotebookInstance',
      'sagemaker:StartNotebookInstance',
    ],
    onAllResources: true,
    sources: [pathfinding('sagemaker-005')],
  },
  {
    id: 'ssm-start-session',
    title: 'open a shell on every SSM-managed instance and take its role credentials',
    actions: ['ssm:StartSession'],
    onAllResources: true,
    sources: [pathfinding('ssm-001')],
  },
];
