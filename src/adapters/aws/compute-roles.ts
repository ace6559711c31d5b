import type { ComputeAttachment } from '../../model/model.js';

/** A path step that reads each item of a list (Batch's `EcsProperties.TaskProperties`). */
export const EACH = '*';

/**
 * A path step that reads a list of name and value pairs, each item an object with the name under key `name` and the
 * value under key `value`: the values of the items whose name is `is` (a Firehose processor's `Parameters`, where
 * `{ ParameterName: RoleArn, ParameterValue: <role> }` names its role). A name not written as that literal is not it.
 */
export interface NamedValue {
  readonly name: string;
  readonly is: string;
  readonly value: string;
}

/** A step of a property path: a property name, EACH, or a NamedValue. */
export type PathStep = string | NamedValue;

/**
 * One AWS resource property that names a role the service, or the code it runs, then acts as: the role is attached to
 * that compute (Identity.attachments), which break-glass-isolation reports for a break-glass role and the audit view
 * lists. Every AWS front-end reads the same facts: CloudFormation (to-model.ts), Pulumi (aws.ts) and, through
 * Pulumi's records, Terraform (providers.ts).
 */
export interface ComputeRole {
  kind: ComputeAttachment['kind'];
  /**
   * The CloudFormation type and property path (EACH: every item of a list; a NamedValue: the values of a list of pairs
   * of one name), as its resource schema spells them. The first step is a property name. Absent where another entry
   * reads the same setting in CloudFormation (alsoInPulumi).
   */
  cloudFormation?: { type: string; path: readonly PathStep[] };
  /**
   * The Pulumi aws type and property path. `json`: the first property is a JSON string (aws.batch.JobDefinition's
   * `containerProperties`, Terraform's `container_properties`), whose object the rest of the path reads, in the
   * AWS API's spelling. Absent where Pulumi has no such property (cloudFormationOnly).
   */
  pulumi?: { type: string; path: readonly PathStep[]; json?: true };
  /**
   * The Terraform type Pulumi's type is generated from, its blocks of one on the path (providers.ts `single`), and the
   * blocks Pulumi names in the plural (`stage` is `stages`, providers.ts `rename`); a dotted name (`error_action.sqs`)
   * is the block at that path only. Absent where a plan's records cannot reach the property (cloudFormationOnly).
   */
  terraform?: { type: string; single?: readonly string[]; rename?: Readonly<Record<string, string>> };
  /**
   * The property that holds the compute's own name, as CloudFormation and Pulumi spell it (Terraform's, renamed onto
   * Pulumi's in `terraform.rename`): what a policy names the compute by in an ARN (ComputeAttachment.name). Set where a
   * rule follows a grant on the compute to the role it runs as (escalation-paths.ts `runsAs`).
   */
  named?: { cloudFormation: string; pulumi: string };
}

const role = (
  kind: ComputeAttachment['kind'],
  cloudFormation: [type: string, ...path: PathStep[]],
  pulumi: [type: string, ...path: PathStep[]],
  terraform: string,
  extra: {
    json?: true;
    single?: readonly string[];
    rename?: Readonly<Record<string, string>>;
    named?: ComputeRole['named'];
  } = {},
): ComputeRole => ({
  kind,
  ...(extra.named ? { named: extra.named } : {}),
  cloudFormation: { type: cloudFormation[0], path: cloudFormation.slice(1) },
  pulumi: { type: `aws:${pulumi[0]}`, path: pulumi.slice(1), ...(extra.json ? { json: true as const } : {}) },
  terraform: {
    type: terraform,
    ...(extra.single ? { single: extra.single } : {}),
    ...(extra.rename ? { rename: extra.rename } : {}),
  },
});

/**
 * A property only CloudFormation has: the Terraform provider (and Pulumi, generated from it) dropped the setting (a
 * Firehose stream's plain `S3DestinationConfiguration`, which Terraform's `extended_s3_configuration` replaced) or
 * never had it (IoT rule actions it has no block for).
 */
const cloudFormationOnly = (
  kind: ComputeAttachment['kind'],
  cloudFormation: [type: string, ...path: PathStep[]],
): ComputeRole => ({ kind, cloudFormation: { type: cloudFormation[0], path: cloudFormation.slice(1) } });

/**
 * A setting CloudFormation writes on a type another entry reads, which Pulumi (and Terraform) write on a type of their
 * own as well: an Aurora cluster's instance is an `AWS::RDS::DBInstance` but an aws.rds.ClusterInstance
 * (aws_rds_cluster_instance); a bucket's replication configuration is also written on the bucket itself, as
 * aws.s3.Bucket's (aws_s3_bucket's) and aws.s3.BucketV2's. Read once in CloudFormation, through that other entry.
 * Also a setting CloudFormation has no resource for at all (a SageMaker training job, which only the API starts).
 */
const alsoInPulumi = (
  kind: ComputeAttachment['kind'],
  pulumi: [type: string, ...path: PathStep[]],
  terraform?: string,
  extra: { single?: readonly string[]; rename?: Readonly<Record<string, string>> } = {},
): ComputeRole => ({
  kind,
  pulumi: { type: `aws:${pulumi[0]}`, path: pulumi.slice(1) },
  ...(terraform === undefined ? {} : { terraform: { type: terraform, ...extra } }),
});

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const APP_RUNNER_BLOCKS = ['instance_configuration', 'source_configuration', 'authentication_configuration'] as const;
/** aws_codepipeline's blocks of many, which Pulumi names in the plural. */
const CODEPIPELINE_BLOCKS = { stage: 'stages', action: 'actions' } as const;

/** aws_pipes_pipe's blocks on the path to an ECS target's overrides, each of one. */
const PIPE_ECS_OVERRIDES = [
  'target_parameters',
  'target_parameters.ecs_task_parameters',
  'target_parameters.ecs_task_parameters.overrides',
] as const;

/**
 * The roles an ECS service's settings name, as CloudFormation and Pulumi spell their paths (each then `RoleArn`,
 * `roleArn`): CloudFormation's lists of volume configurations Pulumi writes as one object.
 */
const ECS_SERVICE_ROLES: readonly [cloudFormation: PathStep[], pulumi: PathStep[]][] = [
  [
    ['VolumeConfigurations', EACH, 'ManagedEBSVolume'],
    ['volumeConfiguration', 'managedEbsVolume'],
  ],
  [
    ['VpcLatticeConfigurations', EACH],
    ['vpcLatticeConfigurations', EACH],
  ],
  [
    ['ServiceConnectConfiguration', 'Services', EACH, 'Tls'],
    ['serviceConnectConfiguration', 'services', EACH, 'tls'],
  ],
  [
    ['DeploymentConfiguration', 'LifecycleHooks', EACH],
    ['deploymentConfiguration', 'lifecycleHooks', EACH],
  ],
  [
    ['LoadBalancers', EACH, 'AdvancedConfiguration'],
    ['loadBalancers', EACH, 'advancedConfiguration'],
  ],
];
/** aws_ecs_service's blocks on those paths: of one, and of many that Pulumi names in the plural. */
const ECS_SERVICE_BLOCKS = {
  single: [
    'volume_configuration',
    'volume_configuration.managed_ebs_volume',
    'service_connect_configuration',
    'service_connect_configuration.service.tls',
    'deployment_configuration',
    'load_balancer.advanced_configuration',
  ],
  rename: {
    'service_connect_configuration.service': 'services',
    'deployment_configuration.lifecycle_hook': 'lifecycleHooks',
    load_balancer: 'loadBalancers',
  },
} as const;

/** aws_sagemaker_domain's settings blocks, each of one. */
const SAGEMAKER_DOMAIN_BLOCKS = ['default_user_settings', 'default_space_settings'] as const;

/**
 * A Firehose stream's destinations, as CloudFormation, Pulumi and Terraform name them, with the S3 buckets each writes
 * too: `S3Configuration` (where a destination puts what it fails to deliver, or Redshift stages what it copies) and
 * `S3BackupConfiguration` (a copy of the records as they are delivered).
 */
const FIREHOSE_DESTINATIONS: readonly [
  cloudFormation: string,
  pulumi: string,
  terraform: string,
  backups: readonly ('S3Configuration' | 'S3BackupConfiguration')[],
][] = [
  [
    'ExtendedS3DestinationConfiguration',
    'extendedS3Configuration',
    'extended_s3_configuration',
    ['S3BackupConfiguration'],
  ],
  [
    'RedshiftDestinationConfiguration',
    'redshiftConfiguration',
    'redshift_configuration',
    ['S3Configuration', 'S3BackupConfiguration'],
  ],
  [
    'ElasticsearchDestinationConfiguration',
    'elasticsearchConfiguration',
    'elasticsearch_configuration',
    ['S3Configuration'],
  ],
  [
    'AmazonopensearchserviceDestinationConfiguration',
    'opensearchConfiguration',
    'opensearch_configuration',
    ['S3Configuration'],
  ],
  [
    'AmazonOpenSearchServerlessDestinationConfiguration',
    'opensearchserverlessConfiguration',
    'opensearchserverless_configuration',
    ['S3Configuration'],
  ],
  [
    'HttpEndpointDestinationConfiguration',
    'httpEndpointConfiguration',
    'http_endpoint_configuration',
    ['S3Configuration'],
  ],
  ['SnowflakeDestinationConfiguration', 'snowflakeConfiguration', 'snowflake_configuration', ['S3Configuration']],
  ['IcebergDestinationConfiguration', 'icebergConfiguration', 'iceberg_configuration', ['S3Configuration']],
];
/**
 * The destinations that deliver into a VPC, where Firehose creates its network interfaces as the role their
 * `VpcConfiguration` (Pulumi's and Terraform's `vpcConfig`, `vpc_config`) names: the search services.
 */
const FIREHOSE_VPC_DESTINATIONS: ReadonlySet<string> = new Set([
  'ElasticsearchDestinationConfiguration',
  'AmazonopensearchserviceDestinationConfiguration',
  'AmazonOpenSearchServerlessDestinationConfiguration',
]);
/** aws_kinesis_firehose_delivery_stream's blocks on a role's path: each of one (`processors`, `parameters`: many). */
const FIREHOSE_BLOCKS = [
  'kinesis_source_configuration',
  'msk_source_configuration',
  'authentication_configuration',
  'splunk_configuration',
  's3_configuration',
  's3_backup_configuration',
  'vpc_config',
  'processing_configuration',
  'data_format_conversion_configuration',
  'schema_configuration',
  ...FIREHOSE_DESTINATIONS.map(([, , terraform]) => terraform),
];
const FIREHOSE = 'kinesis/firehoseDeliveryStream:FirehoseDeliveryStream';
const firehoseAt = (cloudFormation: PathStep[], pulumi: PathStep[]) =>
  role(
    'firehose',
    ['AWS::KinesisFirehose::DeliveryStream', ...cloudFormation],
    [FIREHOSE, ...pulumi],
    'aws_kinesis_firehose_delivery_stream',
    { single: FIREHOSE_BLOCKS },
  );
const firehose = (cloudFormation: string[], pulumi: string[]) =>
  firehoseAt([...cloudFormation, 'RoleARN'], [...pulumi, 'roleArn']);
/**
 * A destination's data processors: Firehose invokes a Lambda processor as the role its `RoleArn` parameter names, a
 * name and value pair in the processor's `Parameters` (Pulumi's `parameters`, Terraform's `parameters` blocks).
 */
const firehoseProcessors = (cloudFormation: string, pulumi: string) =>
  firehoseAt(
    [
      cloudFormation,
      'ProcessingConfiguration',
      'Processors',
      EACH,
      'Parameters',
      { name: 'ParameterName', is: 'RoleArn', value: 'ParameterValue' },
    ],
    [
      pulumi,
      'processingConfiguration',
      'processors',
      EACH,
      'parameters',
      { name: 'parameterName', is: 'RoleArn', value: 'parameterValue' },
    ],
  );

/**
 * An IoT topic rule's actions that take a role, as CloudFormation (`Actions[].<type>`), Pulumi (a list per type, mostly
 * in the plural) and Terraform (a block per action) name them; an error action is one object in Pulumi, keyed by the
 * camelCase of the Terraform name. Lambda and Kafka actions have no role property, an HTTP action only in its SigV4
 * authorization, which only CloudFormation has (IOT_HTTP_SIGV4).
 */
const IOT_ACTIONS: readonly [cloudFormation: string, pulumi: string, terraform: string][] = [
  ['CloudwatchAlarm', 'cloudwatchAlarms', 'cloudwatch_alarm'],
  ['CloudwatchLogs', 'cloudwatchLogs', 'cloudwatch_logs'],
  ['CloudwatchMetric', 'cloudwatchMetrics', 'cloudwatch_metric'],
  ['DynamoDB', 'dynamodbs', 'dynamodb'],
  ['DynamoDBv2', 'dynamodbv2s', 'dynamodbv2'],
  ['Elasticsearch', 'elasticsearch', 'elasticsearch'],
  ['Firehose', 'firehoses', 'firehose'],
  ['IotAnalytics', 'iotAnalytics', 'iot_analytics'],
  ['IotEvents', 'iotEvents', 'iot_events'],
  ['Kinesis', 'kineses', 'kinesis'],
  ['Republish', 'republishes', 'republish'],
  ['S3', 's3', 's3'],
  ['Sns', 'sns', 'sns'],
  ['Sqs', 'sqs', 'sqs'],
  ['StepFunctions', 'stepFunctions', 'step_functions'],
  ['Timestream', 'timestreams', 'timestream'],
];
/** aws_iot_topic_rule's action blocks, which Pulumi names in the plural (`kinesis` is `kineses`) or as is (`sqs`). */
const IOT_RULE_BLOCKS = Object.fromEntries(IOT_ACTIONS.map(([, pulumi, terraform]) => [terraform, pulumi]));
/** Topic rule actions that take a role and that only CloudFormation has: the Terraform provider, and so Pulumi, has none. */
const IOT_CLOUDFORMATION_ACTIONS = ['InfluxDB', 'IotSiteWise', 'Location', 'OpenSearch'] as const;
const IOT_RULE = 'AWS::IoT::TopicRule';
const fromSnake = (name: string) => name.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
/**
 * Terraform's `error_action` block, of one, holds blocks named as the rule's own actions but each of one, which Pulumi
 * names in the camelCase of the Terraform name (`error_action.kinesis` is `errorAction.kinesis`, where the rule's own
 * `kinesis` blocks are `kineses`): the blocks at those paths, not the names the rule's actions have.
 */
const iotErrorAction = (terraform: string) => ({
  single: ['error_action', `error_action.${terraform}`],
  rename: { [`error_action.${terraform}`]: fromSnake(terraform) },
});
/**
 * An HTTP action's SigV4 signing role (`Http.Auth.Sigv4.RoleArn`), as IoT signs its requests with: neither the
 * Terraform provider's `http` block nor Pulumi's has an authorization.
 */
const IOT_HTTP_SIGV4 = ['Http', 'Auth', 'Sigv4', 'RoleArn'] as const;

/**
 * The roles AWS compute runs as, by service. An ECS task's execution role and an App Runner service's access role
 * are used by the service itself (to pull images, write logs, read secrets), the others by the customer's code; both
 * act with the role's privilege. So do services that act as a role for the one action they are set up to take: a
 * CodePipeline action, an EventBridge rule's target (Pulumi and Terraform: a target resource of its own), a
 * Scheduler schedule's target, an EventBridge pipe (and the ECS task it runs, as the roles its target overrides), a
 * Firehose stream (its source, destinations, their buckets, VPCs, Glue schemas and processors), a CodeDeploy
 * deployment group, an API Gateway integration, a CodePipeline CloudFormation action's deploy role, an SNS
 * subscription, an IoT topic rule's actions and error action. So do Bedrock agents, knowledge bases and flows, where
 * what an agent is asked decides what it does with its role, and Bedrock AgentCore's runtimes, harnesses, code
 * interpreters, browsers, gateways, memories and online evaluations; SageMaker's jobs, clusters, endpoint
 * configurations, feature groups and MLflow servers; Glue's crawlers, ML transforms and sessions; EMR Studio, Athena's
 * Spark workgroups, DataBrew and Lake Formation's registered locations; and services that act as a role to do their own work in the
 * account: S3 replication, an EKS cluster's control plane, CloudTrail's and AppSync's logs, RDS enhanced monitoring (of
 * an instance or a cluster), a Config recorder, Kendra, EC2 Auto Scaling's lifecycle hooks (to notify their target),
 * Application Auto Scaling (a scalable target's role), an ECS service's load balancer role, a Greengrass group's role
 * (the core's functions and connectors act as it), and an EventBridge rule's own role (to invoke its targets, in
 * another account too).
 *
 * An EMR cluster's `JobFlowRole` is left out: it names an instance profile, whose role is already attached to the
 * profile itself (`AWS::IAM::InstanceProfile`, aws.iam.InstanceProfile); a profile the change does not create names no
 * role the change can see.
 *
 * Only CloudFormation has an IoT HTTP action's SigV4 signing role (`Http.Auth.Sigv4`): the Terraform provider's
 * `http` blocks, and so Pulumi's, take no authorization.
 *
 * Only CloudFormation has a SageMaker processing job, HyperPod cluster, monitoring schedule with its job definition
 * written in, and bias, explainability and model quality job definitions, a Glue session and DataBrew; only Pulumi and
 * Terraform have a SageMaker training job, a Bedrock model customization or evaluation job and an AgentCore memory
 * strategy of its own.
 *
 * Only CloudFormation has a Greengrass (v1) group: neither the Terraform provider nor Pulumi aws has a Greengrass
 * resource. Terraform's aws_cloudwatch_event_rule, mapped for its role, is read as an event rule too (a monitor, as
 * Pulumi's aws.cloudwatch.EventRule is).
 *
 * Left out: an Auto Scaling group's `ServiceLinkedRoleARN` (Terraform's `service_linked_role_arn`), a service-linked
 * role, which AWS creates and no change can make break-glass.
 */
export const COMPUTE_ROLES: readonly ComputeRole[] = [
  // A function's name (FunctionName; @pulumi/aws 7.48.0 lambda.Function `name`, Terraform's `function_name`).
  role('lambda', ['AWS::Lambda::Function', 'Role'], ['lambda/function:Function', 'role'], 'aws_lambda_function', {
    rename: { function_name: 'name' },
    named: { cloudFormation: 'FunctionName', pulumi: 'name' },
  }),
  role(
    'ecs-task',
    ['AWS::ECS::TaskDefinition', 'TaskRoleArn'],
    ['ecs/taskDefinition:TaskDefinition', 'taskRoleArn'],
    'aws_ecs_task_definition',
  ),
  role(
    'ecs-task-execution',
    ['AWS::ECS::TaskDefinition', 'ExecutionRoleArn'],
    ['ecs/taskDefinition:TaskDefinition', 'executionRoleArn'],
    'aws_ecs_task_definition',
  ),
  role(
    'codebuild',
    ['AWS::CodeBuild::Project', 'ServiceRole'],
    ['codebuild/project:Project', 'serviceRole'],
    'aws_codebuild_project',
  ),
  role(
    'codepipeline',
    ['AWS::CodePipeline::Pipeline', 'RoleArn'],
    ['codepipeline/pipeline:Pipeline', 'roleArn'],
    'aws_codepipeline',
    { rename: CODEPIPELINE_BLOCKS },
  ),
  role(
    'codepipeline-action',
    ['AWS::CodePipeline::Pipeline', 'Stages', EACH, 'Actions', EACH, 'RoleArn'],
    ['codepipeline/pipeline:Pipeline', 'stages', EACH, 'actions', EACH, 'roleArn'],
    'aws_codepipeline',
    { rename: CODEPIPELINE_BLOCKS },
  ),
  role(
    'event-target',
    ['AWS::Events::Rule', 'Targets', EACH, 'RoleArn'],
    ['cloudwatch/eventTarget:EventTarget', 'roleArn'],
    'aws_cloudwatch_event_target',
  ),
  role(
    'schedule',
    ['AWS::Scheduler::Schedule', 'Target', 'RoleArn'],
    ['scheduler/schedule:Schedule', 'target', 'roleArn'],
    'aws_scheduler_schedule',
    { single: ['target'] },
  ),
  role('pipe', ['AWS::Pipes::Pipe', 'RoleArn'], ['pipes/pipe:Pipe', 'roleArn'], 'aws_pipes_pipe'),
  // A pipe whose target is an ECS task may run it as other task and execution roles than its task definition's.
  ...(
    [
      ['ecs-task', 'TaskRoleArn'],
      ['ecs-task-execution', 'ExecutionRoleArn'],
    ] as const
  ).map(([kind, property]) =>
    role(
      kind,
      ['AWS::Pipes::Pipe', 'TargetParameters', 'EcsTaskParameters', 'Overrides', property],
      ['pipes/pipe:Pipe', 'targetParameters', 'ecsTaskParameters', 'overrides', camel(property)],
      'aws_pipes_pipe',
      { single: PIPE_ECS_OVERRIDES },
    ),
  ),
  // AppSync assumes a data source's service role for every request that reads or writes it.
  role(
    'appsync',
    ['AWS::AppSync::DataSource', 'ServiceRoleArn'],
    ['appsync/dataSource:DataSource', 'serviceRoleArn'],
    'aws_appsync_datasource',
  ),
  role(
    'state-machine',
    ['AWS::StepFunctions::StateMachine', 'RoleArn'],
    ['sfn/stateMachine:StateMachine', 'roleArn'],
    'aws_sfn_state_machine',
  ),
  role('glue', ['AWS::Glue::Job', 'Role'], ['glue/job:Job', 'roleArn'], 'aws_glue_job'),
  // A crawler reads its data stores and writes the catalog, an ML transform runs its learning and matching, and an
  // interactive session runs the code sent to it (Pulumi and Terraform have no sessions), as their role.
  role('glue', ['AWS::Glue::Crawler', 'Role'], ['glue/crawler:Crawler', 'role'], 'aws_glue_crawler'),
  role(
    'glue',
    ['AWS::Glue::MLTransform', 'Role'],
    ['glue/mLTransform:MLTransform', 'roleArn'],
    'aws_glue_ml_transform',
  ),
  cloudFormationOnly('glue', ['AWS::Glue::Session', 'Role']),
  // A Synthetics canary runs its script (a Lambda function Synthetics manages) as its execution role.
  role(
    'synthetics-canary',
    ['AWS::Synthetics::Canary', 'ExecutionRoleArn'],
    ['synthetics/canary:Canary', 'executionRoleArn'],
    'aws_synthetics_canary',
  ),
  // Redshift acts as the roles associated with a cluster for COPY, UNLOAD and Spectrum; Pulumi and Terraform also
  // associate them with a resource of their own.
  role(
    'redshift-cluster',
    ['AWS::Redshift::Cluster', 'IamRoles', EACH],
    ['redshift/cluster:Cluster', 'iamRoles', EACH],
    'aws_redshift_cluster',
  ),
  alsoInPulumi(
    'redshift-cluster',
    ['redshift/clusterIamRoles:ClusterIamRoles', 'iamRoleArns', EACH],
    'aws_redshift_cluster_iam_roles',
  ),
  role(
    'glue',
    ['AWS::Glue::DevEndpoint', 'RoleArn'],
    ['glue/devEndpoint:DevEndpoint', 'roleArn'],
    'aws_glue_dev_endpoint',
  ),
  role(
    'batch',
    ['AWS::Batch::JobDefinition', 'ContainerProperties', 'JobRoleArn'],
    ['batch/jobDefinition:JobDefinition', 'containerProperties', 'jobRoleArn'],
    'aws_batch_job_definition',
    { json: true },
  ),
  role(
    'batch',
    ['AWS::Batch::JobDefinition', 'ContainerProperties', 'ExecutionRoleArn'],
    ['batch/jobDefinition:JobDefinition', 'containerProperties', 'executionRoleArn'],
    'aws_batch_job_definition',
    { json: true },
  ),
  ...(['TaskRoleArn', 'ExecutionRoleArn'] as const).map((property) =>
    role(
      'batch',
      ['AWS::Batch::JobDefinition', 'EcsProperties', 'TaskProperties', EACH, property],
      ['batch/jobDefinition:JobDefinition', 'ecsProperties', 'taskProperties', EACH, camel(property)],
      'aws_batch_job_definition',
      { json: true },
    ),
  ),
  // A multi-node job's node ranges each run a container or ECS tasks (`EcsProperties`, as a job of one node does).
  ...(['TaskRoleArn', 'ExecutionRoleArn'] as const).map((property) =>
    role(
      'batch',
      [
        'AWS::Batch::JobDefinition',
        'NodeProperties',
        'NodeRangeProperties',
        EACH,
        'EcsProperties',
        'TaskProperties',
        EACH,
        property,
      ],
      [
        'batch/jobDefinition:JobDefinition',
        'nodeProperties',
        'nodeRangeProperties',
        EACH,
        'ecsProperties',
        'taskProperties',
        EACH,
        camel(property),
      ],
      'aws_batch_job_definition',
      { json: true },
    ),
  ),
  ...(['JobRoleArn', 'ExecutionRoleArn'] as const).map((property) =>
    role(
      'batch',
      ['AWS::Batch::JobDefinition', 'NodeProperties', 'NodeRangeProperties', EACH, 'Container', property],
      [
        'batch/jobDefinition:JobDefinition',
        'nodeProperties',
        'nodeRangeProperties',
        EACH,
        'container',
        camel(property),
      ],
      'aws_batch_job_definition',
      { json: true },
    ),
  ),
  role(
    'sagemaker',
    ['AWS::SageMaker::NotebookInstance', 'RoleArn'],
    ['sagemaker/notebookInstance:NotebookInstance', 'roleArn'],
    'aws_sagemaker_notebook_instance',
  ),
  // Studio and Canvas apps run as a user profile's execution role, or as the domain's default one (and shared spaces
  // as the domain's default space role); a model's containers run as its execution role, a pipeline's steps as its role.
  role(
    'sagemaker',
    ['AWS::SageMaker::Model', 'ExecutionRoleArn'],
    ['sagemaker/model:Model', 'executionRoleArn'],
    'aws_sagemaker_model',
  ),
  role(
    'sagemaker',
    ['AWS::SageMaker::Pipeline', 'RoleArn'],
    ['sagemaker/pipeline:Pipeline', 'roleArn'],
    'aws_sagemaker_pipeline',
  ),
  ...(['DefaultUserSettings', 'DefaultSpaceSettings'] as const).map((settings) =>
    role(
      'sagemaker',
      ['AWS::SageMaker::Domain', settings, 'ExecutionRole'],
      ['sagemaker/domain:Domain', camel(settings), 'executionRole'],
      'aws_sagemaker_domain',
      { single: SAGEMAKER_DOMAIN_BLOCKS },
    ),
  ),
  role(
    'sagemaker',
    ['AWS::SageMaker::UserProfile', 'UserSettings', 'ExecutionRole'],
    ['sagemaker/userProfile:UserProfile', 'userSettings', 'executionRole'],
    'aws_sagemaker_user_profile',
    { single: ['user_settings'] },
  ),
  // Jobs and servers that run containers, or do their own work, as their role: a processing job's containers, a
  // training job's (Pulumi and Terraform only: CloudFormation has no training job), a HyperPod cluster's instance
  // groups, the monitoring jobs a schedule or job definition runs, an endpoint configuration's inference components, a
  // feature group's offline store, an MLflow tracking server's artifact store.
  cloudFormationOnly('sagemaker', ['AWS::SageMaker::ProcessingJob', 'RoleArn']),
  alsoInPulumi('sagemaker', ['sagemaker/trainingJob:TrainingJob', 'roleArn'], 'aws_sagemaker_training_job'),
  ...(['InstanceGroups', 'RestrictedInstanceGroups'] as const).map((groups) =>
    cloudFormationOnly('sagemaker', ['AWS::SageMaker::Cluster', groups, EACH, 'ExecutionRole']),
  ),
  role(
    'sagemaker',
    ['AWS::SageMaker::DataQualityJobDefinition', 'RoleArn'],
    ['sagemaker/dataQualityJobDefinition:DataQualityJobDefinition', 'roleArn'],
    'aws_sagemaker_data_quality_job_definition',
  ),
  ...(['ModelBiasJobDefinition', 'ModelExplainabilityJobDefinition', 'ModelQualityJobDefinition'] as const).map(
    (definition) => cloudFormationOnly('sagemaker', [`AWS::SageMaker::${definition}`, 'RoleArn']),
  ),
  cloudFormationOnly('sagemaker', [
    'AWS::SageMaker::MonitoringSchedule',
    'MonitoringScheduleConfig',
    'MonitoringJobDefinition',
    'RoleArn',
  ]),
  role(
    'sagemaker',
    ['AWS::SageMaker::EndpointConfig', 'ExecutionRoleArn'],
    ['sagemaker/endpointConfiguration:EndpointConfiguration', 'executionRoleArn'],
    'aws_sagemaker_endpoint_configuration',
  ),
  role(
    'sagemaker',
    ['AWS::SageMaker::FeatureGroup', 'RoleArn'],
    ['sagemaker/featureGroup:FeatureGroup', 'roleArn'],
    'aws_sagemaker_feature_group',
  ),
  role(
    'sagemaker',
    ['AWS::SageMaker::MlflowTrackingServer', 'RoleArn'],
    ['sagemaker/mlflowTrackingServer:MlflowTrackingServer', 'roleArn'],
    'aws_sagemaker_mlflow_tracking_server',
  ),
  // A labeling job's and a human review flow's workers' output, and an image's versions, are read and written as their
  // role (labeling jobs and flow definitions only in Pulumi and Terraform); RStudio on a domain runs as its domain
  // execution role.
  alsoInPulumi('sagemaker', ['sagemaker/labelingJob:LabelingJob', 'roleArn'], 'aws_sagemaker_labeling_job'),
  alsoInPulumi('sagemaker', ['sagemaker/flowDefinition:FlowDefinition', 'roleArn'], 'aws_sagemaker_flow_definition'),
  role(
    'sagemaker',
    ['AWS::SageMaker::Image', 'ImageRoleArn'],
    ['sagemaker/image:Image', 'roleArn'],
    'aws_sagemaker_image',
  ),
  role(
    'sagemaker',
    ['AWS::SageMaker::Domain', 'DomainSettings', 'RStudioServerProDomainSettings', 'DomainExecutionRoleArn'],
    ['sagemaker/domain:Domain', 'domainSettings', 'rStudioServerProDomainSettings', 'domainExecutionRoleArn'],
    'aws_sagemaker_domain',
    { single: ['domain_settings', 'domain_settings.r_studio_server_pro_domain_settings'] },
  ),
  role(
    'app-runner',
    ['AWS::AppRunner::Service', 'InstanceConfiguration', 'InstanceRoleArn'],
    ['apprunner/service:Service', 'instanceConfiguration', 'instanceRoleArn'],
    'aws_apprunner_service',
    { single: APP_RUNNER_BLOCKS },
  ),
  role(
    'app-runner',
    ['AWS::AppRunner::Service', 'SourceConfiguration', 'AuthenticationConfiguration', 'AccessRoleArn'],
    ['apprunner/service:Service', 'sourceConfiguration', 'authenticationConfiguration', 'accessRoleArn'],
    'aws_apprunner_service',
    { single: APP_RUNNER_BLOCKS },
  ),
  role(
    'eks-nodes',
    ['AWS::EKS::Nodegroup', 'NodeRole'],
    ['eks/nodeGroup:NodeGroup', 'nodeRoleArn'],
    'aws_eks_node_group',
  ),
  role(
    'eks-pod-identity',
    ['AWS::EKS::PodIdentityAssociation', 'RoleArn'],
    ['eks/podIdentityAssociation:PodIdentityAssociation', 'roleArn'],
    'aws_eks_pod_identity_association',
  ),
  role(
    'eks-pod-identity',
    ['AWS::EKS::PodIdentityAssociation', 'TargetRoleArn'],
    ['eks/podIdentityAssociation:PodIdentityAssociation', 'targetRoleArn'],
    'aws_eks_pod_identity_association',
  ),
  // Firehose reads its source (a Kinesis stream, an MSK cluster) and writes each destination, and the S3 bucket that
  // backs it up, as the role each names.
  firehose(['KinesisStreamSourceConfiguration'], ['kinesisSourceConfiguration']),
  firehose(
    ['MSKSourceConfiguration', 'AuthenticationConfiguration'],
    ['mskSourceConfiguration', 'authenticationConfiguration'],
  ),
  cloudFormationOnly('firehose', ['AWS::KinesisFirehose::DeliveryStream', 'S3DestinationConfiguration', 'RoleARN']),
  ...FIREHOSE_DESTINATIONS.flatMap(([destination, pulumi, , backups]) => [
    firehose([destination], [pulumi]),
    ...backups.map((backup) => firehose([destination, backup], [pulumi, camel(backup)])),
    ...(FIREHOSE_VPC_DESTINATIONS.has(destination)
      ? [firehose([destination, 'VpcConfiguration'], [pulumi, 'vpcConfig'])]
      : []),
    firehoseProcessors(destination, pulumi),
  ]),
  // An S3 destination that converts records to Parquet or ORC reads their schema from Glue as its schema's role.
  firehose(
    ['ExtendedS3DestinationConfiguration', 'DataFormatConversionConfiguration', 'SchemaConfiguration'],
    ['extendedS3Configuration', 'dataFormatConversionConfiguration', 'schemaConfiguration'],
  ),
  // Splunk takes no role of its own, only its backup bucket's and its processors'.
  firehose(['SplunkDestinationConfiguration', 'S3Configuration'], ['splunkConfiguration', 's3Configuration']),
  firehoseProcessors('SplunkDestinationConfiguration', 'splunkConfiguration'),
  // EMR acts as a cluster's service role to launch and manage its instances, and as its auto-scaling role to add and
  // remove them (JobFlowRole, the instances' own role, names an instance profile: see the profile's attachment).
  role('emr', ['AWS::EMR::Cluster', 'ServiceRole'], ['emr/cluster:Cluster', 'serviceRole'], 'aws_emr_cluster'),
  role('emr', ['AWS::EMR::Cluster', 'AutoScalingRole'], ['emr/cluster:Cluster', 'autoscalingRole'], 'aws_emr_cluster'),
  // EMR Studio acts as its service role to run its workspaces and notebooks on clusters; its users (signed in through
  // IAM Identity Center) act as its user role.
  role('emr', ['AWS::EMR::Studio', 'ServiceRole'], ['emr/studio:Studio', 'serviceRole'], 'aws_emr_studio'),
  role('emr', ['AWS::EMR::Studio', 'UserRole'], ['emr/studio:Studio', 'userRole'], 'aws_emr_studio'),
  // EMR on EKS runs the jobs a job template starts as the template's execution role.
  role(
    'emr',
    ['AWS::EMRContainers::JobTemplate', 'JobTemplateData', 'ExecutionRoleArn'],
    ['emrcontainers/jobTemplate:JobTemplate', 'jobTemplateData', 'executionRoleArn'],
    'aws_emrcontainers_job_template',
    { single: ['job_template_data'] },
  ),
  // Athena runs a Spark workgroup's notebook calculations as its execution role.
  role(
    'athena',
    ['AWS::Athena::WorkGroup', 'WorkGroupConfiguration', 'ExecutionRole'],
    ['athena/workgroup:Workgroup', 'configuration', 'executionRole'],
    'aws_athena_workgroup',
    { single: ['configuration'] },
  ),
  // DataBrew runs a job's and a project's recipes on their data as their role (the Terraform provider, and so
  // Pulumi, has no DataBrew resource).
  cloudFormationOnly('databrew', ['AWS::DataBrew::Job', 'RoleArn']),
  cloudFormationOnly('databrew', ['AWS::DataBrew::Project', 'RoleArn']),
  // Lake Formation reads a registered location as its role, for every engine it vends that location's credentials to.
  role(
    'lakeformation',
    ['AWS::LakeFormation::Resource', 'RoleArn'],
    ['lakeformation/resource:Resource', 'roleArn'],
    'aws_lakeformation_resource',
  ),
  // An Airflow environment's scheduler and workers run its DAGs as its execution role.
  role(
    'mwaa',
    ['AWS::MWAA::Environment', 'ExecutionRoleArn'],
    ['mwaa/environment:Environment', 'executionRoleArn'],
    'aws_mwaa_environment',
  ),
  // CodeDeploy acts as a deployment group's service role on the instances, functions or services it deploys to.
  role(
    'codedeploy',
    ['AWS::CodeDeploy::DeploymentGroup', 'ServiceRoleArn'],
    ['codedeploy/deploymentGroup:DeploymentGroup', 'serviceRoleArn'],
    'aws_codedeploy_deployment_group',
  ),
  role(
    'kinesis-analytics',
    ['AWS::KinesisAnalyticsV2::Application', 'ServiceExecutionRole'],
    ['kinesisanalyticsv2/application:Application', 'serviceExecutionRole'],
    'aws_kinesisanalyticsv2_application',
  ),
  // IoT acts as an action's role to deliver the messages its rule matches (and, for the error action, those an action
  // failed to deliver).
  ...IOT_ACTIONS.flatMap(([action, pulumi, terraform]) => [
    role(
      'iot-rule',
      [IOT_RULE, 'TopicRulePayload', 'Actions', EACH, action, 'RoleArn'],
      ['iot/topicRule:TopicRule', pulumi, EACH, 'roleArn'],
      'aws_iot_topic_rule',
      { rename: IOT_RULE_BLOCKS },
    ),
    role(
      'iot-rule',
      [IOT_RULE, 'TopicRulePayload', 'ErrorAction', action, 'RoleArn'],
      ['iot/topicRule:TopicRule', 'errorAction', fromSnake(terraform), 'roleArn'],
      'aws_iot_topic_rule',
      iotErrorAction(terraform),
    ),
  ]),
  ...IOT_CLOUDFORMATION_ACTIONS.flatMap((action) => [
    cloudFormationOnly('iot-rule', [IOT_RULE, 'TopicRulePayload', 'Actions', EACH, action, 'RoleArn']),
    cloudFormationOnly('iot-rule', [IOT_RULE, 'TopicRulePayload', 'ErrorAction', action, 'RoleArn']),
  ]),
  cloudFormationOnly('iot-rule', [IOT_RULE, 'TopicRulePayload', 'Actions', EACH, ...IOT_HTTP_SIGV4]),
  cloudFormationOnly('iot-rule', [IOT_RULE, 'TopicRulePayload', 'ErrorAction', ...IOT_HTTP_SIGV4]),
  // API Gateway acts as an integration's credentials role to call the AWS service behind a method or route.
  role(
    'api-gateway',
    ['AWS::ApiGateway::Method', 'Integration', 'Credentials'],
    ['apigateway/integration:Integration', 'credentials'],
    'aws_api_gateway_integration',
  ),
  role(
    'api-gateway',
    ['AWS::ApiGatewayV2::Integration', 'CredentialsArn'],
    ['apigatewayv2/integration:Integration', 'credentialsArn'],
    'aws_apigatewayv2_integration',
  ),
  // CloudFormation acts as a pipeline's deploy action role (its configuration's RoleArn) to create and change stacks:
  // whatever the template asks for, with the role's privilege.
  role(
    'cloudformation',
    ['AWS::CodePipeline::Pipeline', 'Stages', EACH, 'Actions', EACH, 'Configuration', 'RoleArn'],
    ['codepipeline/pipeline:Pipeline', 'stages', EACH, 'actions', EACH, 'configuration', 'RoleArn'],
    'aws_codepipeline',
    { rename: CODEPIPELINE_BLOCKS },
  ),
  // SNS acts as a subscription's role to deliver to a Firehose stream.
  role(
    'sns-subscription',
    ['AWS::SNS::Subscription', 'SubscriptionRoleArn'],
    ['sns/topicSubscription:TopicSubscription', 'subscriptionRoleArn'],
    'aws_sns_topic_subscription',
  ),
  // A Bedrock agent invokes its foundation model, reads its action groups' API schemas and queries its knowledge bases
  // as its resource role; a knowledge base reads its data sources, embeds them and writes its vector store as its role.
  role(
    'bedrock-agent',
    ['AWS::Bedrock::Agent', 'AgentResourceRoleArn'],
    ['bedrock/agentAgent:AgentAgent', 'agentResourceRoleArn'],
    'aws_bedrockagent_agent',
  ),
  role(
    'bedrock-knowledge-base',
    ['AWS::Bedrock::KnowledgeBase', 'RoleArn'],
    ['bedrock/agentKnowledgeBase:AgentKnowledgeBase', 'roleArn'],
    'aws_bedrockagent_knowledge_base',
  ),
  // Bedrock reads a model customization job's training data and writes its model, and runs an evaluation job's
  // prompts and judge, as the job's role (Pulumi and Terraform only: CloudFormation has neither).
  alsoInPulumi('bedrock-model-job', ['bedrock/customModel:CustomModel', 'roleArn'], 'aws_bedrock_custom_model'),
  alsoInPulumi('bedrock-model-job', ['bedrock/evaluationJob:EvaluationJob', 'roleArn'], 'aws_bedrock_evaluation_job'),
  // A flow invokes its nodes (models, prompts, agents, knowledge bases, Lambda functions) as its execution role.
  role(
    'bedrock-flow',
    ['AWS::Bedrock::Flow', 'ExecutionRoleArn'],
    ['bedrock/agentFlow:AgentFlow', 'executionRoleArn'],
    'aws_bedrockagent_flow',
  ),
  // Bedrock AgentCore runs an agent's container or code as its runtime's role, and code an agent writes, or pages it
  // browses, as a custom code interpreter's or browser's: each microVM hands the role's credentials to whatever runs
  // in it. It calls a gateway's targets as the gateway's role, extracts a memory's long-term records with its model as
  // the memory's role, and reads an agent's logs and invokes the judge model as an online evaluation's role.
  role(
    'bedrock-agentcore-runtime',
    ['AWS::BedrockAgentCore::Runtime', 'RoleArn'],
    ['bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime', 'roleArn'],
    'aws_bedrockagentcore_agent_runtime',
  ),
  role(
    'bedrock-agentcore-code-interpreter',
    ['AWS::BedrockAgentCore::CodeInterpreterCustom', 'ExecutionRoleArn'],
    ['bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter', 'executionRoleArn'],
    'aws_bedrockagentcore_code_interpreter',
  ),
  role(
    'bedrock-agentcore-browser',
    ['AWS::BedrockAgentCore::BrowserCustom', 'ExecutionRoleArn'],
    ['bedrock/agentcoreBrowser:AgentcoreBrowser', 'executionRoleArn'],
    'aws_bedrockagentcore_browser',
  ),
  role(
    'bedrock-agentcore-gateway',
    ['AWS::BedrockAgentCore::Gateway', 'RoleArn'],
    ['bedrock/agentcoreGateway:AgentcoreGateway', 'roleArn'],
    'aws_bedrockagentcore_gateway',
  ),
  role(
    'bedrock-agentcore-memory',
    ['AWS::BedrockAgentCore::Memory', 'MemoryExecutionRoleArn'],
    ['bedrock/agentcoreMemory:AgentcoreMemory', 'memoryExecutionRoleArn'],
    'aws_bedrockagentcore_memory',
  ),
  // A memory strategy written as a resource of its own extracts its records with its model as the role it names.
  alsoInPulumi(
    'bedrock-agentcore-memory',
    ['bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy', 'memoryExecutionRoleArn'],
    'aws_bedrockagentcore_memory_strategy',
  ),
  role(
    'bedrock-agentcore-evaluation',
    ['AWS::BedrockAgentCore::OnlineEvaluationConfig', 'EvaluationExecutionRoleArn'],
    ['bedrock/agentcoreOnlineEvaluationConfig:AgentcoreOnlineEvaluationConfig', 'evaluationExecutionRoleArn'],
    'aws_bedrockagentcore_online_evaluation_config',
  ),
  // A harness creates an AgentCore runtime and runs its agent there as the harness's execution role (pathfinding.cloud
  // bedrock-005 runs a shell command in it and reads the role's credentials).
  role(
    'bedrock-agentcore-harness',
    ['AWS::BedrockAgentCore::Harness', 'ExecutionRoleArn'],
    ['bedrock/agentcoreHarness:AgentcoreHarness', 'executionRoleArn'],
    'aws_bedrockagentcore_harness',
  ),
  // Services that act as a role to do their own work in the account, found on public code: S3 replicates a bucket's
  // objects as its replication role; EKS runs a cluster's control plane as the cluster's role; CloudTrail, AppSync and
  // RDS enhanced monitoring write logs and metrics as the role each names; Config records resources as its recorder's
  // role; Kendra indexes and reads its data sources as their roles.
  role(
    's3-replication',
    ['AWS::S3::Bucket', 'ReplicationConfiguration', 'Role'],
    ['s3/bucketReplicationConfig:BucketReplicationConfig', 'role'],
    'aws_s3_bucket_replication_configuration',
  ),
  // The replication configuration written on the bucket itself, deprecated in Terraform and Pulumi but still read:
  // aws_s3_bucket's block of one (aws.s3.Bucket's object), aws.s3.BucketV2's list.
  alsoInPulumi('s3-replication', ['s3/bucket:Bucket', 'replicationConfiguration', 'role'], 'aws_s3_bucket', {
    single: ['replication_configuration'],
  }),
  alsoInPulumi('s3-replication', ['s3/bucketV2:BucketV2', 'replicationConfigurations', EACH, 'role']),
  role('eks-cluster', ['AWS::EKS::Cluster', 'RoleArn'], ['eks/cluster:Cluster', 'roleArn'], 'aws_eks_cluster'),
  role(
    'cloudtrail',
    ['AWS::CloudTrail::Trail', 'CloudWatchLogsRoleArn'],
    ['cloudtrail/trail:Trail', 'cloudWatchLogsRoleArn'],
    'aws_cloudtrail',
  ),
  role(
    'appsync',
    ['AWS::AppSync::GraphQLApi', 'LogConfig', 'CloudWatchLogsRoleArn'],
    ['appsync/graphQLApi:GraphQLApi', 'logConfig', 'cloudwatchLogsRoleArn'],
    'aws_appsync_graphql_api',
    { single: ['log_config'] },
  ),
  // An AppSync Event API writes its logs as its event configuration's log role.
  role(
    'appsync',
    ['AWS::AppSync::Api', 'EventConfig', 'LogConfig', 'CloudWatchLogsRoleArn'],
    ['appsync/api:Api', 'eventConfig', 'logConfig', 'cloudwatchLogsRoleArn'],
    'aws_appsync_api',
    { single: ['event_config', 'event_config.log_config'] },
  ),
  role(
    'rds-monitoring',
    ['AWS::RDS::DBInstance', 'MonitoringRoleArn'],
    ['rds/instance:Instance', 'monitoringRoleArn'],
    'aws_db_instance',
  ),
  // An Aurora cluster's instance is an AWS::RDS::DBInstance in CloudFormation, its own type in Pulumi and Terraform;
  // a Multi-AZ DB cluster takes its monitoring role on the cluster.
  alsoInPulumi(
    'rds-monitoring',
    ['rds/clusterInstance:ClusterInstance', 'monitoringRoleArn'],
    'aws_rds_cluster_instance',
  ),
  role(
    'rds-monitoring',
    ['AWS::RDS::DBCluster', 'MonitoringRoleArn'],
    ['rds/cluster:Cluster', 'monitoringRoleArn'],
    'aws_rds_cluster',
  ),
  role(
    'config-recorder',
    ['AWS::Config::ConfigurationRecorder', 'RoleARN'],
    ['cfg/recorder:Recorder', 'roleArn'],
    'aws_config_configuration_recorder',
  ),
  role('kendra', ['AWS::Kendra::Index', 'RoleArn'], ['kendra/index:Index', 'roleArn'], 'aws_kendra_index'),
  role(
    'kendra',
    ['AWS::Kendra::DataSource', 'RoleArn'],
    ['kendra/dataSource:DataSource', 'roleArn'],
    'aws_kendra_data_source',
  ),
  // Kendra reads an FAQ's, a thesaurus's and a query suggestions block list's S3 file as its role.
  ...(
    [
      ['Faq', 'faq:Faq', 'aws_kendra_faq'],
      ['Thesaurus', 'thesaurus:Thesaurus', 'aws_kendra_thesaurus'],
      [
        'QuerySuggestionsBlockList',
        'querySuggestionsBlockList:QuerySuggestionsBlockList',
        'aws_kendra_query_suggestions_block_list',
      ],
    ] as const
  ).map(([type, pulumi, terraform]) =>
    role('kendra', [`AWS::Kendra::${type}`, 'RoleArn'], [`kendra/${pulumi}`, 'roleArn'], terraform),
  ),
  // Comprehend reads a classifier's or recognizer's training data, and a flywheel's data lake, as their data access role
  // (flywheels and recognizer endpoints only in CloudFormation).
  role(
    'comprehend',
    ['AWS::Comprehend::DocumentClassifier', 'DataAccessRoleArn'],
    ['comprehend/documentClassifier:DocumentClassifier', 'dataAccessRoleArn'],
    'aws_comprehend_document_classifier',
  ),
  role(
    'comprehend',
    ['AWS::Comprehend::EntityRecognizer', 'DataAccessRoleArn'],
    ['comprehend/entityRecognizer:EntityRecognizer', 'dataAccessRoleArn'],
    'aws_comprehend_entity_recognizer',
  ),
  cloudFormationOnly('comprehend', ['AWS::Comprehend::Flywheel', 'DataAccessRoleArn']),
  cloudFormationOnly('comprehend', ['AWS::Comprehend::EntityRecognizerEndpoint', 'DataAccessRoleArn']),
  // EC2 Auto Scaling sends a lifecycle hook's notifications to its SNS topic or SQS queue as the hook's role, a hook
  // of its own or one written on the group (Terraform's initial_lifecycle_hook blocks, Pulumi's initialLifecycleHooks).
  role(
    'autoscaling-lifecycle-hook',
    ['AWS::AutoScaling::LifecycleHook', 'RoleARN'],
    ['autoscaling/lifecycleHook:LifecycleHook', 'roleArn'],
    'aws_autoscaling_lifecycle_hook',
  ),
  role(
    'autoscaling-lifecycle-hook',
    ['AWS::AutoScaling::AutoScalingGroup', 'LifecycleHookSpecificationList', EACH, 'RoleARN'],
    ['autoscaling/group:Group', 'initialLifecycleHooks', EACH, 'roleArn'],
    'aws_autoscaling_group',
    { rename: { initial_lifecycle_hook: 'initialLifecycleHooks' } },
  ),
  // Application Auto Scaling scales a target as its role (most namespaces now take the service-linked role instead).
  role(
    'application-autoscaling',
    ['AWS::ApplicationAutoScaling::ScalableTarget', 'RoleARN'],
    ['appautoscaling/target:Target', 'roleArn'],
    'aws_appautoscaling_target',
  ),
  // ECS registers a service's tasks with its load balancer as the service's role (tasks not in awsvpc mode), and acts
  // as the roles its settings name: an EBS volume's and a VPC Lattice target's infrastructure role, a Service Connect
  // service's TLS role, a deployment lifecycle hook's role, a blue/green load balancer's role.
  role('ecs-service', ['AWS::ECS::Service', 'Role'], ['ecs/service:Service', 'iamRole'], 'aws_ecs_service'),
  ...ECS_SERVICE_ROLES.map(([cloudFormation, pulumi]) =>
    role(
      'ecs-service',
      ['AWS::ECS::Service', ...cloudFormation, 'RoleArn'],
      ['ecs/service:Service', ...pulumi, 'roleArn'],
      'aws_ecs_service',
      ECS_SERVICE_BLOCKS,
    ),
  ),
  // Lambda manages a capacity provider's EC2 instances (Lambda Managed Instances) as its operator role. Terraform's
  // permissions_config is a list block of at most one (the provider's capacity_provider.go), Pulumi's an object.
  role(
    'lambda-capacity-provider',
    ['AWS::Lambda::CapacityProvider', 'PermissionsConfig', 'CapacityProviderOperatorRoleArn'],
    ['lambda/capacityProvider:CapacityProvider', 'permissionsConfig', 'capacityProviderOperatorRoleArn'],
    'aws_lambda_capacity_provider',
    { single: ['permissions_config'] },
  ),
  // A Greengrass (v1) group's core, its Lambda functions and connectors call AWS as the group's role.
  cloudFormationOnly('greengrass', ['AWS::Greengrass::Group', 'RoleArn']),
  // EventBridge invokes a rule's targets as the rule's own role where a target names none (an event bus in another
  // account), beside each target's role.
  role(
    'event-target',
    ['AWS::Events::Rule', 'RoleArn'],
    ['cloudwatch/eventRule:EventRule', 'roleArn'],
    'aws_cloudwatch_event_rule',
  ),
];
