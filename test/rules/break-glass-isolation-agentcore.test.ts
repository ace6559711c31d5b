/**
 * break-glass-isolation on Amazon Bedrock AgentCore, in each AWS front-end: AgentCore acts as the role a runtime, a
 * gateway, a memory, a custom code interpreter, a custom browser or an online evaluation names. A runtime, a code
 * interpreter and a browser run the agent's code, or code an agent writes, in a microVM whose metadata service hands
 * out that role's credentials (the AgentCore guide, "Understanding credentials management"); a gateway calls its
 * targets as its role, a memory its model, an evaluation reads the agent's logs and invokes its judge model. A
 * break-glass role given to any of them is reported on it, as on a Lambda function or a Bedrock agent; an ordinary role
 * is attached (the audit's runsOn) and not reported. Found on public templates (awslabs/amazon-bedrock-agentcore-samples 8d214a6, read in session 46, not kept here): the roles of
 * AgentCore gateways and runtimes were attached to nothing. Property names are written out as the CloudFormation
 * resource schemas, Pulumi aws 7.48.0 and the Terraform aws provider spell them, not read from the adapters' table.
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
const ORDINARY = { owner: 'team-platform' };
const ARN = 'arn:aws:iam::111122223333:role/agent';
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

/** The compute the role `agent` is attached to, whatever its class: `resource Attachment::kind`, sorted. */
function attachmentsOfAgentRole(model: Model): string[] {
  const identity = model.identities.find((candidate) => candidate.name === 'agent');
  return (identity?.attachments ?? []).map((a) => `${a.source.name} Attachment::${a.kind}`).sort();
}

const EXPECTED = [
  'Browser Attachment::bedrock-agentcore-browser',
  'Evaluation Attachment::bedrock-agentcore-evaluation',
  'Gateway Attachment::bedrock-agentcore-gateway',
  'Interpreter Attachment::bedrock-agentcore-code-interpreter',
  'Memory Attachment::bedrock-agentcore-memory',
  'Runtime Attachment::bedrock-agentcore-runtime',
];
const TERRAFORM_ADDRESS: Record<string, string> = {
  Browser: 'aws_bedrockagentcore_browser.Browser',
  Evaluation: 'aws_bedrockagentcore_online_evaluation_config.Evaluation',
  Gateway: 'aws_bedrockagentcore_gateway.Gateway',
  Interpreter: 'aws_bedrockagentcore_code_interpreter.Interpreter',
  Memory: 'aws_bedrockagentcore_memory.Memory',
  Runtime: 'aws_bedrockagentcore_agent_runtime.Runtime',
};
const inTerraform = (lines: readonly string[]) =>
  lines.map((line) => line.replace(/^(\w+) /, (_, name: string) => `${TERRAFORM_ADDRESS[name]} `)).sort();
const reported = (lines: readonly string[]) => lines.map((line) => `break-glass-isolation mandatory ${line}`);

function cloudFormation(tags: Record<string, string>): Model {
  const arn = { 'Fn::GetAtt': ['AgentRole', 'Arn'] };
  return modelFromTemplates([
    {
      stack: 'Agents',
      template: {
        Resources: {
          AgentRole: {
            Type: 'AWS::IAM::Role',
            Properties: {
              RoleName: 'agent',
              AssumeRolePolicyDocument: SAML_TRUST,
              Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
            },
          },
          Runtime: {
            Type: 'AWS::BedrockAgentCore::Runtime',
            Properties: {
              AgentRuntimeName: 'agent',
              AgentRuntimeArtifact: { ContainerConfiguration: { ContainerUri: 'image:latest' } },
              NetworkConfiguration: { NetworkMode: 'PUBLIC' },
              RoleArn: arn,
            },
          },
          Gateway: {
            Type: 'AWS::BedrockAgentCore::Gateway',
            Properties: { Name: 'tools', AuthorizerType: 'AWS_IAM', ProtocolType: 'MCP', RoleArn: arn },
          },
          Memory: {
            Type: 'AWS::BedrockAgentCore::Memory',
            Properties: { Name: 'memory', EventExpiryDuration: 30, MemoryExecutionRoleArn: arn },
          },
          Interpreter: {
            Type: 'AWS::BedrockAgentCore::CodeInterpreterCustom',
            Properties: {
              Name: 'interpreter',
              NetworkConfiguration: { NetworkMode: 'SANDBOX' },
              ExecutionRoleArn: arn,
            },
          },
          Browser: {
            Type: 'AWS::BedrockAgentCore::BrowserCustom',
            Properties: { Name: 'browser', NetworkConfiguration: { NetworkMode: 'PUBLIC' }, ExecutionRoleArn: arn },
          },
          Evaluation: {
            Type: 'AWS::BedrockAgentCore::OnlineEvaluationConfig',
            Properties: { OnlineEvaluationConfigName: 'evaluation', EvaluationExecutionRoleArn: arn },
          },
        },
      },
    },
  ]);
}

function pulumi(tags: Record<string, string>): Model {
  return modelFromPulumiResources([
    resource('aws:iam/role:Role', 'AgentRole', { name: 'agent', assumeRolePolicy: JSON.stringify(SAML_TRUST), tags }),
    resource('aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime', 'Runtime', {
      agentRuntimeName: 'agent',
      roleArn: ARN,
    }),
    resource('aws:bedrock/agentcoreGateway:AgentcoreGateway', 'Gateway', { name: 'tools', roleArn: ARN }),
    resource('aws:bedrock/agentcoreMemory:AgentcoreMemory', 'Memory', {
      name: 'memory',
      eventExpiryDuration: 30,
      memoryExecutionRoleArn: ARN,
    }),
    resource('aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter', 'Interpreter', {
      name: 'interpreter',
      executionRoleArn: ARN,
    }),
    resource('aws:bedrock/agentcoreBrowser:AgentcoreBrowser', 'Browser', { name: 'browser', executionRoleArn: ARN }),
    resource('aws:bedrock/agentcoreOnlineEvaluationConfig:AgentcoreOnlineEvaluationConfig', 'Evaluation', {
      onlineEvaluationConfigName: 'evaluation',
      evaluationExecutionRoleArn: ARN,
    }),
  ]);
}

function terraform(tags: Record<string, string>): Model {
  return modelFromTerraformPlan(
    terraformPlan([
      {
        address: 'aws_iam_role.agent',
        values: { name: 'agent', assume_role_policy: JSON.stringify(SAML_TRUST), tags },
      },
      {
        address: 'aws_bedrockagentcore_agent_runtime.Runtime',
        values: { agent_runtime_name: 'agent', role_arn: ARN },
      },
      { address: 'aws_bedrockagentcore_gateway.Gateway', values: { name: 'tools', role_arn: ARN } },
      {
        address: 'aws_bedrockagentcore_memory.Memory',
        values: { name: 'memory', event_expiry_duration: 30, memory_execution_role_arn: ARN },
      },
      {
        address: 'aws_bedrockagentcore_code_interpreter.Interpreter',
        values: { name: 'interpreter', execution_role_arn: ARN },
      },
      { address: 'aws_bedrockagentcore_browser.Browser', values: { name: 'browser', execution_role_arn: ARN } },
      {
        address: 'aws_bedrockagentcore_online_evaluation_config.Evaluation',
        values: { online_evaluation_config_name: 'evaluation', evaluation_execution_role_arn: ARN },
      },
    ]),
    { file: 'plan.json' },
  );
}

describe('break-glass-isolation: Bedrock AgentCore runtimes, gateways, memories, code interpreters, browsers, evaluations', () => {
  it('in CloudFormation: reports a break-glass role on each; attaches an ordinary one and reports nothing', () => {
    expect(attachmentsOfAgentRole(cloudFormation(BREAK_GLASS))).toEqual(EXPECTED);
    expect(attachedCompute(cloudFormation(BREAK_GLASS))).toEqual(reported(EXPECTED));
    expect(attachmentsOfAgentRole(cloudFormation(ORDINARY))).toEqual(EXPECTED);
    expect(attachedCompute(cloudFormation(ORDINARY))).toEqual([]);
  });

  it('in Pulumi: the same', () => {
    expect(attachmentsOfAgentRole(pulumi(BREAK_GLASS))).toEqual(EXPECTED);
    expect(attachedCompute(pulumi(BREAK_GLASS))).toEqual(reported(EXPECTED));
    expect(attachmentsOfAgentRole(pulumi(ORDINARY))).toEqual(EXPECTED);
    expect(attachedCompute(pulumi(ORDINARY))).toEqual([]);
  });

  it('in a Terraform plan: the same, by resource address', () => {
    expect(attachmentsOfAgentRole(terraform(BREAK_GLASS))).toEqual(inTerraform(EXPECTED));
    expect(attachedCompute(terraform(BREAK_GLASS))).toEqual(reported(inTerraform(EXPECTED)));
    expect(attachmentsOfAgentRole(terraform(ORDINARY))).toEqual(inTerraform(EXPECTED));
    expect(attachedCompute(terraform(ORDINARY))).toEqual([]);
  });
});
