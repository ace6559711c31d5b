/**
 * break-glass-isolation through Pulumi's aws-native provider: its resources are CloudFormation's, through Cloud Control,
 * so the compute that runs as a role is the same, in aws-native's spelling (`aws-native:<service>:<Type>`, each
 * property in lowerCamelCase, an acronym's letters after the first lowered: `RoleARN` is `roleArn`, `AWS::RDS::DBInstance`
 * is `aws-native:rds:DbInstance`; pulumi-aws-native's provider/pkg/naming). None of it was read: a break-glass role given
 * to a Lambda function, an ECS task, a Firehose stream, a Bedrock agent or a SageMaker domain written with aws-native
 * passed unseen (fail-open). Tokens and properties are written out here as aws-native spells them, not derived.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { pulumiResource as resource } from '../multicloud/builders.js';

const catalog = parseCatalog(
  `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
`,
  'catalog.yaml',
);
const NOW = new Date('2026-06-01T00:00:00Z');
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
/** aws-native writes tags as a list of key and value pairs. */
const tags = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value }));

function model(name: string, type: string, props: Record<string, unknown>, classTag = 'break-glass'): Model {
  return modelFromPulumiResources([
    resource('aws-native:iam:Role', 'break-glass', {
      roleName: 'break-glass',
      assumeRolePolicyDocument: SAML_TRUST,
      tags: tags({ owner: 'team-platform', 'identity-class': classTag }),
    }),
    resource(type, name, props),
  ]);
}

function attachedCompute(built: Model): string[] {
  return evaluate(built, { catalog, now: NOW, pending: 'fail-closed' })
    .findings.filter((f) => f.ruleId === 'break-glass-isolation' && f.detail?.startsWith('Attachment::'))
    .map((f) => `${f.resource.name} ${f.detail}`)
    .sort();
}

const ROWS: readonly [name: string, kind: string, type: string, props: Record<string, unknown>][] = [
  ['fn', 'lambda', 'aws-native:lambda:Function', { functionName: 'fn', role: ARN }],
  ['task', 'ecs-task', 'aws-native:ecs:TaskDefinition', { family: 'web', taskRoleArn: ARN }],
  ['task-exec', 'ecs-task-execution', 'aws-native:ecs:TaskDefinition', { family: 'web', executionRoleArn: ARN }],
  ['build', 'codebuild', 'aws-native:codebuild:Project', { serviceRole: ARN }],
  [
    'deploy',
    'cloudformation',
    'aws-native:codepipeline:Pipeline',
    // A CloudFormation action's configuration is free-form: its keys are the program's, as CloudFormation spells them.
    {
      roleArn: 'arn:aws:iam::111122223333:role/pipeline',
      stages: [{ name: 'Deploy', actions: [{ name: 'Stack', configuration: { RoleArn: ARN } }] }],
    },
  ],
  [
    'stream',
    'firehose',
    'aws-native:kinesisfirehose:DeliveryStream',
    { mskSourceConfiguration: { authenticationConfiguration: { roleArn: ARN } } },
  ],
  [
    'processed',
    'firehose',
    'aws-native:kinesisfirehose:DeliveryStream',
    {
      extendedS3DestinationConfiguration: {
        bucketArn: 'arn:aws:s3:::logs',
        roleArn: 'arn:aws:iam::111122223333:role/firehose',
        processingConfiguration: {
          processors: [{ type: 'Lambda', parameters: [{ parameterName: 'RoleArn', parameterValue: ARN }] }],
        },
      },
    },
  ],
  [
    'rule',
    'iot-rule',
    'aws-native:iot:TopicRule',
    { topicRulePayload: { sql: 'SELECT * FROM "t"', actions: [{ dynamoDBv2: { roleArn: ARN } }] } },
  ],
  [
    'jobs',
    'batch',
    'aws-native:batch:JobDefinition',
    { type: 'container', containerProperties: { image: 'busybox', jobRoleArn: ARN } },
  ],
  ['database', 'rds-monitoring', 'aws-native:rds:DbInstance', { monitoringInterval: 60, monitoringRoleArn: ARN }],
  ['recorder', 'config-recorder', 'aws-native:configuration:ConfigurationRecorder', { roleArn: ARN }],
  ['agent', 'bedrock-agent', 'aws-native:bedrock:Agent', { agentName: 'support', agentResourceRoleArn: ARN }],
  [
    'runtime',
    'bedrock-agentcore-runtime',
    'aws-native:bedrockagentcore:Runtime',
    { agentRuntimeName: 'a', roleArn: ARN },
  ],
  [
    'studio',
    'sagemaker',
    'aws-native:sagemaker:Domain',
    { domainName: 'studio', defaultUserSettings: { executionRole: ARN } },
  ],
  ['crawler', 'glue', 'aws-native:glue:Crawler', { role: ARN, targets: {} }],
  ['profile', 'instance-profile', 'aws-native:iam:InstanceProfile', { roles: ['break-glass'] }],
];

describe('break-glass-isolation: compute written with Pulumi aws-native', () => {
  it.each(ROWS.map((row) => [`${row[2]} ${row[0]}`, row] as const))(
    'reports a break-glass role %s runs as',
    (_, row) => {
      const [name, kind, type, props] = row;
      expect(attachedCompute(model(name, type, props))).toEqual([`${name} Attachment::${kind}`]);
    },
  );

  it('attaches an ordinary role to each, and reports nothing for it', () => {
    for (const [name, kind, type, props] of ROWS) {
      const built = model(name, type, props, 'service');
      expect(attachedCompute(built)).toEqual([]);
      expect(
        built.identities.find((i) => i.name === 'break-glass')?.attachments.map((a) => `${a.source.name} ${a.kind}`),
      ).toEqual([`${name} ${kind}`]);
    }
  });
});
