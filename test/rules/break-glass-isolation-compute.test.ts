/**
 * break-glass-isolation end to end, in each AWS front-end: a break-glass role given to the compute of AWS services
 * that then act as it (a CodeBuild project, a Step Functions state machine, a Glue job, an ECS task's execution role,
 * a Batch job, a SageMaker notebook, an App Runner service, an EKS node group or pod identity; a CodePipeline action,
 * an EventBridge rule's target, a Scheduler schedule, an EventBridge pipe; a Bedrock agent or knowledge base, a
 * SageMaker model, pipeline, domain or user profile, a Firehose stream's source, destinations and their buckets, an
 * EMR cluster, an Airflow environment, a CodeDeploy deployment group, a Managed Flink application, an IoT topic rule
 * action; an API Gateway integration, a CodePipeline CloudFormation action's deploy role, an SNS subscription) is
 * reported on that compute, as a Lambda function's role always was, and an ordinary role given to it is attached but
 * not reported. The property names are written out here as each front-end spells
 * them (the CloudFormation resource schemas, Pulumi aws, the Terraform aws provider), not read from the adapters'
 * table, so a misspelt entry there fails here.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import type { CfnResource } from '../../src/adapters/cloudformation/template.js';
import { modelFromTemplates, TemplateModelBuilder } from '../../src/adapters/cloudformation/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { PULUMI_UNKNOWN as UNKNOWN, pulumiResource as resource, pulumiUrn as urn } from '../multicloud/builders.js';
import { terraformPlan } from '../terraform/support.js';

const catalog = parseCatalog(
  `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
`,
  'catalog.yaml',
);
const NOW = new Date('2026-06-01T00:00:00Z');
const TAGS = { owner: 'team-platform', 'identity-class': 'break-glass' };
const ARN = 'arn:aws:iam::111122223333:role/break-glass';
const SAML_TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
};

/** break-glass-isolation's compute findings: `rule level resource detail`, sorted. */
function attachedCompute(model: Model): string[] {
  return evaluate(model, { catalog, now: NOW, pending: 'fail-closed' })
    .findings.filter((f) => f.ruleId === 'break-glass-isolation' && f.detail?.startsWith('Attachment::'))
    .map((f) => [f.ruleId, f.level, f.resource.name, f.detail].join(' '))
    .sort();
}

/** The compute a role is attached to, whatever its class: `resource Attachment::kind`, sorted. */
function attachmentsOf(model: Model, name: string): string[] {
  const identity = model.identities.find((candidate) => candidate.name === name);
  return (identity?.attachments ?? []).map((a) => `${a.source.name} Attachment::${a.kind}`).sort();
}

/**
 * A Firehose delivery stream per role it reads its source or writes a destination (or the S3 bucket a destination
 * backs up to or stages through) as: its name, then the path to the role in CloudFormation, Pulumi and Terraform
 * (none in Pulumi and Terraform for the plain S3 destination, which the Terraform provider dropped).
 */
const FIREHOSE: readonly [name: string, cloudFormation: string[], pulumi?: string[], terraform?: string[]][] = [
  [
    'FromKinesis',
    ['KinesisStreamSourceConfiguration', 'RoleARN'],
    ['kinesisSourceConfiguration', 'roleArn'],
    ['kinesis_source_configuration', 'role_arn'],
  ],
  [
    'FromMsk',
    ['MSKSourceConfiguration', 'AuthenticationConfiguration', 'RoleARN'],
    ['mskSourceConfiguration', 'authenticationConfiguration', 'roleArn'],
    ['msk_source_configuration', 'authentication_configuration', 'role_arn'],
  ],
  ['ToS3', ['S3DestinationConfiguration', 'RoleARN']],
  [
    'ToExtendedS3',
    ['ExtendedS3DestinationConfiguration', 'RoleARN'],
    ['extendedS3Configuration', 'roleArn'],
    ['extended_s3_configuration', 'role_arn'],
  ],
  [
    'ExtendedS3Backup',
    ['ExtendedS3DestinationConfiguration', 'S3BackupConfiguration', 'RoleARN'],
    ['extendedS3Configuration', 's3BackupConfiguration', 'roleArn'],
    ['extended_s3_configuration', 's3_backup_configuration', 'role_arn'],
  ],
  [
    'ToRedshift',
    ['RedshiftDestinationConfiguration', 'RoleARN'],
    ['redshiftConfiguration', 'roleArn'],
    ['redshift_configuration', 'role_arn'],
  ],
  [
    'RedshiftStaging',
    ['RedshiftDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['redshiftConfiguration', 's3Configuration', 'roleArn'],
    ['redshift_configuration', 's3_configuration', 'role_arn'],
  ],
  [
    'RedshiftBackup',
    ['RedshiftDestinationConfiguration', 'S3BackupConfiguration', 'RoleARN'],
    ['redshiftConfiguration', 's3BackupConfiguration', 'roleArn'],
    ['redshift_configuration', 's3_backup_configuration', 'role_arn'],
  ],
  [
    'ToElasticsearch',
    ['ElasticsearchDestinationConfiguration', 'RoleARN'],
    ['elasticsearchConfiguration', 'roleArn'],
    ['elasticsearch_configuration', 'role_arn'],
  ],
  [
    'ElasticsearchBackup',
    ['ElasticsearchDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['elasticsearchConfiguration', 's3Configuration', 'roleArn'],
    ['elasticsearch_configuration', 's3_configuration', 'role_arn'],
  ],
  [
    'ToOpenSearch',
    ['AmazonopensearchserviceDestinationConfiguration', 'RoleARN'],
    ['opensearchConfiguration', 'roleArn'],
    ['opensearch_configuration', 'role_arn'],
  ],
  [
    'OpenSearchBackup',
    ['AmazonopensearchserviceDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['opensearchConfiguration', 's3Configuration', 'roleArn'],
    ['opensearch_configuration', 's3_configuration', 'role_arn'],
  ],
  [
    'ToServerless',
    ['AmazonOpenSearchServerlessDestinationConfiguration', 'RoleARN'],
    ['opensearchserverlessConfiguration', 'roleArn'],
    ['opensearchserverless_configuration', 'role_arn'],
  ],
  [
    'ServerlessBackup',
    ['AmazonOpenSearchServerlessDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['opensearchserverlessConfiguration', 's3Configuration', 'roleArn'],
    ['opensearchserverless_configuration', 's3_configuration', 'role_arn'],
  ],
  [
    'ToHttp',
    ['HttpEndpointDestinationConfiguration', 'RoleARN'],
    ['httpEndpointConfiguration', 'roleArn'],
    ['http_endpoint_configuration', 'role_arn'],
  ],
  [
    'HttpBackup',
    ['HttpEndpointDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['httpEndpointConfiguration', 's3Configuration', 'roleArn'],
    ['http_endpoint_configuration', 's3_configuration', 'role_arn'],
  ],
  [
    'ToSnowflake',
    ['SnowflakeDestinationConfiguration', 'RoleARN'],
    ['snowflakeConfiguration', 'roleArn'],
    ['snowflake_configuration', 'role_arn'],
  ],
  [
    'SnowflakeBackup',
    ['SnowflakeDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['snowflakeConfiguration', 's3Configuration', 'roleArn'],
    ['snowflake_configuration', 's3_configuration', 'role_arn'],
  ],
  [
    'ToIceberg',
    ['IcebergDestinationConfiguration', 'RoleARN'],
    ['icebergConfiguration', 'roleArn'],
    ['iceberg_configuration', 'role_arn'],
  ],
  [
    'IcebergBackup',
    ['IcebergDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['icebergConfiguration', 's3Configuration', 'roleArn'],
    ['iceberg_configuration', 's3_configuration', 'role_arn'],
  ],
  [
    'SplunkBackup',
    ['SplunkDestinationConfiguration', 'S3Configuration', 'RoleARN'],
    ['splunkConfiguration', 's3Configuration', 'roleArn'],
    ['splunk_configuration', 's3_configuration', 'role_arn'],
  ],
];

/**
 * IoT topic rule actions that take a role: CloudFormation's action type, Pulumi's list of that type and the key of its
 * error action, Terraform's block (none in Pulumi and Terraform for the types the Terraform provider lacks).
 */
const IOT: readonly [cloudFormation: string, pulumi?: string, errorAction?: string, terraform?: string][] = [
  ['CloudwatchAlarm', 'cloudwatchAlarms', 'cloudwatchAlarm', 'cloudwatch_alarm'],
  ['CloudwatchLogs', 'cloudwatchLogs', 'cloudwatchLogs', 'cloudwatch_logs'],
  ['CloudwatchMetric', 'cloudwatchMetrics', 'cloudwatchMetric', 'cloudwatch_metric'],
  ['DynamoDB', 'dynamodbs', 'dynamodb', 'dynamodb'],
  ['DynamoDBv2', 'dynamodbv2s', 'dynamodbv2', 'dynamodbv2'],
  ['Elasticsearch', 'elasticsearch', 'elasticsearch', 'elasticsearch'],
  ['Firehose', 'firehoses', 'firehose', 'firehose'],
  ['IotAnalytics', 'iotAnalytics', 'iotAnalytics', 'iot_analytics'],
  ['IotEvents', 'iotEvents', 'iotEvents', 'iot_events'],
  ['Kinesis', 'kineses', 'kinesis', 'kinesis'],
  ['Republish', 'republishes', 'republish', 'republish'],
  ['S3', 's3', 's3', 's3'],
  ['Sns', 'sns', 'sns', 'sns'],
  ['Sqs', 'sqs', 'sqs', 'sqs'],
  ['StepFunctions', 'stepFunctions', 'stepFunctions', 'step_functions'],
  ['Timestream', 'timestreams', 'timestream', 'timestream'],
  ['InfluxDB'],
  ['IotSiteWise'],
  ['Location'],
  ['OpenSearch'],
];

/** `{ a: { b: value } }` for the path `a.b`; `blocks`: each level above the value a list of one (Terraform's blocks). */
function nested(path: readonly string[], value: unknown, blocks = false): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) throw new Error('empty path');
  if (rest.length === 0) return { [key]: value };
  const inner = nested(rest, value, blocks);
  return { [key]: blocks ? [inner] : inner };
}

/** break-glass-isolation's findings for a break-glass role attached to each of `compute`. */
const reported = (compute: readonly string[]) => compute.map((line) => `break-glass-isolation mandatory ${line}`);

describe('break-glass-isolation: compute of AWS services, in CloudFormation', () => {
  const arn = { 'Fn::GetAtt': ['BreakGlass', 'Arn'] };
  const resources: Record<string, CfnResource> = {
    BreakGlass: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'break-glass',
        AssumeRolePolicyDocument: SAML_TRUST,
        Tags: Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value })),
      },
    },
    Build: { Type: 'AWS::CodeBuild::Project', Properties: { ServiceRole: arn } },
    Pipeline: { Type: 'AWS::CodePipeline::Pipeline', Properties: { RoleArn: arn } },
    Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: arn } },
    Etl: { Type: 'AWS::Glue::Job', Properties: { Role: { Ref: 'BreakGlass' } } },
    Notebook: { Type: 'AWS::Glue::DevEndpoint', Properties: { RoleArn: arn } },
    Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { ExecutionRoleArn: arn } },
    Job: {
      Type: 'AWS::Batch::JobDefinition',
      Properties: { Type: 'container', ContainerProperties: { Image: 'busybox', JobRoleArn: arn } },
    },
    EcsJob: {
      Type: 'AWS::Batch::JobDefinition',
      Properties: { Type: 'container', EcsProperties: { TaskProperties: [{ TaskRoleArn: arn }] } },
    },
    MpiJob: {
      Type: 'AWS::Batch::JobDefinition',
      Properties: {
        Type: 'multinode',
        NodeProperties: {
          MainNode: 0,
          NumNodes: 2,
          NodeRangeProperties: [{ TargetNodes: '0:', Container: { ExecutionRoleArn: arn } }],
        },
      },
    },
    Lab: { Type: 'AWS::SageMaker::NotebookInstance', Properties: { RoleArn: arn } },
    Web: { Type: 'AWS::AppRunner::Service', Properties: { InstanceConfiguration: { InstanceRoleArn: arn } } },
    Pull: {
      Type: 'AWS::AppRunner::Service',
      Properties: { SourceConfiguration: { AuthenticationConfiguration: { AccessRoleArn: arn } } },
    },
    Nodes: { Type: 'AWS::EKS::Nodegroup', Properties: { NodeRole: arn } },
    Pods: { Type: 'AWS::EKS::PodIdentityAssociation', Properties: { RoleArn: arn } },
  };
  const template = { stack: 'App', file: 'app.template.json', template: { Resources: resources } };
  const EXPECTED = [
    'break-glass-isolation mandatory Build Attachment::codebuild',
    'break-glass-isolation mandatory EcsJob Attachment::batch',
    'break-glass-isolation mandatory Etl Attachment::glue',
    'break-glass-isolation mandatory Flow Attachment::state-machine',
    'break-glass-isolation mandatory Job Attachment::batch',
    'break-glass-isolation mandatory Lab Attachment::sagemaker',
    'break-glass-isolation mandatory MpiJob Attachment::batch',
    'break-glass-isolation mandatory Nodes Attachment::eks-nodes',
    'break-glass-isolation mandatory Notebook Attachment::glue',
    'break-glass-isolation mandatory Pipeline Attachment::codepipeline',
    'break-glass-isolation mandatory Pods Attachment::eks-pod-identity',
    'break-glass-isolation mandatory Pull Attachment::app-runner',
    'break-glass-isolation mandatory Task Attachment::ecs-task-execution',
    'break-glass-isolation mandatory Web Attachment::app-runner',
  ];

  it('reports a break-glass role run by each service, nested properties and lists (Batch, App Runner) included', () => {
    expect(attachedCompute(modelFromTemplates([template]))).toEqual(EXPECTED);
  });

  it('links a template whose nested references all name its own role ahead, to the same model', () => {
    const builder = new TemplateModelBuilder({ streamed: true });
    builder.add(template);
    const streamed = builder.finish();
    expect(builder.stacksLinkedAhead).toBe(1);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(modelFromTemplates([template])));
  });

  it('reports services that act as a role named in a nested list: CodePipeline actions, rule targets, schedules, pipes', () => {
    const acting = {
      stack: 'App',
      file: 'app.template.json',
      template: {
        Resources: {
          BreakGlass: resources.BreakGlass!,
          Release: {
            Type: 'AWS::CodePipeline::Pipeline',
            Properties: {
              Stages: [
                { Name: 'Source', Actions: [{ Name: 'Checkout' }] },
                { Name: 'Deploy', Actions: [{ Name: 'Plan' }, { Name: 'Apply', RoleArn: arn }] },
              ],
            },
          },
          Nightly: {
            Type: 'AWS::Events::Rule',
            Properties: {
              EventPattern: { source: ['aws.ec2'] },
              Targets: [{ Id: 'run', Arn: 'arn:aws:states:us-east-1:111122223333:stateMachine:x', RoleArn: arn }],
            },
          },
          Hourly: {
            Type: 'AWS::Scheduler::Schedule',
            Properties: {
              ScheduleExpression: 'rate(1 hour)',
              FlexibleTimeWindow: { Mode: 'OFF' },
              Target: { Arn: 'arn:aws:sqs:us-east-1:111122223333:q', RoleArn: arn },
            },
          },
          Stream: {
            Type: 'AWS::Pipes::Pipe',
            Properties: {
              RoleArn: arn,
              Source: 'arn:aws:sqs:us-east-1:111122223333:in',
              Target: 'arn:aws:sqs:us-east-1:111122223333:out',
            },
          },
        },
      },
    };
    const builder = new TemplateModelBuilder({ streamed: true });
    builder.add(acting);
    const model = builder.finish();
    expect(attachedCompute(model)).toEqual([
      'break-glass-isolation mandatory Hourly Attachment::schedule',
      'break-glass-isolation mandatory Nightly Attachment::event-target',
      'break-glass-isolation mandatory Release Attachment::codepipeline-action',
      'break-glass-isolation mandatory Stream Attachment::pipe',
    ]);
    expect(builder.stacksLinkedAhead).toBe(1);
    expect(model.monitors?.map((monitor) => [monitor.kind, monitor.source.name])).toEqual([['event-rule', 'Nightly']]);
  });

  /** AI and data services that act as the role a property names, each by its own path. */
  const services = (role: unknown): Record<string, CfnResource> => ({
    Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'agent', AgentResourceRoleArn: role } },
    Knowledge: { Type: 'AWS::Bedrock::KnowledgeBase', Properties: { Name: 'kb', RoleArn: role } },
    Model: { Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: role } },
    Training: { Type: 'AWS::SageMaker::Pipeline', Properties: { PipelineName: 'training', RoleArn: role } },
    Studio: {
      Type: 'AWS::SageMaker::Domain',
      Properties: { DomainName: 'studio', AuthMode: 'IAM', DefaultUserSettings: { ExecutionRole: role } },
    },
    Shared: {
      Type: 'AWS::SageMaker::Domain',
      Properties: {
        DomainName: 'shared',
        AuthMode: 'IAM',
        DefaultUserSettings: {},
        DefaultSpaceSettings: { ExecutionRole: role },
      },
    },
    Analyst: {
      Type: 'AWS::SageMaker::UserProfile',
      Properties: { DomainId: 'd-1', UserProfileName: 'analyst', UserSettings: { ExecutionRole: role } },
    },
    Hadoop: { Type: 'AWS::EMR::Cluster', Properties: { Name: 'hadoop', Instances: {}, ServiceRole: role } },
    Scaling: {
      Type: 'AWS::EMR::Cluster',
      Properties: { Name: 'scaling', Instances: {}, ServiceRole: 'EMR_DefaultRole', AutoScalingRole: role },
    },
    Airflow: { Type: 'AWS::MWAA::Environment', Properties: { Name: 'airflow', ExecutionRoleArn: role } },
    Deploy: { Type: 'AWS::CodeDeploy::DeploymentGroup', Properties: { ApplicationName: 'app', ServiceRoleArn: role } },
    Flink: {
      Type: 'AWS::KinesisAnalyticsV2::Application',
      Properties: { RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: role },
    },
    ...Object.fromEntries(
      IOT.flatMap(([action]) => {
        const rule = (payload: Record<string, unknown>) => ({
          Type: 'AWS::IoT::TopicRule',
          Properties: {
            TopicRulePayload: {
              Sql: "SELECT * FROM 'in'",
              Actions: [{ Lambda: { FunctionArn: 'arn:fn' } }],
              ...payload,
            },
          },
        });
        return [
          [`Iot${action}`, rule({ Actions: [{ Lambda: { FunctionArn: 'arn:fn' } }, { [action]: { RoleArn: role } }] })],
          [`IotError${action}`, rule({ ErrorAction: { [action]: { RoleArn: role } } })],
        ];
      }),
    ),
    ...Object.fromEntries(
      FIREHOSE.map(([name, path]) => [
        name,
        { Type: 'AWS::KinesisFirehose::DeliveryStream', Properties: nested(path, role) },
      ]),
    ),
  });
  const SERVICES = [
    'Agent Attachment::bedrock-agent',
    'Analyst Attachment::sagemaker',
    'Knowledge Attachment::bedrock-knowledge-base',
    'Model Attachment::sagemaker',
    'Shared Attachment::sagemaker',
    'Studio Attachment::sagemaker',
    'Training Attachment::sagemaker',
    'Hadoop Attachment::emr',
    'Scaling Attachment::emr',
    'Airflow Attachment::mwaa',
    'Deploy Attachment::codedeploy',
    'Flink Attachment::kinesis-analytics',
    ...IOT.flatMap(([action]) => [`Iot${action} Attachment::iot-rule`, `IotError${action} Attachment::iot-rule`]),
    ...FIREHOSE.map(([name]) => `${name} Attachment::firehose`),
  ].sort();

  it('reports a break-glass role given to AI and data services: Bedrock agents and knowledge bases, SageMaker models, pipelines, domains and user profiles, Firehose streams, EMR clusters, Airflow environments, CodeDeploy groups, Flink applications, IoT rule actions', () => {
    const model = modelFromTemplates([
      { ...template, template: { Resources: { BreakGlass: resources.BreakGlass!, ...services(arn) } } },
    ]);
    expect(attachedCompute(model)).toEqual(reported(SERVICES));
  });

  it('links the same template ahead when streamed, its nested and listed role references all its own, to the same model', () => {
    // Less the cluster whose service role is named by name (EMR_DefaultRole), which could be another stack's role.
    const own = Object.fromEntries(Object.entries(services(arn)).filter(([logicalId]) => logicalId !== 'Scaling'));
    const input = { ...template, template: { Resources: { BreakGlass: resources.BreakGlass!, ...own } } };
    const builder = new TemplateModelBuilder({ streamed: true });
    builder.add(input);
    const streamed = builder.finish();
    expect(builder.stacksLinkedAhead).toBe(1);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(modelFromTemplates([input])));
    expect(attachedCompute(streamed)).toEqual(reported(SERVICES.filter((line) => !line.startsWith('Scaling '))));
  });

  it('attaches an ordinary role to the same services, and reports nothing for it', () => {
    const ordinary: CfnResource = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'ordinary',
        AssumeRolePolicyDocument: SAML_TRUST,
        Tags: [{ Key: 'owner', Value: 'team-platform' }],
      },
    };
    const model = modelFromTemplates([
      {
        ...template,
        template: { Resources: { Ordinary: ordinary, ...services({ 'Fn::GetAtt': ['Ordinary', 'Arn'] }) } },
      },
    ]);
    expect(attachedCompute(model)).toEqual([]);
    expect(attachmentsOf(model, 'ordinary')).toEqual(SERVICES);
  });

  it('makes a stack whose nested property names a role by ARN (Fn::Sub) wait to be linked, and finds the role', () => {
    const byArn = {
      ...template,
      template: {
        Resources: {
          BreakGlass: resources.BreakGlass!,
          Web: {
            Type: 'AWS::AppRunner::Service',
            Properties: {
              InstanceConfiguration: {
                InstanceRoleArn: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/break-glass' },
              },
            },
          },
        },
      },
    };
    const builder = new TemplateModelBuilder({ streamed: true });
    builder.add(byArn);
    expect(attachedCompute(builder.finish())).toEqual(['break-glass-isolation mandatory Web Attachment::app-runner']);
    expect(builder.stacksLinkedAhead).toBe(0);
  });

  it('reads a nested property an Fn::If writes, and makes that stack wait to be linked', () => {
    const conditional = {
      stack: 'App',
      file: 'app.template.json',
      template: {
        Conditions: { Prod: { 'Fn::Equals': ['prod', 'prod'] } },
        Resources: {
          BreakGlass: resources.BreakGlass!,
          Job: {
            Type: 'AWS::Batch::JobDefinition',
            Properties: {
              Type: 'container',
              ContainerProperties: { 'Fn::If': ['Prod', { JobRoleArn: arn }, { Ref: 'AWS::NoValue' }] },
            },
          },
        },
      },
    };
    const builder = new TemplateModelBuilder({ streamed: true });
    builder.add(conditional);
    expect(attachedCompute(builder.finish())).toEqual(['break-glass-isolation mandatory Job Attachment::batch']);
    expect(builder.stacksLinkedAhead).toBe(0);
  });

  it('makes a stack wait to be linked whose compute writes all its properties with an intrinsic', () => {
    // cfn-lint's primary_identifiers fixture writes a bucket's Properties as an Fn::If on the region.
    const conditional = {
      stack: 'App',
      file: 'app.template.json',
      template: {
        Parameters: { Env: { Type: 'String' } },
        Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
        Resources: {
          BreakGlass: resources.BreakGlass!,
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              'Fn::If': ['Prod', { Role: { 'Fn::GetAtt': ['BreakGlass', 'Arn'] } }, { Ref: 'AWS::NoValue' }],
            },
          },
        },
      },
    };
    const builder = new TemplateModelBuilder({ streamed: true });
    builder.add(conditional);
    const streamed = builder.finish();
    expect(builder.stacksLinkedAhead).toBe(0);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(modelFromTemplates([conditional])));
  });
});

describe('break-glass-isolation: compute of AWS services, in Pulumi', () => {
  const ROLE = 'aws:iam/role:Role';
  const breakGlass = resource(ROLE, 'break-glass', {
    name: 'break-glass',
    assumeRolePolicy: JSON.stringify(SAML_TRUST),
    tags: TAGS,
  });
  const onRole = (property: string) => ({ [property]: [urn(ROLE, 'break-glass')] });

  it('reports a break-glass role run by each service, by ARN, nested and in a JSON string (Batch)', () => {
    const model = modelFromPulumiResources([
      breakGlass,
      resource('aws:codebuild/project:Project', 'build', { serviceRole: ARN }),
      resource('aws:codepipeline/pipeline:Pipeline', 'pipeline', { roleArn: ARN }),
      resource('aws:sfn/stateMachine:StateMachine', 'flow', { roleArn: ARN }),
      resource('aws:glue/job:Job', 'etl', { roleArn: ARN }),
      resource('aws:glue/devEndpoint:DevEndpoint', 'notebook', { roleArn: ARN }),
      resource('aws:ecs/taskDefinition:TaskDefinition', 'task', { executionRoleArn: ARN }),
      resource('aws:batch/jobDefinition:JobDefinition', 'job', {
        type: 'container',
        containerProperties: JSON.stringify({ image: 'busybox', jobRoleArn: ARN }),
      }),
      resource('aws:batch/jobDefinition:JobDefinition', 'ecs-job', {
        type: 'container',
        ecsProperties: JSON.stringify({ taskProperties: [{ containers: [], taskRoleArn: ARN }] }),
      }),
      resource('aws:batch/jobDefinition:JobDefinition', 'mpi-job', {
        type: 'multinode',
        nodeProperties: JSON.stringify({
          nodeRangeProperties: [{ targetNodes: '0:', container: { executionRoleArn: ARN } }],
        }),
      }),
      resource('aws:sagemaker/notebookInstance:NotebookInstance', 'lab', { roleArn: ARN }),
      resource('aws:apprunner/service:Service', 'web', { instanceConfiguration: { instanceRoleArn: ARN } }),
      resource('aws:apprunner/service:Service', 'pull', {
        sourceConfiguration: { authenticationConfiguration: { accessRoleArn: ARN } },
      }),
      resource('aws:eks/nodeGroup:NodeGroup', 'nodes', { nodeRoleArn: ARN }),
      resource('aws:eks/podIdentityAssociation:PodIdentityAssociation', 'pods', { roleArn: ARN }),
    ]);
    expect(attachedCompute(model)).toEqual([
      'break-glass-isolation mandatory build Attachment::codebuild',
      'break-glass-isolation mandatory ecs-job Attachment::batch',
      'break-glass-isolation mandatory etl Attachment::glue',
      'break-glass-isolation mandatory flow Attachment::state-machine',
      'break-glass-isolation mandatory job Attachment::batch',
      'break-glass-isolation mandatory lab Attachment::sagemaker',
      'break-glass-isolation mandatory mpi-job Attachment::batch',
      'break-glass-isolation mandatory nodes Attachment::eks-nodes',
      'break-glass-isolation mandatory notebook Attachment::glue',
      'break-glass-isolation mandatory pipeline Attachment::codepipeline',
      'break-glass-isolation mandatory pods Attachment::eks-pod-identity',
      'break-glass-isolation mandatory pull Attachment::app-runner',
      'break-glass-isolation mandatory task Attachment::ecs-task-execution',
      'break-glass-isolation mandatory web Attachment::app-runner',
    ]);
  });

  it('reports services that act as a role named in a nested list: CodePipeline actions, event targets, schedules, pipes', () => {
    const model = modelFromPulumiResources([
      breakGlass,
      resource('aws:codepipeline/pipeline:Pipeline', 'release', {
        stages: [
          { name: 'Source', actions: [{ name: 'Checkout' }] },
          { name: 'Deploy', actions: [{ name: 'Plan' }, { name: 'Apply', roleArn: ARN }] },
        ],
      }),
      resource('aws:cloudwatch/eventTarget:EventTarget', 'nightly', { rule: 'nightly', arn: 'arn:x', roleArn: ARN }),
      resource('aws:scheduler/schedule:Schedule', 'hourly', { target: { arn: 'arn:x', roleArn: ARN } }),
      resource('aws:pipes/pipe:Pipe', 'stream', { roleArn: ARN, source: 'arn:in', target: 'arn:out' }),
    ]);
    expect(attachedCompute(model)).toEqual([
      'break-glass-isolation mandatory hourly Attachment::schedule',
      'break-glass-isolation mandatory nightly Attachment::event-target',
      'break-glass-isolation mandatory release Attachment::codepipeline-action',
      'break-glass-isolation mandatory stream Attachment::pipe',
    ]);
  });

  /** AI and data services that act as the role a property names, each by its own path. */
  const services = (role: string) => [
    resource('aws:bedrock/agentAgent:AgentAgent', 'agent', { agentName: 'agent', agentResourceRoleArn: role }),
    resource('aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase', 'knowledge', { name: 'kb', roleArn: role }),
    resource('aws:sagemaker/model:Model', 'model', { executionRoleArn: role }),
    resource('aws:sagemaker/pipeline:Pipeline', 'training', { pipelineName: 'training', roleArn: role }),
    resource('aws:sagemaker/domain:Domain', 'studio', {
      domainName: 'studio',
      authMode: 'IAM',
      defaultUserSettings: { executionRole: role },
    }),
    resource('aws:sagemaker/domain:Domain', 'shared', {
      domainName: 'shared',
      authMode: 'IAM',
      defaultSpaceSettings: { executionRole: role },
    }),
    resource('aws:sagemaker/userProfile:UserProfile', 'analyst', {
      domainId: 'd-1',
      userProfileName: 'analyst',
      userSettings: { executionRole: role },
    }),
    resource('aws:emr/cluster:Cluster', 'hadoop', { name: 'hadoop', serviceRole: role }),
    resource('aws:emr/cluster:Cluster', 'scaling', {
      name: 'scaling',
      serviceRole: 'EMR_DefaultRole',
      autoscalingRole: role,
    }),
    resource('aws:mwaa/environment:Environment', 'airflow', { name: 'airflow', executionRoleArn: role }),
    resource('aws:codedeploy/deploymentGroup:DeploymentGroup', 'deploy', { appName: 'app', serviceRoleArn: role }),
    resource('aws:kinesisanalyticsv2/application:Application', 'flink', {
      runtimeEnvironment: 'FLINK-1_20',
      serviceExecutionRole: role,
    }),
    ...IOT.flatMap(([action, list, error]) =>
      list && error
        ? [
            resource('aws:iot/topicRule:TopicRule', `iot-${action}`, { sql: 'SELECT 1', [list]: [{ roleArn: role }] }),
            resource('aws:iot/topicRule:TopicRule', `iot-error-${action}`, {
              sql: 'SELECT 1',
              errorAction: { [error]: { roleArn: role } },
            }),
          ]
        : [],
    ),
    ...FIREHOSE.flatMap(([name, , path]) =>
      path ? [resource('aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream', name, nested(path, role))] : [],
    ),
  ];
  const SERVICES = [
    'agent Attachment::bedrock-agent',
    'analyst Attachment::sagemaker',
    'knowledge Attachment::bedrock-knowledge-base',
    'model Attachment::sagemaker',
    'shared Attachment::sagemaker',
    'studio Attachment::sagemaker',
    'training Attachment::sagemaker',
    'hadoop Attachment::emr',
    'scaling Attachment::emr',
    'airflow Attachment::mwaa',
    'deploy Attachment::codedeploy',
    'flink Attachment::kinesis-analytics',
    ...IOT.flatMap(([action, list]) =>
      list ? [`iot-${action} Attachment::iot-rule`, `iot-error-${action} Attachment::iot-rule`] : [],
    ),
    ...FIREHOSE.flatMap(([name, , path]) => (path ? [`${name} Attachment::firehose`] : [])),
  ].sort();

  it('reports a break-glass role given to AI and data services: Bedrock agents and knowledge bases, SageMaker models, pipelines, domains and user profiles, Firehose streams, EMR clusters, Airflow environments, CodeDeploy groups, Flink applications, IoT rule actions', () => {
    expect(attachedCompute(modelFromPulumiResources([breakGlass, ...services(ARN)]))).toEqual(reported(SERVICES));
  });

  it('attaches an ordinary role to the same services, and reports nothing for it', () => {
    const ordinary = resource(ROLE, 'ordinary', {
      name: 'ordinary',
      assumeRolePolicy: JSON.stringify(SAML_TRUST),
      tags: { owner: 'team-platform' },
    });
    const model = modelFromPulumiResources([ordinary, ...services('arn:aws:iam::111122223333:role/ordinary')]);
    expect(attachedCompute(model)).toEqual([]);
    expect(attachmentsOf(model, 'ordinary')).toEqual(SERVICES);
  });

  it('in preview, follows the dependencies of a role ARN not known yet, nested or in a JSON string', () => {
    const model = modelFromPulumiResources([
      breakGlass,
      resource('aws:codebuild/project:Project', 'build', { serviceRole: UNKNOWN }, onRole('serviceRole')),
      resource(
        'aws:apprunner/service:Service',
        'web',
        { instanceConfiguration: { instanceRoleArn: UNKNOWN } },
        onRole('instanceConfiguration'),
      ),
      resource(
        'aws:batch/jobDefinition:JobDefinition',
        'job',
        { type: 'container', containerProperties: UNKNOWN },
        onRole('containerProperties'),
      ),
    ]);
    expect(attachedCompute(model)).toEqual([
      'break-glass-isolation mandatory build Attachment::codebuild',
      'break-glass-isolation mandatory job Attachment::batch',
      'break-glass-isolation mandatory web Attachment::app-runner',
    ]);
  });
});

describe('break-glass-isolation: compute of AWS services, in a Terraform plan', () => {
  const role = {
    address: 'aws_iam_role.break_glass',
    values: { name: 'break-glass', assume_role_policy: JSON.stringify(SAML_TRUST), tags: TAGS },
    unknown: { arn: true, id: true, unique_id: true, managed_policy_arns: true, inline_policy: true },
  };
  const REFERENCES = ['aws_iam_role.break_glass.arn', 'aws_iam_role.break_glass'];

  it('reports a break-glass role run by each service, blocks of one (App Runner) and JSON (Batch) included', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        role,
        {
          address: 'aws_codebuild_project.build',
          values: { name: 'build' },
          unknown: { service_role: true, arn: true },
          references: { service_role: REFERENCES },
        },
        { address: 'aws_codepipeline.pipeline', values: { name: 'pipeline', role_arn: ARN } },
        { address: 'aws_sfn_state_machine.flow', values: { name: 'flow', role_arn: ARN } },
        { address: 'aws_glue_job.etl', values: { name: 'etl', role_arn: ARN } },
        { address: 'aws_glue_dev_endpoint.notebook', values: { name: 'notebook', role_arn: ARN } },
        { address: 'aws_ecs_task_definition.task', values: { family: 'task', execution_role_arn: ARN } },
        {
          address: 'aws_batch_job_definition.job',
          values: {
            name: 'job',
            type: 'container',
            container_properties: JSON.stringify({ image: 'busybox', jobRoleArn: ARN }),
          },
        },
        {
          address: 'aws_batch_job_definition.ecs',
          values: {
            name: 'ecs',
            type: 'container',
            ecs_properties: JSON.stringify({ taskProperties: [{ containers: [], executionRoleArn: ARN }] }),
          },
        },
        { address: 'aws_sagemaker_notebook_instance.lab', values: { name: 'lab', role_arn: ARN } },
        {
          address: 'aws_apprunner_service.web',
          values: { service_name: 'web', instance_configuration: [{ cpu: '1024', instance_role_arn: ARN }] },
        },
        {
          address: 'aws_apprunner_service.pull',
          values: {
            service_name: 'pull',
            source_configuration: [{ authentication_configuration: [{ access_role_arn: ARN }] }],
          },
        },
        { address: 'aws_eks_node_group.nodes', values: { node_group_name: 'nodes', node_role_arn: ARN } },
        { address: 'aws_eks_pod_identity_association.pods', values: { role_arn: ARN, namespace: 'ops' } },
      ]),
      { file: 'plan.json' },
    );
    expect(attachedCompute(model)).toEqual([
      'break-glass-isolation mandatory aws_apprunner_service.pull Attachment::app-runner',
      'break-glass-isolation mandatory aws_apprunner_service.web Attachment::app-runner',
      'break-glass-isolation mandatory aws_batch_job_definition.ecs Attachment::batch',
      'break-glass-isolation mandatory aws_batch_job_definition.job Attachment::batch',
      'break-glass-isolation mandatory aws_codebuild_project.build Attachment::codebuild',
      'break-glass-isolation mandatory aws_codepipeline.pipeline Attachment::codepipeline',
      'break-glass-isolation mandatory aws_ecs_task_definition.task Attachment::ecs-task-execution',
      'break-glass-isolation mandatory aws_eks_node_group.nodes Attachment::eks-nodes',
      'break-glass-isolation mandatory aws_eks_pod_identity_association.pods Attachment::eks-pod-identity',
      'break-glass-isolation mandatory aws_glue_dev_endpoint.notebook Attachment::glue',
      'break-glass-isolation mandatory aws_glue_job.etl Attachment::glue',
      'break-glass-isolation mandatory aws_sagemaker_notebook_instance.lab Attachment::sagemaker',
      'break-glass-isolation mandatory aws_sfn_state_machine.flow Attachment::state-machine',
    ]);
  });

  /** AI and data services that act as the role an attribute names, each by its own path (blocks of one as lists). */
  const services = (role: string) => [
    { address: 'aws_bedrockagent_agent.agent', values: { agent_name: 'agent', agent_resource_role_arn: role } },
    { address: 'aws_bedrockagent_knowledge_base.knowledge', values: { name: 'kb', role_arn: role } },
    { address: 'aws_sagemaker_model.model', values: { name: 'model', execution_role_arn: role } },
    { address: 'aws_sagemaker_pipeline.training', values: { pipeline_name: 'training', role_arn: role } },
    {
      address: 'aws_sagemaker_domain.studio',
      values: { domain_name: 'studio', auth_mode: 'IAM', default_user_settings: [{ execution_role: role }] },
    },
    {
      address: 'aws_sagemaker_domain.shared',
      values: {
        domain_name: 'shared',
        auth_mode: 'IAM',
        default_user_settings: [{ security_groups: [] }],
        default_space_settings: [{ execution_role: role }],
      },
    },
    {
      address: 'aws_sagemaker_user_profile.analyst',
      values: { domain_id: 'd-1', user_profile_name: 'analyst', user_settings: [{ execution_role: role }] },
    },
    { address: 'aws_emr_cluster.hadoop', values: { name: 'hadoop', service_role: role } },
    {
      address: 'aws_emr_cluster.scaling',
      values: { name: 'scaling', service_role: 'EMR_DefaultRole', autoscaling_role: role },
    },
    { address: 'aws_mwaa_environment.airflow', values: { name: 'airflow', execution_role_arn: role } },
    {
      address: 'aws_codedeploy_deployment_group.deploy',
      values: { app_name: 'app', deployment_group_name: 'deploy', service_role_arn: role },
    },
    {
      address: 'aws_kinesisanalyticsv2_application.flink',
      values: { name: 'flink', runtime_environment: 'FLINK-1_20', service_execution_role: role },
    },
    ...IOT.flatMap(([action, , , block]) =>
      block
        ? [{ address: `aws_iot_topic_rule.${action}`, values: { sql: 'SELECT 1', [block]: [{ role_arn: role }] } }]
        : [],
    ),
    ...FIREHOSE.flatMap(([name, , , path]) =>
      path ? [{ address: `aws_kinesis_firehose_delivery_stream.${name}`, values: nested(path, role, true) }] : [],
    ),
  ];
  const SERVICES = [
    'aws_bedrockagent_agent.agent Attachment::bedrock-agent',
    'aws_bedrockagent_knowledge_base.knowledge Attachment::bedrock-knowledge-base',
    'aws_sagemaker_domain.shared Attachment::sagemaker',
    'aws_sagemaker_domain.studio Attachment::sagemaker',
    'aws_sagemaker_model.model Attachment::sagemaker',
    'aws_sagemaker_pipeline.training Attachment::sagemaker',
    'aws_sagemaker_user_profile.analyst Attachment::sagemaker',
    'aws_emr_cluster.hadoop Attachment::emr',
    'aws_emr_cluster.scaling Attachment::emr',
    'aws_mwaa_environment.airflow Attachment::mwaa',
    'aws_codedeploy_deployment_group.deploy Attachment::codedeploy',
    'aws_kinesisanalyticsv2_application.flink Attachment::kinesis-analytics',
    ...IOT.flatMap(([action, , , block]) => (block ? [`aws_iot_topic_rule.${action} Attachment::iot-rule`] : [])),
    ...FIREHOSE.flatMap(([name, , , path]) =>
      path ? [`aws_kinesis_firehose_delivery_stream.${name} Attachment::firehose`] : [],
    ),
  ].sort();

  it('reports a break-glass role given to AI and data services: Bedrock agents and knowledge bases, SageMaker models, pipelines, domains and user profiles, Firehose streams, EMR clusters, Airflow environments, CodeDeploy groups, Flink applications, IoT rule actions', () => {
    const model = modelFromTerraformPlan(terraformPlan([role, ...services(ARN)]), { file: 'plan.json' });
    expect(attachedCompute(model)).toEqual(reported(SERVICES));
  });

  it('attaches an ordinary role to the same services, and reports nothing for it', () => {
    const ordinary = {
      ...role,
      address: 'aws_iam_role.ordinary',
      values: { name: 'ordinary', assume_role_policy: JSON.stringify(SAML_TRUST), tags: { owner: 'team-platform' } },
    };
    const plan = terraformPlan([ordinary, ...services('arn:aws:iam::111122223333:role/ordinary')]);
    const model = modelFromTerraformPlan(plan, { file: 'plan.json' });
    expect(attachedCompute(model)).toEqual([]);
    expect(attachmentsOf(model, 'ordinary')).toEqual(SERVICES);
  });

  it('reports services that act as a role named in a list of blocks: CodePipeline actions, event targets, schedules, pipes', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        role,
        {
          address: 'aws_codepipeline.release',
          values: {
            name: 'release',
            stage: [
              { name: 'Source', action: [{ name: 'Checkout' }] },
              { name: 'Deploy', action: [{ name: 'Plan' }, { name: 'Apply' }] },
            ],
          },
          unknown: { stage: [{}, { action: [{}, { role_arn: true }] }] },
          references: { stage: REFERENCES },
        },
        {
          address: 'aws_cloudwatch_event_target.nightly',
          values: { rule: 'nightly', arn: 'arn:x', role_arn: ARN },
        },
        {
          address: 'aws_scheduler_schedule.hourly',
          values: { name: 'hourly', target: [{ arn: 'arn:x', role_arn: ARN }] },
        },
        {
          address: 'aws_pipes_pipe.stream',
          values: { name: 'stream', source: 'arn:in', target: 'arn:out', role_arn: ARN },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(attachedCompute(model)).toEqual([
      'break-glass-isolation mandatory aws_cloudwatch_event_target.nightly Attachment::event-target',
      'break-glass-isolation mandatory aws_codepipeline.release Attachment::codepipeline-action',
      'break-glass-isolation mandatory aws_pipes_pipe.stream Attachment::pipe',
      'break-glass-isolation mandatory aws_scheduler_schedule.hourly Attachment::schedule',
    ]);
  });
});

describe('break-glass-isolation: a break-glass role the change does not create, named by ARN, as the catalog records it', () => {
  // The usual break-glass role exists already, made once and recorded in the catalog: a change that hands it to a
  // CodeBuild project or a Lambda function by ARN is the case to catch. Before, such a role was only an external
  // reference, with no attachment, and the change passed.
  const recorded = parseCatalog(
    `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
identities:
  - { id: emergency-admin, match: { name: break-glass }, owner: team-platform, class: break-glass, entitlements: [] }
`,
    'catalog.yaml',
  );
  const findings = (model: Model) =>
    evaluate(model, { catalog: recorded, now: NOW, pending: 'fail-closed' })
      .findings.filter((f) => f.ruleId === 'break-glass-isolation')
      .map((f) => [f.ruleId, f.level, f.resource.name, f.detail].join(' '))
      .sort();

  it('in CloudFormation', () => {
    const model = modelFromTemplates([
      {
        stack: 'app',
        template: {
          Resources: {
            Build: { Type: 'AWS::CodeBuild::Project', Properties: { ServiceRole: ARN } },
            Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: ARN, Runtime: 'nodejs22.x' } },
            Orders: {
              Type: 'AWS::AppSync::DataSource',
              Properties: { ApiId: 'api', Name: 'Orders', Type: 'AMAZON_DYNAMODB', ServiceRoleArn: ARN },
            },
            Profile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: ['break-glass'] } },
          },
        },
      },
    ]);
    expect(findings(model)).toEqual([
      'break-glass-isolation mandatory Build Attachment::codebuild',
      'break-glass-isolation mandatory Fn Attachment::lambda',
      'break-glass-isolation mandatory Orders Attachment::appsync',
      'break-glass-isolation mandatory Profile Attachment::instance-profile',
    ]);
  });

  it('in Pulumi and Terraform plans (read through the Pulumi records)', () => {
    const model = modelFromPulumiResources([
      resource('aws:codebuild/project:Project', 'build', { serviceRole: ARN }),
      resource('aws:appsync/dataSource:DataSource', 'orders', {
        apiId: 'api',
        name: 'orders',
        type: 'AMAZON_DYNAMODB',
        serviceRoleArn: ARN,
      }),
    ]);
    expect(findings(model)).toEqual([
      'break-glass-isolation mandatory build Attachment::codebuild',
      'break-glass-isolation mandatory orders Attachment::appsync',
    ]);
  });

  it('in a Terraform plan', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_appsync_datasource.orders',
          values: { api_id: 'api', name: 'orders', type: 'AMAZON_DYNAMODB', service_role_arn: ARN },
        },
      ]),
    );
    expect(findings(model)).toEqual([
      'break-glass-isolation mandatory aws_appsync_datasource.orders Attachment::appsync',
    ]);
  });
});

/**
 * Services that act as the role one setting names, found on public code (test/corpus/aws): an API Gateway
 * integration's credentials, a CodePipeline CloudFormation action's deploy role (its configuration's RoleArn, beside
 * the action's own RoleArn), an SNS subscription's role for Firehose.
 */
describe('break-glass-isolation: integrations, deploy actions and subscriptions that act as a role', () => {
  const EXPECTED = [
    'Api Attachment::api-gateway',
    'Deploy Attachment::cloudformation',
    'Feed Attachment::sns-subscription',
    'Route Attachment::api-gateway',
  ];

  it('in CloudFormation', () => {
    const arn = { 'Fn::GetAtt': ['BreakGlass', 'Arn'] };
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Resources: {
            BreakGlass: {
              Type: 'AWS::IAM::Role',
              Properties: {
                RoleName: 'break-glass',
                AssumeRolePolicyDocument: SAML_TRUST,
                Tags: Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value })),
              },
            },
            Api: {
              Type: 'AWS::ApiGateway::Method',
              Properties: {
                HttpMethod: 'POST',
                Integration: { Type: 'AWS', IntegrationHttpMethod: 'POST', Credentials: arn },
              },
            },
            Route: {
              Type: 'AWS::ApiGatewayV2::Integration',
              Properties: { ApiId: 'api', IntegrationType: 'AWS_PROXY', CredentialsArn: arn },
            },
            Deploy: {
              Type: 'AWS::CodePipeline::Pipeline',
              Properties: {
                Stages: [
                  {
                    Name: 'Deploy',
                    Actions: [
                      {
                        Name: 'Stack',
                        ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' },
                        Configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'app', RoleArn: arn },
                      },
                    ],
                  },
                ],
              },
            },
            Feed: {
              Type: 'AWS::SNS::Subscription',
              Properties: { Protocol: 'firehose', TopicArn: 'arn:t', Endpoint: 'arn:f', SubscriptionRoleArn: arn },
            },
          },
        },
      },
    ]);
    expect(attachmentsOf(model, 'break-glass')).toEqual(EXPECTED);
    expect(attachedCompute(model)).toEqual(reported(EXPECTED));
  });

  it('in Pulumi', () => {
    const ROLE = 'aws:iam/role:Role';
    const model = modelFromPulumiResources([
      resource(ROLE, 'BreakGlass', { name: 'break-glass', assumeRolePolicy: JSON.stringify(SAML_TRUST), tags: TAGS }),
      resource('aws:apigateway/integration:Integration', 'Api', { type: 'AWS', credentials: ARN }),
      resource('aws:apigatewayv2/integration:Integration', 'Route', {
        integrationType: 'AWS_PROXY',
        credentialsArn: ARN,
      }),
      resource('aws:codepipeline/pipeline:Pipeline', 'Deploy', {
        stages: [{ name: 'Deploy', actions: [{ name: 'Stack', configuration: { StackName: 'app', RoleArn: ARN } }] }],
      }),
      resource('aws:sns/topicSubscription:TopicSubscription', 'Feed', {
        protocol: 'firehose',
        subscriptionRoleArn: ARN,
      }),
    ]);
    expect(attachmentsOf(model, 'break-glass')).toEqual(EXPECTED);
    expect(attachedCompute(model)).toEqual(reported(EXPECTED));
  });

  it('in a Terraform plan', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_iam_role.break_glass',
          values: { name: 'break-glass', assume_role_policy: JSON.stringify(SAML_TRUST), tags: TAGS },
        },
        { address: 'aws_api_gateway_integration.Api', values: { type: 'AWS', credentials: ARN } },
        {
          address: 'aws_apigatewayv2_integration.Route',
          values: { integration_type: 'AWS_PROXY', credentials_arn: ARN },
        },
        {
          address: 'aws_codepipeline.Deploy',
          values: {
            name: 'deploy',
            stage: [{ name: 'Deploy', action: [{ name: 'Stack', configuration: { StackName: 'app', RoleArn: ARN } }] }],
          },
        },
        { address: 'aws_sns_topic_subscription.Feed', values: { protocol: 'firehose', subscription_role_arn: ARN } },
      ]),
      { file: 'plan.json' },
    );
    const terraform = (line: string) => line.replace(/^(\w+) /, (_, name: string) => `${TERRAFORM_ADDRESS[name]} `);
    expect(attachmentsOf(model, 'break-glass')).toEqual(EXPECTED.map(terraform).sort());
    expect(attachedCompute(model)).toEqual(reported(EXPECTED.map(terraform).sort()));
  });
});

const TERRAFORM_ADDRESS: Record<string, string> = {
  Api: 'aws_api_gateway_integration.Api',
  Route: 'aws_apigatewayv2_integration.Route',
  Deploy: 'aws_codepipeline.Deploy',
  Feed: 'aws_sns_topic_subscription.Feed',
};

/**
 * The roles a service acts as beside its main one, deeper in its settings: a Firehose destination's VPC role (the
 * search destinations), an S3 destination's Glue schema role, a data processor's `RoleArn` parameter (a name and value
 * pair among the processor's parameters); an IoT HTTP action's SigV4 signing role (CloudFormation only) and, in a
 * Terraform plan, the rule's error action; the task and execution roles a pipe's ECS target overrides; a multi-node
 * Batch job's ECS task roles. Each front-end's spelling is written out here, from the CloudFormation resource schemas,
 * Pulumi aws and the Terraform aws provider.
 */
describe('break-glass-isolation: roles deeper in a service settings (Firehose, IoT, Pipes, Batch)', () => {
  const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function:transform';
  const FIREHOSE_TYPE = 'AWS::KinesisFirehose::DeliveryStream';
  /** Firehose destinations: a short name, then CloudFormation's, Pulumi's and Terraform's name of the destination. */
  const DESTINATIONS = {
    ExtendedS3: ['ExtendedS3DestinationConfiguration', 'extendedS3Configuration', 'extended_s3_configuration'],
    Redshift: ['RedshiftDestinationConfiguration', 'redshiftConfiguration', 'redshift_configuration'],
    Elasticsearch: [
      'ElasticsearchDestinationConfiguration',
      'elasticsearchConfiguration',
      'elasticsearch_configuration',
    ],
    OpenSearch: [
      'AmazonopensearchserviceDestinationConfiguration',
      'opensearchConfiguration',
      'opensearch_configuration',
    ],
    Serverless: [
      'AmazonOpenSearchServerlessDestinationConfiguration',
      'opensearchserverlessConfiguration',
      'opensearchserverless_configuration',
    ],
    Http: ['HttpEndpointDestinationConfiguration', 'httpEndpointConfiguration', 'http_endpoint_configuration'],
    Snowflake: ['SnowflakeDestinationConfiguration', 'snowflakeConfiguration', 'snowflake_configuration'],
    Iceberg: ['IcebergDestinationConfiguration', 'icebergConfiguration', 'iceberg_configuration'],
    Splunk: ['SplunkDestinationConfiguration', 'splunkConfiguration', 'splunk_configuration'],
  } as const;
  type Destination = keyof typeof DESTINATIONS;
  const ALL = Object.keys(DESTINATIONS) as Destination[];
  const IN_VPC: readonly Destination[] = ['Elasticsearch', 'OpenSearch', 'Serverless'];
  /** The compute each front-end attaches the role to, by its CloudFormation logical id: `name kind`. */
  const COMPUTE = [
    ...IN_VPC.map((name) => `${name}Vpc firehose`),
    ...ALL.map((name) => `${name}Processor firehose`),
    'Schema firehose',
    'PipeTask ecs-task',
    'PipeExecution ecs-task-execution',
    'MpiTask batch',
    'MpiExecution batch',
  ];
  const lines = (compute: readonly string[], name: (id: string) => string = (id) => id) =>
    compute
      .map((line) => line.replace(/^(\w+) (.*)$/, (_, id: string, kind: string) => `${name(id)} Attachment::${kind}`))
      .sort();

  describe('in CloudFormation', () => {
    const processors = (role: unknown) => ({
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [
          {
            Type: 'Lambda',
            Parameters: [
              { ParameterName: 'LambdaArn', ParameterValue: LAMBDA },
              { ParameterName: 'RoleArn', ParameterValue: role },
            ],
          },
        ],
      },
    });
    const services = (role: unknown): Record<string, CfnResource> => ({
      ...Object.fromEntries(
        IN_VPC.map((name) => [
          `${name}Vpc`,
          { Type: FIREHOSE_TYPE, Properties: { [DESTINATIONS[name][0]]: { VpcConfiguration: { RoleARN: role } } } },
        ]),
      ),
      ...Object.fromEntries(
        ALL.map((name) => [
          `${name}Processor`,
          { Type: FIREHOSE_TYPE, Properties: { [DESTINATIONS[name][0]]: processors(role) } },
        ]),
      ),
      Schema: {
        Type: FIREHOSE_TYPE,
        Properties: {
          ExtendedS3DestinationConfiguration: {
            DataFormatConversionConfiguration: {
              Enabled: true,
              SchemaConfiguration: { DatabaseName: 'db', TableName: 'events', RoleARN: role },
            },
          },
        },
      },
      PipeTask: {
        Type: 'AWS::Pipes::Pipe',
        Properties: {
          Source: 'arn:in',
          Target: 'arn:aws:ecs:us-east-1:111122223333:cluster/jobs',
          TargetParameters: { EcsTaskParameters: { TaskDefinitionArn: 'arn:td', Overrides: { TaskRoleArn: role } } },
        },
      },
      PipeExecution: {
        Type: 'AWS::Pipes::Pipe',
        Properties: {
          Source: 'arn:in',
          Target: 'arn:aws:ecs:us-east-1:111122223333:cluster/jobs',
          TargetParameters: {
            EcsTaskParameters: { TaskDefinitionArn: 'arn:td', Overrides: { ExecutionRoleArn: role } },
          },
        },
      },
      ...Object.fromEntries(
        (['TaskRoleArn', 'ExecutionRoleArn'] as const).map((property) => [
          property === 'TaskRoleArn' ? 'MpiTask' : 'MpiExecution',
          {
            Type: 'AWS::Batch::JobDefinition',
            Properties: {
              Type: 'multinode',
              NodeProperties: {
                MainNode: 0,
                NumNodes: 2,
                NodeRangeProperties: [
                  { TargetNodes: '0:', EcsProperties: { TaskProperties: [{ Containers: [], [property]: role }] } },
                ],
              },
            },
          },
        ]),
      ),
      IotHttp: {
        Type: 'AWS::IoT::TopicRule',
        Properties: {
          TopicRulePayload: {
            Sql: "SELECT * FROM 'in'",
            Actions: [
              { Lambda: { FunctionArn: LAMBDA } },
              {
                Http: {
                  Url: 'https://example.com/in',
                  Auth: { Sigv4: { RoleArn: role, ServiceName: 'execute-api', SigningRegion: 'us-east-1' } },
                },
              },
            ],
          },
        },
      },
      IotErrorHttp: {
        Type: 'AWS::IoT::TopicRule',
        Properties: {
          TopicRulePayload: {
            Sql: "SELECT * FROM 'in'",
            Actions: [{ Lambda: { FunctionArn: LAMBDA } }],
            ErrorAction: {
              Http: {
                Url: 'https://example.com/errors',
                Auth: { Sigv4: { RoleArn: role, ServiceName: 'execute-api', SigningRegion: 'us-east-1' } },
              },
            },
          },
        },
      },
    });
    const EXPECTED = lines([...COMPUTE, 'IotHttp iot-rule', 'IotErrorHttp iot-rule']);
    const breakGlass: CfnResource = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'break-glass',
        AssumeRolePolicyDocument: SAML_TRUST,
        Tags: Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value })),
      },
    };
    const input = (resources: Record<string, CfnResource>) => ({
      stack: 'App',
      file: 'app.template.json',
      template: { Resources: resources },
    });

    it('reports a break-glass role each of them names', () => {
      const model = modelFromTemplates([
        input({ BreakGlass: breakGlass, ...services({ 'Fn::GetAtt': ['BreakGlass', 'Arn'] }) }),
      ]);
      expect(attachedCompute(model)).toEqual(reported(EXPECTED));
      // A processor's other parameters (its Lambda function's ARN) name no role.
      expect(model.identities.map((identity) => identity.name)).toEqual(['break-glass']);
    });

    it.each(Object.keys(services(ARN)))('reports it on %s alone', (id) => {
      const arn = { 'Fn::GetAtt': ['BreakGlass', 'Arn'] };
      const model = modelFromTemplates([input({ BreakGlass: breakGlass, [id]: services(arn)[id]! })]);
      const expected = EXPECTED.filter((line) => line.startsWith(`${id} `));
      expect(expected).toHaveLength(1);
      expect(attachedCompute(model)).toEqual(reported(expected));
    });

    it('links the template ahead when streamed, its references all its own, to the same model', () => {
      const own = input({ BreakGlass: breakGlass, ...services({ 'Fn::GetAtt': ['BreakGlass', 'Arn'] }) });
      const builder = new TemplateModelBuilder({ streamed: true });
      builder.add(own);
      const streamed = builder.finish();
      expect(builder.stacksLinkedAhead).toBe(1);
      expect(JSON.stringify(streamed)).toBe(JSON.stringify(modelFromTemplates([own])));
      expect(attachedCompute(streamed)).toEqual(reported(EXPECTED));
    });

    it('takes a processor parameter whose name the deployment decides as the role it may name, and no other', () => {
      // ParameterName from a parameter without default (any name), or with RoleArn among its allowed values: the
      // deployment may make the pair the processor's role. A literal other name, or a parameter that cannot be
      // RoleArn, names none.
      const processor = (parameterName: unknown): CfnResource => ({
        Type: FIREHOSE_TYPE,
        Properties: {
          ExtendedS3DestinationConfiguration: {
            ProcessingConfiguration: {
              Enabled: true,
              Processors: [
                {
                  Type: 'Lambda',
                  Parameters: [
                    { ParameterName: parameterName, ParameterValue: { 'Fn::GetAtt': ['BreakGlass', 'Arn'] } },
                  ],
                },
              ],
            },
          },
        },
      });
      const template = {
        Parameters: {
          AnyName: { Type: 'String' },
          Chosen: { Type: 'String', Default: 'LambdaArn', AllowedValues: ['LambdaArn', 'RoleArn'] },
          Never: { Type: 'String', Default: 'LambdaArn', AllowedValues: ['LambdaArn', 'BufferSizeInMBs'] },
        },
        Resources: {
          BreakGlass: breakGlass,
          FromAnyName: processor({ Ref: 'AnyName' }),
          FromChosen: processor({ Ref: 'Chosen' }),
          FromNever: processor({ Ref: 'Never' }),
          FromLiteral: processor('LambdaArn'),
        },
      };
      const model = modelFromTemplates([{ stack: 'App', file: 'app.template.json', template }]);
      expect(attachedCompute(model)).toEqual(
        reported(['FromAnyName Attachment::firehose', 'FromChosen Attachment::firehose']),
      );
    });

    it('attaches an ordinary role to the same compute, and reports nothing for it', () => {
      const ordinary: CfnResource = {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: 'ordinary',
          AssumeRolePolicyDocument: SAML_TRUST,
          Tags: [{ Key: 'owner', Value: 'team-platform' }],
        },
      };
      const model = modelFromTemplates([
        input({ Ordinary: ordinary, ...services({ 'Fn::GetAtt': ['Ordinary', 'Arn'] }) }),
      ]);
      expect(attachedCompute(model)).toEqual([]);
      expect(attachmentsOf(model, 'ordinary')).toEqual(EXPECTED);
    });
  });

  describe('in Pulumi', () => {
    const FIREHOSE_TOKEN = 'aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream';
    const services = (role: string) => [
      ...IN_VPC.map((name) =>
        resource(FIREHOSE_TOKEN, `${name}Vpc`, { [DESTINATIONS[name][1]]: { vpcConfig: { roleArn: role } } }),
      ),
      ...ALL.map((name) =>
        resource(FIREHOSE_TOKEN, `${name}Processor`, {
          [DESTINATIONS[name][1]]: {
            processingConfiguration: {
              enabled: true,
              processors: [
                {
                  type: 'Lambda',
                  parameters: [
                    { parameterName: 'LambdaArn', parameterValue: LAMBDA },
                    { parameterName: 'RoleArn', parameterValue: role },
                  ],
                },
              ],
            },
          },
        }),
      ),
      resource(FIREHOSE_TOKEN, 'Schema', {
        extendedS3Configuration: {
          dataFormatConversionConfiguration: {
            enabled: true,
            schemaConfiguration: { databaseName: 'db', tableName: 'events', roleArn: role },
          },
        },
      }),
      resource('aws:pipes/pipe:Pipe', 'PipeTask', {
        source: 'arn:in',
        target: 'arn:ecs',
        targetParameters: { ecsTaskParameters: { taskDefinitionArn: 'arn:td', overrides: { taskRoleArn: role } } },
      }),
      resource('aws:pipes/pipe:Pipe', 'PipeExecution', {
        source: 'arn:in',
        target: 'arn:ecs',
        targetParameters: { ecsTaskParameters: { taskDefinitionArn: 'arn:td', overrides: { executionRoleArn: role } } },
      }),
      ...(['taskRoleArn', 'executionRoleArn'] as const).map((property) =>
        resource('aws:batch/jobDefinition:JobDefinition', property === 'taskRoleArn' ? 'MpiTask' : 'MpiExecution', {
          type: 'multinode',
          nodeProperties: JSON.stringify({
            mainNode: 0,
            numNodes: 2,
            nodeRangeProperties: [
              { targetNodes: '0:', ecsProperties: { taskProperties: [{ containers: [], [property]: role }] } },
            ],
          }),
        }),
      ),
    ];
    const EXPECTED = lines(COMPUTE);

    const breakGlass = resource('aws:iam/role:Role', 'break-glass', {
      name: 'break-glass',
      assumeRolePolicy: JSON.stringify(SAML_TRUST),
      tags: TAGS,
    });

    it('reports a break-glass role each of them names', () => {
      const model = modelFromPulumiResources([breakGlass, ...services(ARN)]);
      expect(attachedCompute(model)).toEqual(reported(EXPECTED));
      expect(model.identities.map((identity) => identity.name)).toEqual(['break-glass']);
    });

    it('takes a processor parameter whose name is unknown until apply as the role it may name', () => {
      const processor = (name: string, parameterName: unknown) =>
        resource(FIREHOSE_TOKEN, name, {
          extendedS3Configuration: {
            processingConfiguration: {
              enabled: true,
              processors: [{ type: 'Lambda', parameters: [{ parameterName, parameterValue: ARN }] }],
            },
          },
        });
      const model = modelFromPulumiResources([
        breakGlass,
        processor('FromUnknown', UNKNOWN),
        processor('FromLiteral', 'LambdaArn'),
      ]);
      expect(attachedCompute(model)).toEqual(reported(['FromUnknown Attachment::firehose']));
    });

    it.each(services(ARN).map((compute) => compute.name))('reports it on %s alone', (name) => {
      const model = modelFromPulumiResources([breakGlass, ...services(ARN).filter((compute) => compute.name === name)]);
      const expected = EXPECTED.filter((line) => line.startsWith(`${name} `));
      expect(expected).toHaveLength(1);
      expect(attachedCompute(model)).toEqual(reported(expected));
    });

    it('attaches an ordinary role to the same compute, and reports nothing for it', () => {
      const ordinary = resource('aws:iam/role:Role', 'ordinary', {
        name: 'ordinary',
        assumeRolePolicy: JSON.stringify(SAML_TRUST),
        tags: { owner: 'team-platform' },
      });
      const model = modelFromPulumiResources([ordinary, ...services('arn:aws:iam::111122223333:role/ordinary')]);
      expect(attachedCompute(model)).toEqual([]);
      expect(attachmentsOf(model, 'ordinary')).toEqual(EXPECTED);
    });
  });

  describe('in a Terraform plan', () => {
    const FIREHOSE_TF = 'aws_kinesis_firehose_delivery_stream';
    const ADDRESSES: Record<string, string> = {
      ...Object.fromEntries(IN_VPC.map((name) => [`${name}Vpc`, `${FIREHOSE_TF}.${name}Vpc`])),
      ...Object.fromEntries(ALL.map((name) => [`${name}Processor`, `${FIREHOSE_TF}.${name}Processor`])),
      Schema: `${FIREHOSE_TF}.Schema`,
      PipeTask: 'aws_pipes_pipe.PipeTask',
      PipeExecution: 'aws_pipes_pipe.PipeExecution',
      MpiTask: 'aws_batch_job_definition.MpiTask',
      MpiExecution: 'aws_batch_job_definition.MpiExecution',
    };
    const services = (role: string) => [
      ...IN_VPC.map((name) => ({
        address: ADDRESSES[`${name}Vpc`]!,
        values: { name: `${name}-vpc`, [DESTINATIONS[name][2]]: [{ vpc_config: [{ role_arn: role }] }] },
      })),
      ...ALL.map((name) => ({
        address: ADDRESSES[`${name}Processor`]!,
        values: {
          name: `${name}-processor`,
          [DESTINATIONS[name][2]]: [
            {
              processing_configuration: [
                {
                  enabled: true,
                  processors: [
                    {
                      type: 'Lambda',
                      parameters: [
                        { parameter_name: 'LambdaArn', parameter_value: LAMBDA },
                        { parameter_name: 'RoleArn', parameter_value: role },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      })),
      {
        address: ADDRESSES.Schema!,
        values: {
          name: 'schema',
          extended_s3_configuration: [
            {
              data_format_conversion_configuration: [
                {
                  enabled: true,
                  schema_configuration: [{ database_name: 'db', table_name: 'events', role_arn: role }],
                },
              ],
            },
          ],
        },
      },
      ...(['task_role_arn', 'execution_role_arn'] as const).map((attribute) => ({
        address: ADDRESSES[attribute === 'task_role_arn' ? 'PipeTask' : 'PipeExecution']!,
        values: {
          name: attribute,
          source: 'arn:in',
          target: 'arn:ecs',
          target_parameters: [
            { ecs_task_parameters: [{ task_definition_arn: 'arn:td', overrides: [{ [attribute]: role }] }] },
          ],
        },
      })),
      ...(['taskRoleArn', 'executionRoleArn'] as const).map((property) => ({
        address: ADDRESSES[property === 'taskRoleArn' ? 'MpiTask' : 'MpiExecution']!,
        values: {
          name: property,
          type: 'multinode',
          node_properties: JSON.stringify({
            mainNode: 0,
            numNodes: 2,
            nodeRangeProperties: [
              { targetNodes: '0:', ecsProperties: { taskProperties: [{ containers: [], [property]: role }] } },
            ],
          }),
        },
      })),
      // An error action of each type that takes a role, each rule with an action of the same type of its own that
      // takes none of the break-glass role.
      ...IOT.flatMap(([action, , , block]) =>
        block
          ? [
              {
                address: `aws_iot_topic_rule.Error${action}`,
                values: {
                  name: `error_${action}`,
                  sql: 'SELECT 1',
                  [block]: [{ role_arn: 'arn:aws:iam::111122223333:role/delivery' }],
                  error_action: [{ [block]: [{ role_arn: role }] }],
                },
              },
            ]
          : [],
      ),
    ];
    const ERROR_ACTIONS = IOT.flatMap(([action, , , block]) =>
      block ? [`aws_iot_topic_rule.Error${action} Attachment::iot-rule`] : [],
    );
    const EXPECTED = [...lines(COMPUTE, (id) => ADDRESSES[id] ?? id), ...ERROR_ACTIONS].sort();
    const breakGlass = {
      address: 'aws_iam_role.break_glass',
      values: { name: 'break-glass', assume_role_policy: JSON.stringify(SAML_TRUST), tags: TAGS },
    };

    it('reports a break-glass role each of them names, and each of an IoT rule error action', () => {
      const model = modelFromTerraformPlan(terraformPlan([breakGlass, ...services(ARN)]), { file: 'plan.json' });
      expect(attachedCompute(model)).toEqual(reported(EXPECTED));
      // The rules' own actions run as their delivery role, a role the change does not create.
      expect(attachmentsOf(model, 'delivery')).toHaveLength(ERROR_ACTIONS.length);
    });

    it.each(services(ARN).map((compute) => compute.address))('reports it on %s alone', (address) => {
      const compute = services(ARN).filter((candidate) => candidate.address === address);
      const model = modelFromTerraformPlan(terraformPlan([breakGlass, ...compute]), { file: 'plan.json' });
      const expected = EXPECTED.filter((line) => line.startsWith(`${address} `));
      expect(expected).toHaveLength(1);
      expect(attachedCompute(model)).toEqual(reported(expected));
    });

    it('attaches an ordinary role to the same compute, and reports nothing for it', () => {
      const ordinary = {
        address: 'aws_iam_role.ordinary',
        values: { name: 'ordinary', assume_role_policy: JSON.stringify(SAML_TRUST), tags: { owner: 'team-platform' } },
      };
      const plan = terraformPlan([ordinary, ...services('arn:aws:iam::111122223333:role/ordinary')]);
      const model = modelFromTerraformPlan(plan, { file: 'plan.json' });
      expect(attachedCompute(model)).toEqual([]);
      expect(attachmentsOf(model, 'ordinary')).toEqual(EXPECTED);
    });

    it('follows the references of an error action role not known until apply', () => {
      const model = modelFromTerraformPlan(
        terraformPlan([
          { ...breakGlass, unknown: { arn: true, id: true, unique_id: true } },
          {
            address: 'aws_iot_topic_rule.errors',
            values: { name: 'errors', sql: 'SELECT 1', error_action: [{ sqs: [{ queue_url: 'https://q' }] }] },
            unknown: { error_action: [{ sqs: [{ role_arn: true }] }] },
            references: { error_action: ['aws_iam_role.break_glass.arn', 'aws_iam_role.break_glass'] },
          },
        ]),
        { file: 'plan.json' },
      );
      expect(attachedCompute(model)).toEqual(reported(['aws_iot_topic_rule.errors Attachment::iot-rule']));
    });
  });
});

/**
 * Services that act as a role to do their own work in the account, found on public code (test/corpus): S3 replication
 * (and a replication configuration written on the bucket itself: Terraform's aws_s3_bucket, Pulumi's aws.s3.Bucket and
 * BucketV2), an EKS cluster, CloudTrail's and AppSync's logs (GraphQL and Event APIs), RDS enhanced monitoring (an
 * instance, a cluster, and in Pulumi and Terraform an Aurora cluster instance), a Config recorder, a Kendra index and
 * data source, EC2 Auto Scaling's lifecycle hooks (a hook of its own, or written on the group), an Application Auto
 * Scaling target, an ECS service's roles (aws-cloudformation-templates' ECS_Schedule_Example writes the load balancer
 * and scaling target ones), a Greengrass (v1) group, an EventBridge rule's own role. Each row: the compute's name and
 * kind, then its CloudFormation type and properties, its Pulumi type and properties, its Terraform type and values,
 * each a function of the role, where the dialect has the setting.
 */
describe('break-glass-isolation: services that act as a role to do their own work', () => {
  type Row = readonly [
    name: string,
    kind: string,
    cloudFormation: readonly [type: string, properties: (role: unknown) => Record<string, unknown>] | undefined,
    pulumi: readonly [type: string, properties: (role: string) => Record<string, unknown>] | undefined,
    terraform: readonly [type: string, values: (role: string) => Record<string, unknown>] | undefined,
  ];
  const QUEUE = 'arn:aws:sqs:us-east-1:111122223333:drain';
  const TRANSITION = 'autoscaling:EC2_INSTANCE_TERMINATING';
  const PATTERN = { source: ['aws.ec2'] };
  // A dialect left undefined has no such setting (said in compute-roles.ts), or another row reads it there.
  const ROWS: readonly Row[] = [
    [
      'Replicated',
      's3-replication',
      [
        'AWS::S3::Bucket',
        (role) => ({
          ReplicationConfiguration: { Role: role, Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:b' } }] },
        }),
      ],
      [
        'aws:s3/bucketReplicationConfig:BucketReplicationConfig',
        (role) => ({ bucket: 'source', role, rules: [{ status: 'Enabled', destination: { bucket: 'arn:b' } }] }),
      ],
      [
        'aws_s3_bucket_replication_configuration',
        (role) => ({ bucket: 'source', role, rule: [{ status: 'Enabled', destination: [{ bucket: 'arn:b' }] }] }),
      ],
    ],
    [
      'Cluster',
      'eks-cluster',
      ['AWS::EKS::Cluster', (role) => ({ RoleArn: role, ResourcesVpcConfig: { SubnetIds: ['subnet-1'] } })],
      ['aws:eks/cluster:Cluster', (role) => ({ roleArn: role, vpcConfig: { subnetIds: ['subnet-1'] } })],
      ['aws_eks_cluster', (role) => ({ name: 'cluster', role_arn: role, vpc_config: [{ subnet_ids: ['subnet-1'] }] })],
    ],
    [
      'Trail',
      'cloudtrail',
      [
        'AWS::CloudTrail::Trail',
        (role) => ({
          IsLogging: true,
          S3BucketName: 'trail',
          CloudWatchLogsLogGroupArn: 'arn:lg',
          CloudWatchLogsRoleArn: role,
        }),
      ],
      [
        'aws:cloudtrail/trail:Trail',
        (role) => ({ s3BucketName: 'trail', cloudWatchLogsGroupArn: 'arn:lg', cloudWatchLogsRoleArn: role }),
      ],
      [
        'aws_cloudtrail',
        (role) => ({
          name: 'trail',
          s3_bucket_name: 'trail',
          cloud_watch_logs_group_arn: 'arn:lg',
          cloud_watch_logs_role_arn: role,
        }),
      ],
    ],
    [
      'Api',
      'appsync',
      [
        'AWS::AppSync::GraphQLApi',
        (role) => ({
          Name: 'api',
          AuthenticationType: 'API_KEY',
          LogConfig: { FieldLogLevel: 'ERROR', CloudWatchLogsRoleArn: role },
        }),
      ],
      [
        'aws:appsync/graphQLApi:GraphQLApi',
        (role) => ({
          name: 'api',
          authenticationType: 'API_KEY',
          logConfig: { fieldLogLevel: 'ERROR', cloudwatchLogsRoleArn: role },
        }),
      ],
      [
        'aws_appsync_graphql_api',
        (role) => ({
          name: 'api',
          authentication_type: 'API_KEY',
          log_config: [{ field_log_level: 'ERROR', cloudwatch_logs_role_arn: role }],
        }),
      ],
    ],
    [
      'Database',
      'rds-monitoring',
      ['AWS::RDS::DBInstance', (role) => ({ Engine: 'postgres', MonitoringInterval: 60, MonitoringRoleArn: role })],
      [
        'aws:rds/instance:Instance',
        (role) => ({ engine: 'postgres', monitoringInterval: 60, monitoringRoleArn: role }),
      ],
      ['aws_db_instance', (role) => ({ engine: 'postgres', monitoring_interval: 60, monitoring_role_arn: role })],
    ],
    [
      'Recorder',
      'config-recorder',
      ['AWS::Config::ConfigurationRecorder', (role) => ({ RoleARN: role })],
      ['aws:cfg/recorder:Recorder', (role) => ({ name: 'default', roleArn: role })],
      ['aws_config_configuration_recorder', (role) => ({ name: 'default', role_arn: role })],
    ],
    [
      'Index',
      'kendra',
      ['AWS::Kendra::Index', (role) => ({ Name: 'docs', Edition: 'DEVELOPER_EDITION', RoleArn: role })],
      ['aws:kendra/index:Index', (role) => ({ name: 'docs', edition: 'DEVELOPER_EDITION', roleArn: role })],
      ['aws_kendra_index', (role) => ({ name: 'docs', edition: 'DEVELOPER_EDITION', role_arn: role })],
    ],
    [
      'Source',
      'kendra',
      ['AWS::Kendra::DataSource', (role) => ({ IndexId: 'i-1', Name: 'docs', Type: 'S3', RoleArn: role })],
      ['aws:kendra/dataSource:DataSource', (role) => ({ indexId: 'i-1', name: 'docs', type: 'S3', roleArn: role })],
      ['aws_kendra_data_source', (role) => ({ index_id: 'i-1', name: 'docs', type: 'S3', role_arn: role })],
    ],
    [
      'Hook',
      'autoscaling-lifecycle-hook',
      [
        'AWS::AutoScaling::LifecycleHook',
        (role) => ({
          AutoScalingGroupName: 'web',
          LifecycleTransition: TRANSITION,
          NotificationTargetARN: QUEUE,
          RoleARN: role,
        }),
      ],
      [
        'aws:autoscaling/lifecycleHook:LifecycleHook',
        (role) => ({
          autoscalingGroupName: 'web',
          lifecycleTransition: TRANSITION,
          notificationTargetArn: QUEUE,
          roleArn: role,
        }),
      ],
      [
        'aws_autoscaling_lifecycle_hook',
        (role) => ({
          name: 'drain',
          autoscaling_group_name: 'web',
          lifecycle_transition: TRANSITION,
          notification_target_arn: QUEUE,
          role_arn: role,
        }),
      ],
    ],
    [
      'Group',
      'autoscaling-lifecycle-hook',
      [
        'AWS::AutoScaling::AutoScalingGroup',
        (role) => ({
          MinSize: '1',
          MaxSize: '2',
          LifecycleHookSpecificationList: [
            { LifecycleHookName: 'launch', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING' },
            {
              LifecycleHookName: 'drain',
              LifecycleTransition: TRANSITION,
              NotificationTargetARN: QUEUE,
              RoleARN: role,
            },
          ],
        }),
      ],
      [
        'aws:autoscaling/group:Group',
        (role) => ({
          minSize: 1,
          maxSize: 2,
          initialLifecycleHooks: [
            { name: 'launch', lifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING' },
            { name: 'drain', lifecycleTransition: TRANSITION, notificationTargetArn: QUEUE, roleArn: role },
          ],
        }),
      ],
      [
        'aws_autoscaling_group',
        (role) => ({
          min_size: 1,
          max_size: 2,
          initial_lifecycle_hook: [
            { name: 'launch', lifecycle_transition: 'autoscaling:EC2_INSTANCE_LAUNCHING' },
            { name: 'drain', lifecycle_transition: TRANSITION, notification_target_arn: QUEUE, role_arn: role },
          ],
        }),
      ],
    ],
    [
      'Scaling',
      'application-autoscaling',
      [
        'AWS::ApplicationAutoScaling::ScalableTarget',
        (role) => ({
          MaxCapacity: 4,
          MinCapacity: 1,
          ResourceId: 'service/cluster/web',
          ScalableDimension: 'ecs:service:DesiredCount',
          ServiceNamespace: 'ecs',
          RoleARN: role,
        }),
      ],
      [
        'aws:appautoscaling/target:Target',
        (role) => ({
          maxCapacity: 4,
          minCapacity: 1,
          resourceId: 'service/cluster/web',
          scalableDimension: 'ecs:service:DesiredCount',
          serviceNamespace: 'ecs',
          roleArn: role,
        }),
      ],
      [
        'aws_appautoscaling_target',
        (role) => ({
          max_capacity: 4,
          min_capacity: 1,
          resource_id: 'service/cluster/web',
          scalable_dimension: 'ecs:service:DesiredCount',
          service_namespace: 'ecs',
          role_arn: role,
        }),
      ],
    ],
    [
      'Service',
      'ecs-service',
      ['AWS::ECS::Service', (role) => ({ Cluster: 'cluster', TaskDefinition: 'web:1', DesiredCount: 1, Role: role })],
      ['aws:ecs/service:Service', (role) => ({ cluster: 'cluster', taskDefinition: 'web:1', iamRole: role })],
      ['aws_ecs_service', (role) => ({ name: 'web', cluster: 'cluster', task_definition: 'web:1', iam_role: role })],
    ],
    // ECS acts as the roles a service's settings name: an EBS volume's and a VPC Lattice target's infrastructure
    // role, a Service Connect service's TLS role, a deployment lifecycle hook's role, a blue/green load balancer's.
    [
      'Volumes',
      'ecs-service',
      [
        'AWS::ECS::Service',
        (role) => ({ VolumeConfigurations: [{ Name: 'data', ManagedEBSVolume: { RoleArn: role, SizeInGiB: 10 } }] }),
      ],
      [
        'aws:ecs/service:Service',
        (role) => ({ name: 'volumes', volumeConfiguration: { name: 'data', managedEbsVolume: { roleArn: role } } }),
      ],
      [
        'aws_ecs_service',
        (role) => ({
          name: 'volumes',
          volume_configuration: [{ name: 'data', managed_ebs_volume: [{ role_arn: role, size_in_gb: 10 }] }],
        }),
      ],
    ],
    [
      'Lattice',
      'ecs-service',
      [
        'AWS::ECS::Service',
        (role) => ({ VpcLatticeConfigurations: [{ PortName: 'web', RoleArn: role, TargetGroupArn: 'arn:tg' }] }),
      ],
      [
        'aws:ecs/service:Service',
        (role) => ({ vpcLatticeConfigurations: [{ portName: 'web', roleArn: role, targetGroupArn: 'arn:tg' }] }),
      ],
      [
        'aws_ecs_service',
        (role) => ({
          name: 'lattice',
          vpc_lattice_configurations: [{ port_name: 'web', role_arn: role, target_group_arn: 'arn:tg' }],
        }),
      ],
    ],
    [
      'Mesh',
      'ecs-service',
      [
        'AWS::ECS::Service',
        (role) => ({
          ServiceConnectConfiguration: {
            Enabled: true,
            Services: [{ PortName: 'web', Tls: { IssuerCertificateAuthority: {}, RoleArn: role } }],
          },
        }),
      ],
      [
        'aws:ecs/service:Service',
        (role) => ({
          serviceConnectConfiguration: {
            enabled: true,
            services: [{ portName: 'web', tls: { issuerCertAuthority: {}, roleArn: role } }],
          },
        }),
      ],
      [
        'aws_ecs_service',
        (role) => ({
          name: 'mesh',
          service_connect_configuration: [
            { enabled: true, service: [{ port_name: 'web', tls: [{ issuer_cert_authority: [{}], role_arn: role }] }] },
          ],
        }),
      ],
    ],
    [
      'Hooked',
      'ecs-service',
      [
        'AWS::ECS::Service',
        (role) => ({
          DeploymentConfiguration: {
            Strategy: 'BLUE_GREEN',
            LifecycleHooks: [{ HookTargetArn: 'arn:fn', LifecycleStages: ['POST_SCALE_UP'], RoleArn: role }],
          },
        }),
      ],
      [
        'aws:ecs/service:Service',
        (role) => ({
          deploymentConfiguration: {
            strategy: 'BLUE_GREEN',
            lifecycleHooks: [{ hookTargetArn: 'arn:fn', lifecycleStages: ['POST_SCALE_UP'], roleArn: role }],
          },
        }),
      ],
      [
        'aws_ecs_service',
        (role) => ({
          name: 'hooked',
          deployment_configuration: [
            {
              strategy: 'BLUE_GREEN',
              lifecycle_hook: [{ hook_target_arn: 'arn:fn', lifecycle_stages: ['POST_SCALE_UP'], role_arn: role }],
            },
          ],
        }),
      ],
    ],
    [
      'BlueGreen',
      'ecs-service',
      [
        'AWS::ECS::Service',
        (role) => ({
          LoadBalancers: [
            { ContainerName: 'web', ContainerPort: 80, TargetGroupArn: 'arn:blue' },
            {
              ContainerName: 'web',
              ContainerPort: 80,
              TargetGroupArn: 'arn:tg',
              AdvancedConfiguration: {
                AlternateTargetGroupArn: 'arn:green',
                ProductionListenerRule: 'arn:r',
                RoleArn: role,
              },
            },
          ],
        }),
      ],
      [
        'aws:ecs/service:Service',
        (role) => ({
          loadBalancers: [
            { containerName: 'web', containerPort: 80, targetGroupArn: 'arn:blue' },
            {
              containerName: 'web',
              containerPort: 80,
              targetGroupArn: 'arn:tg',
              advancedConfiguration: {
                alternateTargetGroupArn: 'arn:green',
                productionListenerRule: 'arn:r',
                roleArn: role,
              },
            },
          ],
        }),
      ],
      [
        'aws_ecs_service',
        (role) => ({
          name: 'blue-green',
          load_balancer: [
            { container_name: 'web', container_port: 80, target_group_arn: 'arn:blue' },
            {
              container_name: 'web',
              container_port: 80,
              target_group_arn: 'arn:tg',
              advanced_configuration: [
                { alternate_target_group_arn: 'arn:green', production_listener_rule: 'arn:r', role_arn: role },
              ],
            },
          ],
        }),
      ],
    ],
    [
      'Core',
      'greengrass',
      ['AWS::Greengrass::Group', (role) => ({ Name: 'core', RoleArn: role })],
      undefined,
      undefined,
    ],
    [
      'Events',
      'appsync',
      [
        'AWS::AppSync::Api',
        (role) => ({ Name: 'events', EventConfig: { LogConfig: { LogLevel: 'ERROR', CloudWatchLogsRoleArn: role } } }),
      ],
      [
        'aws:appsync/api:Api',
        (role) => ({ name: 'events', eventConfig: { logConfig: { logLevel: 'ERROR', cloudwatchLogsRoleArn: role } } }),
      ],
      [
        'aws_appsync_api',
        (role) => ({
          name: 'events',
          event_config: [{ log_config: [{ log_level: 'ERROR', cloudwatch_logs_role_arn: role }] }],
        }),
      ],
    ],
    [
      'Managed',
      'lambda-capacity-provider',
      [
        'AWS::Lambda::CapacityProvider',
        (role) => ({
          VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
          PermissionsConfig: { CapacityProviderOperatorRoleArn: role },
        }),
      ],
      [
        'aws:lambda/capacityProvider:CapacityProvider',
        (role) => ({
          name: 'managed',
          vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
          permissionsConfig: { capacityProviderOperatorRoleArn: role },
        }),
      ],
      [
        'aws_lambda_capacity_provider',
        (role) => ({
          name: 'managed',
          vpc_config: [{ subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] }],
          permissions_config: [{ capacity_provider_operator_role_arn: role }],
        }),
      ],
    ],
    [
      'Canary',
      'synthetics-canary',
      [
        'AWS::Synthetics::Canary',
        (role) => ({ Name: 'canary', RuntimeVersion: 'syn-nodejs-puppeteer-9.1', ExecutionRoleArn: role }),
      ],
      [
        'aws:synthetics/canary:Canary',
        (role) => ({ name: 'canary', runtimeVersion: 'syn-nodejs-puppeteer-9.1', executionRoleArn: role }),
      ],
      [
        'aws_synthetics_canary',
        (role) => ({ name: 'canary', runtime_version: 'syn-nodejs-puppeteer-9.1', execution_role_arn: role }),
      ],
    ],
    [
      'Warehouse',
      'redshift-cluster',
      [
        'AWS::Redshift::Cluster',
        (role) => ({ ClusterIdentifier: 'warehouse', IamRoles: ['arn:aws:iam::111122223333:role/other', role] }),
      ],
      ['aws:redshift/cluster:Cluster', (role) => ({ clusterIdentifier: 'warehouse', iamRoles: [role] })],
      ['aws_redshift_cluster', (role) => ({ cluster_identifier: 'warehouse', iam_roles: [role] })],
    ],
    [
      'WarehouseRoles',
      'redshift-cluster',
      undefined,
      [
        'aws:redshift/clusterIamRoles:ClusterIamRoles',
        (role) => ({ clusterIdentifier: 'warehouse', iamRoleArns: [role] }),
      ],
      ['aws_redshift_cluster_iam_roles', (role) => ({ cluster_identifier: 'warehouse', iam_role_arns: [role] })],
    ],
    [
      'Aurora',
      'rds-monitoring',
      ['AWS::RDS::DBCluster', (role) => ({ Engine: 'postgres', MonitoringInterval: 60, MonitoringRoleArn: role })],
      ['aws:rds/cluster:Cluster', (role) => ({ engine: 'postgres', monitoringInterval: 60, monitoringRoleArn: role })],
      ['aws_rds_cluster', (role) => ({ engine: 'postgres', monitoring_interval: 60, monitoring_role_arn: role })],
    ],
    [
      'Writer',
      'rds-monitoring',
      undefined,
      [
        'aws:rds/clusterInstance:ClusterInstance',
        (role) => ({
          clusterIdentifier: 'aurora',
          engine: 'aurora-postgresql',
          instanceClass: 'db.r6g.large',
          monitoringInterval: 60,
          monitoringRoleArn: role,
        }),
      ],
      [
        'aws_rds_cluster_instance',
        (role) => ({
          cluster_identifier: 'aurora',
          engine: 'aurora-postgresql',
          instance_class: 'db.r6g.large',
          monitoring_interval: 60,
          monitoring_role_arn: role,
        }),
      ],
    ],
    [
      'Relay',
      'event-target',
      [
        'AWS::Events::Rule',
        (role) => ({ EventPattern: PATTERN, RoleArn: role, Targets: [{ Id: 'bus', Arn: 'arn:bus' }] }),
      ],
      ['aws:cloudwatch/eventRule:EventRule', (role) => ({ eventPattern: JSON.stringify(PATTERN), roleArn: role })],
      [
        'aws_cloudwatch_event_rule',
        (role) => ({ name: 'relay', event_pattern: JSON.stringify(PATTERN), role_arn: role }),
      ],
    ],
    [
      'Source',
      's3-replication',
      undefined,
      [
        'aws:s3/bucket:Bucket',
        (role) => ({
          bucket: 'source',
          replicationConfiguration: { role, rules: [{ status: 'Enabled', destination: { bucket: 'arn:b' } }] },
        }),
      ],
      [
        'aws_s3_bucket',
        (role) => ({
          bucket: 'source',
          replication_configuration: [
            { role, rules: [{ status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::replica' }] }] },
          ],
        }),
      ],
    ],
    [
      'SourceV2',
      's3-replication',
      undefined,
      [
        'aws:s3/bucketV2:BucketV2',
        (role) => ({
          bucket: 'source',
          replicationConfigurations: [{ role, rules: [{ status: 'Enabled', destinations: [{ bucket: 'arn:b' }] }] }],
        }),
      ],
      undefined,
    ],
  ];
  const inCloudFormation = ROWS.filter(([, , cloudFormation]) => cloudFormation !== undefined);
  const inPulumi = ROWS.filter(([, , , pulumi]) => pulumi !== undefined);
  const inTerraform = ROWS.filter(([, , , , terraform]) => terraform !== undefined);
  const address = ([name, , , , terraform]: Row) => `${terraform?.[0]}.${name}`;

  describe('in CloudFormation', () => {
    const breakGlass: CfnResource = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'break-glass',
        AssumeRolePolicyDocument: SAML_TRUST,
        Tags: Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value })),
      },
    };
    const template = (rows: readonly Row[], role: unknown, own: Record<string, CfnResource>) => ({
      stack: 'App',
      file: 'app.template.json',
      template: {
        Resources: {
          ...own,
          ...Object.fromEntries(
            rows.map(([name, , cloudFormation]) => [
              name,
              { Type: cloudFormation![0], Properties: cloudFormation![1](role) },
            ]),
          ),
        },
      },
    });

    it.each(inCloudFormation.map((row) => [row[0], row] as const))(
      'reports a break-glass role %s acts as',
      (_, row) => {
        const model = modelFromTemplates([
          template([row], { 'Fn::GetAtt': ['BreakGlass', 'Arn'] }, { BreakGlass: breakGlass }),
        ]);
        expect(attachedCompute(model)).toEqual(reported([`${row[0]} Attachment::${row[1]}`]));
      },
    );

    it('attaches an ordinary role to each, and reports nothing for it', () => {
      const ordinary: CfnResource = {
        Type: 'AWS::IAM::Role',
        Properties: { RoleName: 'ordinary', AssumeRolePolicyDocument: SAML_TRUST },
      };
      const model = modelFromTemplates([template(inCloudFormation, { Ref: 'Ordinary' }, { Ordinary: ordinary })]);
      expect(attachedCompute(model)).toEqual([]);
      expect(attachmentsOf(model, 'ordinary')).toEqual(
        inCloudFormation.map(([name, kind]) => `${name} Attachment::${kind}`).sort(),
      );
    });

    it("reads an RDS cluster's monitoring role an Fn::If writes on a parameter without default", () => {
      const model = modelFromTemplates([
        {
          stack: 'App',
          file: 'app.template.json',
          template: {
            Parameters: { Monitoring: { Type: 'String' } },
            Conditions: { Enhanced: { 'Fn::Equals': [{ Ref: 'Monitoring' }, 'true'] } },
            Resources: {
              BreakGlass: breakGlass,
              Aurora: {
                Type: 'AWS::RDS::DBCluster',
                Properties: {
                  Engine: 'aurora-postgresql',
                  MonitoringRoleArn: {
                    'Fn::If': ['Enhanced', { 'Fn::GetAtt': ['BreakGlass', 'Arn'] }, { Ref: 'AWS::NoValue' }],
                  },
                },
              },
            },
          },
        },
      ]);
      expect(attachedCompute(model)).toEqual(reported(['Aurora Attachment::rds-monitoring']));
    });
  });

  describe('in Pulumi', () => {
    const breakGlass = resource('aws:iam/role:Role', 'break-glass', {
      name: 'break-glass',
      assumeRolePolicy: JSON.stringify(SAML_TRUST),
      tags: TAGS,
    });

    it.each(inPulumi.map((row) => [row[0], row] as const))('reports a break-glass role %s acts as', (_, row) => {
      const [name, kind, , pulumi] = row;
      const model = modelFromPulumiResources([breakGlass, resource(pulumi![0], name, pulumi![1](ARN))]);
      expect(attachedCompute(model)).toEqual(reported([`${name} Attachment::${kind}`]));
    });

    it('in preview, follows the dependencies of a role ARN not known yet', () => {
      const onRole = (property: string) => ({ [property]: [urn('aws:iam/role:Role', 'break-glass')] });
      const model = modelFromPulumiResources([
        breakGlass,
        resource('aws:rds/cluster:Cluster', 'aurora', { monitoringRoleArn: UNKNOWN }, onRole('monitoringRoleArn')),
        resource(
          'aws:autoscaling/group:Group',
          'web',
          { initialLifecycleHooks: [{ name: 'drain', roleArn: UNKNOWN }] },
          onRole('initialLifecycleHooks'),
        ),
      ]);
      expect(attachedCompute(model)).toEqual(
        reported(['aurora Attachment::rds-monitoring', 'web Attachment::autoscaling-lifecycle-hook']),
      );
    });

    it('keeps an event rule with a role a monitor', () => {
      const [, , , pulumi] = ROWS.find(([name]) => name === 'Relay')!;
      const model = modelFromPulumiResources([breakGlass, resource(pulumi![0], 'relay', pulumi![1](ARN))]);
      expect(model.monitors?.map((monitor) => [monitor.kind, monitor.source.name])).toEqual([['event-rule', 'relay']]);
      expect(attachmentsOf(model, 'break-glass')).toEqual(['relay Attachment::event-target']);
    });
  });

  describe('in a Terraform plan', () => {
    const breakGlass = {
      address: 'aws_iam_role.break_glass',
      values: { name: 'break-glass', assume_role_policy: JSON.stringify(SAML_TRUST), tags: TAGS },
    };

    it.each(inTerraform.map((row) => [address(row), row] as const))(
      'reports a break-glass role %s acts as',
      (_, row) => {
        const [, kind, , , terraform] = row;
        const model = modelFromTerraformPlan(
          terraformPlan([breakGlass, { address: address(row), values: terraform![1](ARN) }]),
          { file: 'plan.json' },
        );
        expect(attachedCompute(model)).toEqual(reported([`${address(row)} Attachment::${kind}`]));
      },
    );

    it("reads an event rule as a monitor too, as Pulumi's is", () => {
      const pattern = JSON.stringify({ detail: { userIdentity: { arn: [ARN] } } });
      const model = modelFromTerraformPlan(
        terraformPlan([
          breakGlass,
          { address: 'aws_cloudwatch_event_rule.watch', values: { name: 'watch', event_pattern: pattern } },
        ]),
        { file: 'plan.json' },
      );
      expect(model.monitors).toEqual([
        expect.objectContaining({
          kind: 'event-rule',
          pattern,
          source: expect.objectContaining({ name: 'aws_cloudwatch_event_rule.watch' }),
        }),
      ]);
    });
  });
});

/**
 * A role written with `Fn::If`: the deployment decides which branch is taken where the condition reads a parameter a
 * deployment sets (cfn-lint's quickstart fixture gives an RDS instance `MonitoringRoleArn: !If [EnhancedMonitoring,
 * !GetAtt rDBMonitoringRole.Arn, !Ref AWS::NoValue]`, the condition on a parameter without default). Each role a
 * branch may name is attached (fail closed), `AWS::NoValue` names none, and a condition plan-time values decide names
 * its branch only: for every kind alike, at the role and at any level above it.
 */
describe('break-glass-isolation: a role an Fn::If writes', () => {
  const breakGlass: CfnResource = {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: 'break-glass',
      AssumeRolePolicyDocument: SAML_TRUST,
      Tags: Object.entries(TAGS).map(([Key, Value]) => ({ Key, Value })),
    },
  };
  const ordinary: CfnResource = {
    Type: 'AWS::IAM::Role',
    Properties: { RoleName: 'ordinary', AssumeRolePolicyDocument: SAML_TRUST },
  };
  const BREAK_GLASS = { 'Fn::GetAtt': ['BreakGlass', 'Arn'] };
  const ORDINARY = { 'Fn::GetAtt': ['Ordinary', 'Arn'] };
  const NO_VALUE = { Ref: 'AWS::NoValue' };
  const template = (resources: Record<string, CfnResource>) => ({
    stack: 'App',
    file: 'app.template.json',
    template: {
      Parameters: { Monitoring: { Type: 'String' }, Env: { Type: 'String', Default: 'prod' } },
      Conditions: {
        // The deployment decides: a parameter without default.
        Enhanced: { 'Fn::Equals': [{ Ref: 'Monitoring' }, 'true'] },
        // Plan-time values decide.
        Never: { 'Fn::Equals': ['a', 'b'] },
      },
      Resources: { BreakGlass: breakGlass, Ordinary: ordinary, ...resources },
    },
  });
  const ifRole = (condition: string, whenTrue: unknown, whenFalse: unknown) => ({
    'Fn::If': [condition, whenTrue, whenFalse],
  });

  it("reports an RDS instance's monitoring role written as cfn-lint's quickstart fixture writes it", () => {
    const model = modelFromTemplates([
      template({
        Database: {
          Type: 'AWS::RDS::DBInstance',
          Properties: {
            Engine: 'postgres',
            MonitoringInterval: ifRole('Enhanced', 60, 0),
            MonitoringRoleArn: ifRole('Enhanced', BREAK_GLASS, NO_VALUE),
          },
        },
      }),
    ]);
    expect(attachedCompute(model)).toEqual(reported(['Database Attachment::rds-monitoring']));
    expect(model.externalReferences ?? []).toEqual([]);
  });

  it('attaches each role either branch names, for every kind alike, none for AWS::NoValue, and only the branch plan-time values choose', () => {
    const model = modelFromTemplates([
      template({
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: ifRole('Enhanced', ORDINARY, BREAK_GLASS) } },
        Decided: { Type: 'AWS::Lambda::Function', Properties: { Role: ifRole('Never', BREAK_GLASS, ORDINARY) } },
        DecidedDatabase: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { MonitoringRoleArn: ifRole('Never', BREAK_GLASS, NO_VALUE) },
        },
        Build: { Type: 'AWS::CodeBuild::Project', Properties: { ServiceRole: ifRole('Enhanced', NO_VALUE, ORDINARY) } },
        // Nested: an Fn::If inside an Fn::If's branch.
        Flow: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: { RoleArn: ifRole('Enhanced', ifRole('Enhanced', BREAK_GLASS, NO_VALUE), NO_VALUE) },
        },
        Nothing: { Type: 'AWS::Glue::Job', Properties: { Role: ifRole('Enhanced', NO_VALUE, NO_VALUE) } },
      }),
    ]);
    expect(attachedCompute(model)).toEqual(reported(['Flow Attachment::state-machine', 'Fn Attachment::lambda']));
    expect(attachmentsOf(model, 'ordinary')).toEqual([
      'Build Attachment::codebuild',
      'Decided Attachment::lambda',
      'Fn Attachment::lambda',
    ]);
    expect(model.externalReferences ?? []).toEqual([]);
  });

  it('reads each branch of an Fn::If above the role: a nested property, a list item, the whole Properties', () => {
    const model = modelFromTemplates([
      template({
        Job: {
          Type: 'AWS::Batch::JobDefinition',
          Properties: {
            Type: 'container',
            ContainerProperties: ifRole('Enhanced', { JobRoleArn: BREAK_GLASS }, NO_VALUE),
          },
        },
        Web: {
          Type: 'AWS::AppRunner::Service',
          Properties: {
            InstanceConfiguration: ifRole('Enhanced', { InstanceRoleArn: ORDINARY }, { InstanceRoleArn: BREAK_GLASS }),
          },
        },
        Release: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Stages: [
              { Name: 'Deploy', Actions: [ifRole('Enhanced', { Name: 'Apply', RoleArn: BREAK_GLASS }, NO_VALUE)] },
            ],
          },
        },
        Whole: {
          Type: 'AWS::Lambda::Function',
          Properties: ifRole('Enhanced', { Role: BREAK_GLASS }, { Role: ORDINARY }) as unknown as Record<
            string,
            unknown
          >,
        },
      }),
    ]);
    expect(attachedCompute(model)).toEqual(
      reported([
        'Job Attachment::batch',
        'Release Attachment::codepipeline-action',
        'Web Attachment::app-runner',
        'Whole Attachment::lambda',
      ]),
    );
    expect(attachmentsOf(model, 'ordinary')).toEqual(['Web Attachment::app-runner', 'Whole Attachment::lambda']);
  });
});
