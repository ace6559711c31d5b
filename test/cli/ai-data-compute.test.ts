/**
 * AI/ML and data services through the CLI, as users run it on a template: a break-glass role given to a Bedrock flow,
 * an AgentCore harness, a Glue crawler and a SageMaker MLflow tracking server is reported on each (they were attached
 * to nothing), and a SageMaker execution role with AmazonSageMakerFullAccess, as aws-samples' Studio domain templates
 * write it (amazon-sagemaker-from-idea-to-production 6f9c093 cfn-templates/sagemaker-domain.yaml, read in session 47,
 * not kept here), opens the training, processing and every-notebook paths of pathfinding.cloud beside the notebook one.
 * Before, the compute passed and the role had two paths (the notebook's and Glue's).
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  BreakGlassRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: break-glass-admin
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Federated: arn:aws:iam::111122223333:saml-provider/Okta }
            Action: sts:AssumeRoleWithSAML
            Condition: { Bool: { aws:MultiFactorAuthPresent: 'true' } }
      Tags:
        - { Key: owner, Value: team-ml }
        - { Key: identity-class, Value: break-glass }
  TriageFlow:
    Type: AWS::Bedrock::Flow
    Properties:
      Name: triage
      ExecutionRoleArn: !GetAtt BreakGlassRole.Arn
  Helpdesk:
    Type: AWS::BedrockAgentCore::Harness
    Properties:
      HarnessName: helpdesk
      ExecutionRoleArn: !GetAtt BreakGlassRole.Arn
  RawCrawler:
    Type: AWS::Glue::Crawler
    Properties:
      Role: !GetAtt BreakGlassRole.Arn
      DatabaseName: lake
      Targets: { S3Targets: [{ Path: s3://lake/raw/ }] }
  Tracking:
    Type: AWS::SageMaker::MlflowTrackingServer
    Properties:
      TrackingServerName: runs
      ArtifactStoreUri: s3://lake/mlflow
      RoleArn: !GetAtt SageMakerExecutionRole.Arn
  SageMakerExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: studio-execution
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: sagemaker.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonSageMakerFullAccess
      Tags:
        - { Key: owner, Value: team-ml }
`;

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-ml, contact: ml@example.com }]
`;

describe('AI/ML and data services through the CLI', () => {
  it('reports the break-glass role on each service that runs as it, and the execution role’s SageMaker and Glue paths', () => {
    const { exitCode, findings } = checkManifest(TEMPLATE, CATALOG);
    expect(exitCode).toBe(1);
    expect(
      findings
        .filter((f) => f.ruleId === 'break-glass-isolation' || f.ruleId === 'no-privilege-escalation')
        .map((f) => `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.detail ?? ''}`)
        .sort(),
    ).toEqual([
      'break-glass-isolation mandatory AWS::Bedrock::Flow TriageFlow Attachment::bedrock-flow',
      'break-glass-isolation mandatory AWS::BedrockAgentCore::Harness Helpdesk Attachment::bedrock-agentcore-harness',
      'break-glass-isolation mandatory AWS::Glue::Crawler RawCrawler Attachment::glue',
      'no-privilege-escalation mandatory AWS::IAM::Role SageMakerExecutionRole Path::passrole-glue-job',
      'no-privilege-escalation mandatory AWS::IAM::Role SageMakerExecutionRole Path::passrole-glue-update-job',
      'no-privilege-escalation mandatory AWS::IAM::Role SageMakerExecutionRole Path::passrole-sagemaker-notebook',
      'no-privilege-escalation mandatory AWS::IAM::Role SageMakerExecutionRole Path::passrole-sagemaker-processing-job',
      'no-privilege-escalation mandatory AWS::IAM::Role SageMakerExecutionRole Path::passrole-sagemaker-training-job',
      'no-privilege-escalation mandatory AWS::IAM::Role SageMakerExecutionRole Path::sagemaker-any-notebook-lifecycle-config',
      'no-privilege-escalation mandatory AWS::IAM::Role SageMakerExecutionRole Path::sagemaker-any-notebook-url',
    ]);
    const harness = findings.find((f) => f.resource.name === 'Helpdesk');
    expect(harness?.message).toBe(
      'Break-glass identity break-glass-admin is attached to compute (bedrock-agentcore-harness Helpdesk), so everything ' +
        'running there acts with its standing privilege. Detach it and give the compute its own workload role.',
    );
  });
});
