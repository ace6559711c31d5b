/**
 * policy-validity: what IAM refuses in an identity policy (a Principal or NotPrincipal, a statement without Resource or
 * NotResource, a Resource that is neither "*" nor an ARN, a Sid that is not alphanumeric, a Sid written twice) blocks,
 * as the deployment fails. Only literals are judged: what deploy time gives (another resource's ARN or name, the own
 * account, an Unknown, a value a parameter the deployment sets writes) is never called invalid, and resource-based
 * policies (trust, bucket, key and secret policies, and what they grant the change's roles) keep their own grammar.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { unknownValue, type AwsPolicyGrant } from '../../src/model/model.js';
import rule from '../../src/rules/policy-validity.js';
import { catalog, model, ref, role, secret } from '../support/builders.js';
import { findingsOf, ruleTester } from '../support/rule-tester.js';

const statements = (...list: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: list });
const read = (action: string, resource: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});

const LAMBDA_TRUST = statements({
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'sts:AssumeRole',
});
const cfnRole = (policy: Record<string, unknown>) => ({
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: LAMBDA_TRUST, Policies: [{ PolicyName: 'Task', PolicyDocument: policy }] },
});
const template = (parts: Record<string, unknown>) =>
  modelFromTemplates([{ stack: 'TestStack', template: parts as unknown as CfnTemplate }]);

ruleTester(rule, {
  valid: [
    {
      name: 'ARNs, "*", NotResource ARNs, wildcards that may make an ARN, policy variables, unique alphanumeric Sids',
      model: model({
        identities: [
          role('App', {
            policies: [
              statements(
                read('s3:GetObject', ['arn:aws:s3:::reports/*', 'arn:aws:s3:::reports/${aws:username}/*'], {
                  Sid: 'ReadReports',
                }),
                read('sqs:SendMessage', 'arn*', { Sid: 'Send2' }),
                read('logs:PutLogEvents', '*', { Sid: '' }),
                { Effect: 'Deny', Action: 's3:DeleteObject', NotResource: 'arn:aws:s3:::scratch/*', Sid: 'Keep' },
              ),
            ],
          }),
        ],
      }),
    },
    {
      name: 'values only deploy time gives: another resource ARN or name, the own account, an Unknown, a dynamic reference',
      model: model({
        identities: [
          role('Deploy', {
            policies: [
              statements(
                read('s3:GetObject', ['<Arn of Bucket>', '<Arn of Bucket>/*', '<id of Bucket>', '<own-account>-logs'], {
                  Sid: '<own-stack-name>Read',
                }),
                read('kms:Decrypt', [unknownValue('Fn::ImportValue KeyArn'), '{{resolve:ssm:/app/key-arn}}']),
                read('sqs:SendMessage', unknownValue('output of aws:sqs/queue:Queue jobs')),
              ),
            ],
          }),
        ],
      }),
    },
    {
      name: 'resource-based policies keep their grammar: a trust policy, a secret policy, what a bucket policy grants a role',
      model: model({
        identities: [
          role('Reader', {
            trust: LAMBDA_TRUST,
            grants: [
              {
                kind: 'aws-policy',
                source: ref('AWS::S3::BucketPolicy', 'BucketPolicy'),
                fromResourcePolicy: true,
                document: parsePolicyDocument(
                  statements(
                    { Sid: 'Allow reader role', Effect: 'Allow', Action: 's3:GetObject' },
                    { Sid: 'Allow reader role', Effect: 'Allow', Action: 's3:ListBucket' },
                  ),
                ),
              } satisfies AwsPolicyGrant,
            ],
          }),
        ],
        secrets: [
          secret('Db', {
            resourcePolicies: [
              {
                source: ref('AWS::SecretsManager::ResourcePolicy', 'DbPolicy'),
                document: parsePolicyDocument(
                  statements({
                    Sid: 'Deny-outside-org',
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 'secretsmanager:GetSecretValue',
                    Resource: '*',
                  }),
                ),
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'CloudFormation: Fn::GetAtt, Ref, Fn::Sub, Fn::Join and Fn::ImportValue resources, and a Sid and Resource a parameter sets',
      model: template({
        Parameters: {
          KeyArn: { Type: 'String', Default: '', AllowedPattern: '^$|^arn:aws:kms:.*$' },
          StatementId: { Type: 'String', Default: 'decrypt-key' },
        },
        Conditions: { HasKey: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'KeyArn' }, ''] }] } },
        Resources: {
          Bucket: { Type: 'AWS::S3::Bucket' },
          Fn: cfnRole(
            statements(
              read('s3:GetObject', [
                { 'Fn::GetAtt': ['Bucket', 'Arn'] },
                { 'Fn::Sub': '${Bucket.Arn}/*' },
                { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/reports/*']] },
                { Ref: 'Bucket' },
                { 'Fn::ImportValue': 'SharedBucketArn' },
              ]),
              {
                'Fn::If': [
                  'HasKey',
                  read('kms:Decrypt', { Ref: 'KeyArn' }, { Sid: { Ref: 'StatementId' } }),
                  { Ref: 'AWS::NoValue' },
                ],
              },
            ),
          ),
        },
      }),
    },
    {
      name: 'CloudFormation: one Sid on both branches of an Fn::If deploy time decides (never deployed together)',
      model: template({
        Parameters: { Stage: { Type: 'String', Default: 'prod' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
        Resources: {
          Fn: cfnRole(
            statements({
              'Fn::If': [
                'IsProd',
                read('s3:GetObject', 'arn:aws:s3:::prod-reports/*', { Sid: 'Reports' }),
                read('s3:GetObject', 'arn:aws:s3:::dev-reports/*', { Sid: 'Reports' }),
              ],
            }),
          ),
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a Principal and a NotPrincipal in an inline policy: blocking, each on its statement',
      model: model({
        identities: [
          role('Peer', {
            policies: [
              statements(
                read('s3:GetObject', 'arn:aws:s3:::reports/*', {
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                }),
                {
                  Sid: 'DenyOthers',
                  Effect: 'Deny',
                  NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Action: 's3:*',
                  Resource: '*',
                },
              ),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'PeerPolicy',
          identity: 'TestStack/Peer',
          detail: 'NotPrincipal::Statement[1]',
          level: 'mandatory',
          message:
            'Policy PeerPolicy: Statement[1] (Sid "DenyOthers") has a NotPrincipal element, which IAM refuses in an identity policy (one ' +
            'attached to a role, user or group applies to that identity), so the deployment fails (MalformedPolicyDocument: Has prohibited ' +
            'field NotPrincipal). Remove NotPrincipal; to let another principal in, write it in the resource policy or the role trust policy.',
        },
        {
          resource: 'PeerPolicy',
          identity: 'TestStack/Peer',
          detail: 'Principal::Statement[0]',
          level: 'mandatory',
          message:
            'Policy PeerPolicy: Statement[0] has a Principal element, which IAM refuses in an identity policy (one attached to a role, ' +
            'user or group applies to that identity), so the deployment fails (MalformedPolicyDocument: Has prohibited field Principal). ' +
            'Remove Principal; to let another principal in, write it in the resource policy or the role trust policy.',
        },
      ],
    },
    {
      name: 'a statement without Resource or NotResource, and one whose Resource list is empty',
      model: model({
        identities: [
          role('Worker', {
            policies: [statements({ Effect: 'Allow', Action: 'sqs:SendMessage' }, read('sqs:ReceiveMessage', []))],
          }),
        ],
      }),
      findings: [
        {
          resource: 'WorkerPolicy',
          identity: 'TestStack/Worker',
          detail: 'Resource::Statement[0]',
          level: 'mandatory',
          message:
            'Policy WorkerPolicy: Statement[0] has neither Resource nor NotResource, which IAM refuses in an identity policy, so the ' +
            'deployment fails (MalformedPolicyDocument: Policy statement must contain resources). Write the ARNs the actions apply to, ' +
            'or "*" where they take no resource.',
        },
        {
          resource: 'WorkerPolicy',
          identity: 'TestStack/Worker',
          detail: 'Resource::Statement[1]',
          message:
            'Policy WorkerPolicy: Statement[1] has neither Resource nor NotResource, which IAM refuses in an identity policy, so the ' +
            'deployment fails (MalformedPolicyDocument: Policy statement must contain resources). Write the ARNs the actions apply to, ' +
            'or "*" where they take no resource.',
        },
      ],
    },
    {
      name: 'a literal Resource or NotResource that is no ARN (checkov writes Resource: foo), beside deploy-time values that pass',
      model: model({
        identities: [
          role('Api', {
            policies: [
              statements(read('s3:GetObject', ['foo', '<Arn of Bucket>/*', 'reports-bucket/*']), {
                Effect: 'Deny',
                Action: 'sqs:*',
                NotResource: 'myqueue.Arn',
              }),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'ApiPolicy',
          identity: 'TestStack/Api',
          detail: 'NotResource::myqueue.Arn',
          level: 'mandatory',
          message:
            'Policy ApiPolicy: NotResource "myqueue.Arn" in Statement[1] is neither "*" nor an ARN, which IAM refuses, so the deployment ' +
            'fails (MalformedPolicyDocument: Resource myqueue.Arn must be in ARN format or "*"). Write the resource\'s ARN ' +
            '(arn:aws:s3:::my-bucket/*, not my-bucket/*).',
        },
        {
          resource: 'ApiPolicy',
          identity: 'TestStack/Api',
          detail: 'Resource::foo',
          message:
            'Policy ApiPolicy: Resource "foo" in Statement[0] is neither "*" nor an ARN, which IAM refuses, so the deployment fails ' +
            '(MalformedPolicyDocument: Resource foo must be in ARN format or "*"). Write the resource\'s ARN (arn:aws:s3:::my-bucket/*, ' +
            'not my-bucket/*).',
        },
        {
          resource: 'ApiPolicy',
          identity: 'TestStack/Api',
          detail: 'Resource::reports-bucket/*',
          message:
            'Policy ApiPolicy: Resource "reports-bucket/*" in Statement[0] is neither "*" nor an ARN, which IAM refuses, so the deployment ' +
            'fails (MalformedPolicyDocument: Resource reports-bucket/* must be in ARN format or "*"). Write the resource\'s ARN ' +
            '(arn:aws:s3:::my-bucket/*, not my-bucket/*).',
        },
      ],
    },
    {
      name: 'a Sid with other characters than letters and digits, and a Sid written on two statements',
      model: model({
        identities: [
          role('Ops', {
            policies: [
              statements(
                read('s3:GetObject', '*', { Sid: 'Allow S3-read!' }),
                read('s3:ListBucket', '*', { Sid: 'Read' }),
                read('s3:GetBucketLocation', '*', { Sid: 'Read' }),
              ),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'OpsPolicy',
          identity: 'TestStack/Ops',
          detail: 'DuplicateSid::Read',
          level: 'mandatory',
          message:
            'Policy OpsPolicy: Sid "Read" is written on Statement[1], Statement[2]; a Sid must be unique within a policy, so IAM refuses it ' +
            'and the deployment fails (MalformedPolicyDocument: Statement IDs (SID) in a single policy must be unique). Give each statement ' +
            'its own Sid, or leave it out.',
        },
        {
          resource: 'OpsPolicy',
          identity: 'TestStack/Ops',
          detail: 'Sid::Allow S3-read!',
          level: 'mandatory',
          message:
            'Policy OpsPolicy: Sid "Allow S3-read!" of Statement[0] holds characters other than A-Z, a-z and 0-9, which IAM refuses, so ' +
            'the deployment fails (MalformedPolicyDocument: Statement IDs (SID) must be alpha-numeric). Write it with letters and digits ' +
            'only ("AllowS3read").',
        },
      ],
    },
    {
      name: 'a managed policy of the change that no identity holds is judged as an identity policy too',
      model: model({
        unattachedPolicies: [
          {
            kind: 'aws-policy',
            source: ref('AWS::IAM::ManagedPolicy', 'Shared'),
            document: parsePolicyDocument(statements(read('sqs:SendMessage', 'jobs-queue'))),
          } satisfies AwsPolicyGrant,
        ],
      }),
      findings: [
        {
          resource: 'Shared',
          detail: 'Resource::jobs-queue',
          level: 'mandatory',
          message:
            'Policy Shared: Resource "jobs-queue" in Statement[0] is neither "*" nor an ARN, which IAM refuses, so the deployment fails ' +
            '(MalformedPolicyDocument: Resource jobs-queue must be in ARN format or "*"). Write the resource\'s ARN (arn:aws:s3:::my-bucket/*, ' +
            'not my-bucket/*).',
        },
      ],
    },
    {
      name: 'CloudFormation: a literal the template writes is judged where intrinsics beside it are not',
      model: template({
        Resources: {
          Bucket: { Type: 'AWS::S3::Bucket' },
          Fn: cfnRole(statements(read('s3:GetObject', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, 'SomeOptionalParameter']))),
        },
      }),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'Resource::SomeOptionalParameter',
          level: 'mandatory',
          message:
            'Policy Task: Resource "SomeOptionalParameter" in Statement[0] is neither "*" nor an ARN, which IAM refuses, so the deployment ' +
            'fails (MalformedPolicyDocument: Resource SomeOptionalParameter must be in ARN format or "*"). Write the resource\'s ARN ' +
            '(arn:aws:s3:::my-bucket/*, not my-bucket/*).',
        },
      ],
    },
    {
      name: 'CloudFormation: a Sid in every deployment and again in a statement some deployments add',
      model: template({
        Parameters: { Stage: { Type: 'String', Default: 'prod' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
        Resources: {
          Fn: cfnRole(
            statements(read('s3:GetObject', 'arn:aws:s3:::reports/*', { Sid: 'Reports' }), {
              'Fn::If': [
                'IsProd',
                read('s3:ListBucket', 'arn:aws:s3:::reports', { Sid: 'Reports' }),
                { Ref: 'AWS::NoValue' },
              ],
            }),
          ),
        },
      }),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'DuplicateSid::Reports',
          level: 'mandatory',
          message:
            'Policy Task: Sid "Reports" is written on Statement[0], Statement[1]; a Sid must be unique within a policy, so IAM refuses it ' +
            'and the deployment fails (MalformedPolicyDocument: Statement IDs (SID) in a single policy must be unique). Give each statement ' +
            'its own Sid, or leave it out.',
        },
      ],
    },
  ],
});

describe('policy-validity levels', () => {
  it('what IAM stores but ignores (a misspelt action) stays advisory beside what it refuses, which blocks', () => {
    const findings = findingsOf(rule, {
      name: 'both',
      model: model({ identities: [role('Typo', { policies: [statements(read('s3:GetObjekt', 'bucket/*'))] })] }),
    });
    expect(findings.map((finding) => [finding.detail, finding.level])).toEqual([
      ['Action::s3:GetObjekt', 'advisory'],
      ['Resource::bucket/*', 'mandatory'],
    ]);
  });

  it('a catalog that sets policy-validity mandatory makes the misspelt action block too, as before the refusals', () => {
    const findings = findingsOf(rule, {
      name: 'raised',
      catalog: catalog({ rules: { 'policy-validity': 'mandatory' } }),
      model: model({ identities: [role('Typo', { policies: [statements(read('s3:GetObjekt', 'bucket/*'))] })] }),
    });
    expect(findings.map((finding) => [finding.detail, finding.level])).toEqual([
      ['Action::s3:GetObjekt', 'mandatory'],
      ['Resource::bucket/*', 'mandatory'],
    ]);
  });
});
