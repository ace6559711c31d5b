/**
 * break-glass-isolation on the AI/ML and data services that act as a role they are given, in each AWS front-end: a
 * Bedrock flow invokes its nodes as its execution role, Bedrock model customization and evaluation jobs read their
 * data as theirs, an AgentCore memory strategy of its own extracts with its model as its role; an AgentCore harness
 * runs its agent in a runtime it creates, as its execution role (pathfinding.cloud bedrock-005 reads that role's
 * credentials there); Glue crawlers, ML transforms and interactive sessions; SageMaker processing and training jobs,
 * HyperPod clusters' instance groups, monitoring jobs, endpoint configurations, feature groups and MLflow tracking
 * servers, labeling jobs, human review flows, images and RStudio; EMR Studio's service and user roles and EMR on EKS
 * job templates; Kendra FAQs, thesauri and block lists; Comprehend classifiers, recognizers and flywheels; an Athena
 * Spark workgroup's execution role; DataBrew jobs and projects; a Lake Formation registered location. Their roles were attached to nothing, so a break-glass role given to one passed
 * unseen (fail-open). A break-glass role is reported on each; an ordinary one is attached (the audit's runsOn) and not
 * reported. Types and properties are written out as the CloudFormation resource schemas (aws-cdk-lib 2.276.0's L1
 * classes), @pulumi/aws 7.48.0 and the Terraform aws provider spell them, not read from the adapters' table; a dialect
 * left undefined has no such resource.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { pulumiResource as resource } from '../multicloud/builders.js';
import { terraformPlan } from '../terraform/support.js';

const catalog = parseCatalog(
  `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
`,
  'catalog.yaml',
);
const NOW = new Date('2026-06-01T00:00:00Z');
const BREAK_GLASS = { owner: 'team-platform', 'identity-class': 'break-glass' };
const ARN = 'arn:aws:iam::111122223333:role/data';
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

type Row = readonly [
  name: string,
  kind: string,
  cloudFormation: readonly [type: string, properties: (role: unknown) => Record<string, unknown>] | undefined,
  pulumi: readonly [type: string, properties: (role: string) => Record<string, unknown>] | undefined,
  terraform: readonly [type: string, values: (role: string) => Record<string, unknown>] | undefined,
];

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/job:latest';
const ROWS: readonly Row[] = [
  [
    'Flow',
    'bedrock-flow',
    ['AWS::Bedrock::Flow', (role) => ({ Name: 'triage', ExecutionRoleArn: role })],
    ['aws:bedrock/agentFlow:AgentFlow', (role) => ({ name: 'triage', executionRoleArn: role })],
    ['aws_bedrockagent_flow', (role) => ({ name: 'triage', execution_role_arn: role })],
  ],
  [
    'Harness',
    'bedrock-agentcore-harness',
    ['AWS::BedrockAgentCore::Harness', (role) => ({ HarnessName: 'helpdesk', ExecutionRoleArn: role })],
    ['aws:bedrock/agentcoreHarness:AgentcoreHarness', (role) => ({ harnessName: 'helpdesk', executionRoleArn: role })],
    ['aws_bedrockagentcore_harness', (role) => ({ harness_name: 'helpdesk', execution_role_arn: role })],
  ],
  [
    'Customization',
    'bedrock-model-job',
    undefined,
    ['aws:bedrock/customModel:CustomModel', (role) => ({ customModelName: 'tuned', jobName: 'tune', roleArn: role })],
    ['aws_bedrock_custom_model', (role) => ({ custom_model_name: 'tuned', job_name: 'tune', role_arn: role })],
  ],
  [
    'Evaluation',
    'bedrock-model-job',
    undefined,
    ['aws:bedrock/evaluationJob:EvaluationJob', (role) => ({ jobName: 'judge', roleArn: role })],
    ['aws_bedrock_evaluation_job', (role) => ({ job_name: 'judge', role_arn: role })],
  ],
  [
    'Strategy',
    'bedrock-agentcore-memory',
    undefined,
    [
      'aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy',
      (role) => ({ name: 'facts', memoryId: 'm-1', type: 'SEMANTIC', memoryExecutionRoleArn: role }),
    ],
    [
      'aws_bedrockagentcore_memory_strategy',
      (role) => ({ name: 'facts', memory_id: 'm-1', type: 'SEMANTIC', memory_execution_role_arn: role }),
    ],
  ],
  [
    'Crawler',
    'glue',
    ['AWS::Glue::Crawler', (role) => ({ Role: role, Targets: { S3Targets: [{ Path: 's3://lake/raw' }] } })],
    ['aws:glue/crawler:Crawler', (role) => ({ databaseName: 'lake', role })],
    ['aws_glue_crawler', (role) => ({ database_name: 'lake', name: 'raw', role })],
  ],
  [
    'Transform',
    'glue',
    ['AWS::Glue::MLTransform', (role) => ({ Role: role, TransformParameters: { TransformType: 'FIND_MATCHES' } })],
    ['aws:glue/mLTransform:MLTransform', (role) => ({ name: 'dedupe', roleArn: role })],
    ['aws_glue_ml_transform', (role) => ({ name: 'dedupe', role_arn: role })],
  ],
  [
    'Session',
    'glue',
    ['AWS::Glue::Session', (role) => ({ Role: role, Command: { Name: 'glueetl', PythonVersion: '3' } })],
    undefined,
    undefined,
  ],
  [
    'Processing',
    'sagemaker',
    ['AWS::SageMaker::ProcessingJob', (role) => ({ RoleArn: role, AppSpecification: { ImageUri: IMAGE } })],
    undefined,
    undefined,
  ],
  [
    'Training',
    'sagemaker',
    undefined,
    ['aws:sagemaker/trainingJob:TrainingJob', (role) => ({ trainingJobName: 'train', roleArn: role })],
    ['aws_sagemaker_training_job', (role) => ({ training_job_name: 'train', role_arn: role })],
  ],
  [
    'HyperPod',
    'sagemaker',
    [
      'AWS::SageMaker::Cluster',
      (role) => ({
        InstanceGroups: [{ InstanceGroupName: 'workers', InstanceType: 'ml.g5.xlarge', ExecutionRole: role }],
      }),
    ],
    undefined,
    undefined,
  ],
  [
    'Restricted',
    'sagemaker',
    [
      'AWS::SageMaker::Cluster',
      (role) => ({ RestrictedInstanceGroups: [{ InstanceGroupName: 'nova', ExecutionRole: role }] }),
    ],
    undefined,
    undefined,
  ],
  [
    'Quality',
    'sagemaker',
    ['AWS::SageMaker::DataQualityJobDefinition', (role) => ({ RoleArn: role })],
    ['aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition', (role) => ({ roleArn: role })],
    ['aws_sagemaker_data_quality_job_definition', (role) => ({ role_arn: role })],
  ],
  [
    'Bias',
    'sagemaker',
    ['AWS::SageMaker::ModelBiasJobDefinition', (role) => ({ RoleArn: role })],
    undefined,
    undefined,
  ],
  [
    'Explainability',
    'sagemaker',
    ['AWS::SageMaker::ModelExplainabilityJobDefinition', (role) => ({ RoleArn: role })],
    undefined,
    undefined,
  ],
  [
    'ModelQuality',
    'sagemaker',
    ['AWS::SageMaker::ModelQualityJobDefinition', (role) => ({ RoleArn: role })],
    undefined,
    undefined,
  ],
  [
    'Schedule',
    'sagemaker',
    [
      'AWS::SageMaker::MonitoringSchedule',
      (role) => ({
        MonitoringScheduleName: 'drift',
        MonitoringScheduleConfig: { MonitoringJobDefinition: { RoleArn: role } },
      }),
    ],
    undefined,
    undefined,
  ],
  [
    'EndpointConfig',
    'sagemaker',
    ['AWS::SageMaker::EndpointConfig', (role) => ({ ExecutionRoleArn: role })],
    ['aws:sagemaker/endpointConfiguration:EndpointConfiguration', (role) => ({ executionRoleArn: role })],
    ['aws_sagemaker_endpoint_configuration', (role) => ({ execution_role_arn: role })],
  ],
  [
    'Features',
    'sagemaker',
    ['AWS::SageMaker::FeatureGroup', (role) => ({ FeatureGroupName: 'customers', RoleArn: role })],
    ['aws:sagemaker/featureGroup:FeatureGroup', (role) => ({ featureGroupName: 'customers', roleArn: role })],
    ['aws_sagemaker_feature_group', (role) => ({ feature_group_name: 'customers', role_arn: role })],
  ],
  [
    'Mlflow',
    'sagemaker',
    ['AWS::SageMaker::MlflowTrackingServer', (role) => ({ TrackingServerName: 'runs', RoleArn: role })],
    [
      'aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer',
      (role) => ({ trackingServerName: 'runs', roleArn: role }),
    ],
    ['aws_sagemaker_mlflow_tracking_server', (role) => ({ tracking_server_name: 'runs', role_arn: role })],
  ],
  [
    'Labeling',
    'sagemaker',
    undefined,
    ['aws:sagemaker/labelingJob:LabelingJob', (role) => ({ labelingJobName: 'label', roleArn: role })],
    ['aws_sagemaker_labeling_job', (role) => ({ labeling_job_name: 'label', role_arn: role })],
  ],
  [
    'Review',
    'sagemaker',
    undefined,
    ['aws:sagemaker/flowDefinition:FlowDefinition', (role) => ({ flowDefinitionName: 'review', roleArn: role })],
    ['aws_sagemaker_flow_definition', (role) => ({ flow_definition_name: 'review', role_arn: role })],
  ],
  [
    'Image',
    'sagemaker',
    ['AWS::SageMaker::Image', (role) => ({ ImageName: 'custom', ImageRoleArn: role })],
    ['aws:sagemaker/image:Image', (role) => ({ imageName: 'custom', roleArn: role })],
    ['aws_sagemaker_image', (role) => ({ image_name: 'custom', role_arn: role })],
  ],
  [
    'RStudio',
    'sagemaker',
    [
      'AWS::SageMaker::Domain',
      (role) => ({
        DomainName: 'r',
        AuthMode: 'SSO',
        DomainSettings: { RStudioServerProDomainSettings: { DomainExecutionRoleArn: role } },
      }),
    ],
    [
      'aws:sagemaker/domain:Domain',
      (role) => ({
        domainName: 'r',
        authMode: 'SSO',
        domainSettings: { rStudioServerProDomainSettings: { domainExecutionRoleArn: role } },
      }),
    ],
    [
      'aws_sagemaker_domain',
      (role) => ({
        domain_name: 'r',
        auth_mode: 'SSO',
        domain_settings: [{ r_studio_server_pro_domain_settings: [{ domain_execution_role_arn: role }] }],
      }),
    ],
  ],
  [
    'OnEks',
    'emr',
    [
      'AWS::EMRContainers::JobTemplate',
      (role) => ({ Name: 'spark', JobTemplateData: { ReleaseLabel: 'emr-7.0.0', ExecutionRoleArn: role } }),
    ],
    [
      'aws:emrcontainers/jobTemplate:JobTemplate',
      (role) => ({ name: 'spark', jobTemplateData: { releaseLabel: 'emr-7.0.0', executionRoleArn: role } }),
    ],
    [
      'aws_emrcontainers_job_template',
      (role) => ({ name: 'spark', job_template_data: [{ release_label: 'emr-7.0.0', execution_role_arn: role }] }),
    ],
  ],
  [
    'Faq',
    'kendra',
    ['AWS::Kendra::Faq', (role) => ({ IndexId: 'i-1', Name: 'faq', RoleArn: role })],
    ['aws:kendra/faq:Faq', (role) => ({ indexId: 'i-1', name: 'faq', roleArn: role })],
    ['aws_kendra_faq', (role) => ({ index_id: 'i-1', name: 'faq', role_arn: role })],
  ],
  [
    'Thesaurus',
    'kendra',
    ['AWS::Kendra::Thesaurus', (role) => ({ IndexId: 'i-1', Name: 'terms', RoleArn: role })],
    ['aws:kendra/thesaurus:Thesaurus', (role) => ({ indexId: 'i-1', name: 'terms', roleArn: role })],
    ['aws_kendra_thesaurus', (role) => ({ index_id: 'i-1', name: 'terms', role_arn: role })],
  ],
  [
    'BlockList',
    'kendra',
    ['AWS::Kendra::QuerySuggestionsBlockList', (role) => ({ IndexId: 'i-1', Name: 'block', RoleArn: role })],
    [
      'aws:kendra/querySuggestionsBlockList:QuerySuggestionsBlockList',
      (role) => ({ indexId: 'i-1', name: 'block', roleArn: role }),
    ],
    ['aws_kendra_query_suggestions_block_list', (role) => ({ index_id: 'i-1', name: 'block', role_arn: role })],
  ],
  [
    'Classifier',
    'comprehend',
    ['AWS::Comprehend::DocumentClassifier', (role) => ({ DocumentClassifierName: 'c', DataAccessRoleArn: role })],
    ['aws:comprehend/documentClassifier:DocumentClassifier', (role) => ({ name: 'c', dataAccessRoleArn: role })],
    ['aws_comprehend_document_classifier', (role) => ({ name: 'c', data_access_role_arn: role })],
  ],
  [
    'Recognizer',
    'comprehend',
    ['AWS::Comprehend::EntityRecognizer', (role) => ({ RecognizerName: 'r', DataAccessRoleArn: role })],
    ['aws:comprehend/entityRecognizer:EntityRecognizer', (role) => ({ name: 'r', dataAccessRoleArn: role })],
    ['aws_comprehend_entity_recognizer', (role) => ({ name: 'r', data_access_role_arn: role })],
  ],
  [
    'Flywheel',
    'comprehend',
    ['AWS::Comprehend::Flywheel', (role) => ({ FlywheelName: 'f', DataAccessRoleArn: role })],
    undefined,
    undefined,
  ],
  [
    'RecognizerEndpoint',
    'comprehend',
    ['AWS::Comprehend::EntityRecognizerEndpoint', (role) => ({ DesiredInferenceUnits: 1, DataAccessRoleArn: role })],
    undefined,
    undefined,
  ],
  [
    'Studio',
    'emr',
    ['AWS::EMR::Studio', (role) => ({ Name: 'notebooks', AuthMode: 'IAM', ServiceRole: role })],
    ['aws:emr/studio:Studio', (role) => ({ name: 'notebooks', authMode: 'IAM', serviceRole: role })],
    ['aws_emr_studio', (role) => ({ name: 'notebooks', auth_mode: 'IAM', service_role: role })],
  ],
  [
    'StudioUsers',
    'emr',
    [
      'AWS::EMR::Studio',
      (role) => ({ Name: 'users', AuthMode: 'SSO', ServiceRole: 'arn:aws:iam::1:role/s', UserRole: role }),
    ],
    [
      'aws:emr/studio:Studio',
      (role) => ({ name: 'users', authMode: 'SSO', serviceRole: 'arn:aws:iam::1:role/s', userRole: role }),
    ],
    [
      'aws_emr_studio',
      (role) => ({ name: 'users', auth_mode: 'SSO', service_role: 'arn:aws:iam::1:role/s', user_role: role }),
    ],
  ],
  [
    'Spark',
    'athena',
    [
      'AWS::Athena::WorkGroup',
      (role) => ({
        Name: 'spark',
        WorkGroupConfiguration: {
          EngineVersion: { SelectedEngineVersion: 'PySpark engine version 3' },
          ExecutionRole: role,
        },
      }),
    ],
    ['aws:athena/workgroup:Workgroup', (role) => ({ name: 'spark', configuration: { executionRole: role } })],
    ['aws_athena_workgroup', (role) => ({ name: 'spark', configuration: [{ execution_role: role }] })],
  ],
  [
    'BrewJob',
    'databrew',
    ['AWS::DataBrew::Job', (role) => ({ Name: 'clean', Type: 'RECIPE', RoleArn: role })],
    undefined,
    undefined,
  ],
  [
    'BrewProject',
    'databrew',
    ['AWS::DataBrew::Project', (role) => ({ Name: 'clean', DatasetName: 'd', RecipeName: 'r', RoleArn: role })],
    undefined,
    undefined,
  ],
  [
    'Location',
    'lakeformation',
    [
      'AWS::LakeFormation::Resource',
      (role) => ({ ResourceArn: 'arn:aws:s3:::lake', UseServiceLinkedRole: false, RoleArn: role }),
    ],
    ['aws:lakeformation/resource:Resource', (role) => ({ arn: 'arn:aws:s3:::lake', roleArn: role })],
    ['aws_lakeformation_resource', (role) => ({ arn: 'arn:aws:s3:::lake', role_arn: role })],
  ],
];

/** break-glass-isolation's compute findings: `rule level resource detail`, sorted. */
function attachedCompute(model: Model): string[] {
  return evaluate(model, { catalog, now: NOW, pending: 'fail-closed' })
    .findings.filter((f) => f.ruleId === 'break-glass-isolation' && f.detail?.startsWith('Attachment::'))
    .map((f) => [f.ruleId, f.level, f.resource.name, f.detail].join(' '))
    .sort();
}

/** The compute the role `data` is attached to, whatever its class: `resource Attachment::kind`, sorted. */
function attachmentsOfDataRole(model: Model): string[] {
  const identity = model.identities.find((candidate) => candidate.name === 'data');
  return (identity?.attachments ?? []).map((a) => `${a.source.name} Attachment::${a.kind}`).sort();
}

const reported = (lines: readonly string[]) => lines.map((line) => `break-glass-isolation mandatory ${line}`);
const inCloudFormation = ROWS.filter(([, , cloudFormation]) => cloudFormation !== undefined);
const inPulumi = ROWS.filter(([, , , pulumi]) => pulumi !== undefined);
const inTerraform = ROWS.filter(([, , , , terraform]) => terraform !== undefined);
const address = ([name, , , , terraform]: Row) => `${terraform?.[0]}.${name}`;

function cloudFormation(rows: readonly Row[], tags: Record<string, string>): Model {
  return modelFromTemplates([
    {
      stack: 'Data',
      file: 'data.template.json',
      template: {
        Resources: {
          DataRole: {
            Type: 'AWS::IAM::Role',
            Properties: {
              RoleName: 'data',
              AssumeRolePolicyDocument: SAML_TRUST,
              Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
            },
          },
          ...Object.fromEntries(
            rows.map(([name, , cfn]) => [
              name,
              { Type: cfn![0], Properties: cfn![1]({ 'Fn::GetAtt': ['DataRole', 'Arn'] }) },
            ]),
          ),
        },
      },
    },
  ]);
}

function pulumi(rows: readonly Row[], tags: Record<string, string>): Model {
  return modelFromPulumiResources([
    resource('aws:iam/role:Role', 'DataRole', { name: 'data', assumeRolePolicy: JSON.stringify(SAML_TRUST), tags }),
    ...rows.map(([name, , , type]) => resource(type![0], name, type![1](ARN))),
  ]);
}

function terraform(rows: readonly Row[], tags: Record<string, string>): Model {
  return modelFromTerraformPlan(
    terraformPlan([
      { address: 'aws_iam_role.data', values: { name: 'data', assume_role_policy: JSON.stringify(SAML_TRUST), tags } },
      ...rows.map((row) => ({ address: address(row), values: row[4]![1](ARN) })),
    ]),
    { file: 'plan.json' },
  );
}

describe('break-glass-isolation: AI/ML and data services that act as a role', () => {
  describe('in CloudFormation', () => {
    it.each(inCloudFormation.map((row) => [row[0], row] as const))(
      'reports a break-glass role %s acts as',
      (_, row) => {
        expect(attachedCompute(cloudFormation([row], BREAK_GLASS))).toEqual(
          reported([`${row[0]} Attachment::${row[1]}`]),
        );
      },
    );

    it('attaches an ordinary role to each, and reports nothing for it', () => {
      const model = cloudFormation(inCloudFormation, { owner: 'team-platform' });
      expect(attachedCompute(model)).toEqual([]);
      expect(attachmentsOfDataRole(model)).toEqual(
        inCloudFormation.map(([name, kind]) => `${name} Attachment::${kind}`).sort(),
      );
    });
  });

  describe('in Pulumi', () => {
    it.each(inPulumi.map((row) => [row[0], row] as const))('reports a break-glass role %s acts as', (_, row) => {
      expect(attachedCompute(pulumi([row], BREAK_GLASS))).toEqual(reported([`${row[0]} Attachment::${row[1]}`]));
    });

    it('attaches an ordinary role to each, and reports nothing for it', () => {
      const model = pulumi(inPulumi, { owner: 'team-platform' });
      expect(attachedCompute(model)).toEqual([]);
      expect(attachmentsOfDataRole(model)).toEqual(
        inPulumi.map(([name, kind]) => `${name} Attachment::${kind}`).sort(),
      );
    });
  });

  describe('in a Terraform plan', () => {
    it.each(inTerraform.map((row) => [address(row), row] as const))(
      'reports a break-glass role %s acts as',
      (_, row) => {
        expect(attachedCompute(terraform([row], BREAK_GLASS))).toEqual(
          reported([`${address(row)} Attachment::${row[1]}`]),
        );
      },
    );

    it('attaches an ordinary role to each, and reports nothing for it', () => {
      const model = terraform(inTerraform, { owner: 'team-platform' });
      expect(attachedCompute(model)).toEqual([]);
      expect(attachmentsOfDataRole(model)).toEqual(
        inTerraform.map((row) => `${address(row)} Attachment::${row[1]}`).sort(),
      );
    });
  });
});
