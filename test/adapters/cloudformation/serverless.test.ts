import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../src/adapters/cloudformation/load.js';
import { samPolicyData } from '../../../src/adapters/cloudformation/sam-policy-templates.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import { unknownValue, type AwsPolicyGrant, type Identity } from '../../../src/model/model.js';

const fixtures = join(import.meta.dirname, '../../fixtures/cloudformation');
const SAM = 'AWS::Serverless-2016-10-31';

function identities(template: Partial<CfnTemplate>): Identity[] {
  return modelFromTemplates([{ stack: 'App', template: { Transform: SAM, Resources: {}, ...template } as CfnTemplate }])
    .identities;
}

function summary(identity: Identity) {
  return {
    id: identity.id,
    type: identity.resource.type,
    managed: identity.grants.filter((grant) => grant.kind === 'aws-managed-policy').map((grant) => grant.arn),
    inline: identity.grants
      .filter((grant): grant is AwsPolicyGrant => grant.kind === 'aws-policy')
      .map((grant) => ({
        name: grant.policyName,
        statements: grant.document.statements.map((s) => ({
          effect: s.effect,
          action: s.action,
          resource: s.resource,
        })),
      })),
    trust: identity.trustPolicy?.statements.map((s) => s.principal),
    attachments: identity.attachments.map((attachment) => `${attachment.kind} ${attachment.source.name}`),
    ...(identity.permissionsBoundary !== undefined ? { boundary: identity.permissionsBoundary } : {}),
  };
}

const BASIC = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

describe('SAM: AWS::Serverless::Function', () => {
  it('creates the implicit role <FunctionId>Role as SAM does: Lambda trust, basic execution, managed names, templates, statements', () => {
    const [role] = identities({
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket' },
        Orders: { Type: 'AWS::Serverless::SimpleTable' },
        Handler: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Runtime: 'python3.12',
            Handler: 'app.handler',
            VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
            Events: { Queue: { Type: 'SQS', Properties: { Queue: 'arn:aws:sqs:us-east-1:111122223333:q' } } },
            Policies: [
              'AmazonDynamoDBReadOnlyAccess',
              'arn:aws:iam::111122223333:policy/shared',
              { S3ReadPolicy: { BucketName: { Ref: 'Bucket' } } },
              { DynamoDBCrudPolicy: { TableName: { Ref: 'Orders' } } },
              {
                Statement: [
                  { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:out' },
                ],
              },
            ],
          },
        },
      },
    });
    const s = summary(role!);
    expect(s).toMatchObject({
      id: 'App/HandlerRole',
      type: 'AWS::IAM::Role',
      managed: [
        BASIC,
        'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
        'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
        'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess',
        'arn:aws:iam::111122223333:policy/shared',
      ],
      trust: [{ Service: ['lambda.amazonaws.com'] }],
      attachments: ['lambda Handler'],
    });
    expect(s.inline.map((policy) => policy.name)).toEqual([
      'HandlerRolePolicy2',
      'HandlerRolePolicy3',
      'HandlerRolePolicy4',
    ]);
    // S3ReadPolicy expanded from SAM's published definition, its BucketName filled in.
    expect(s.inline[0]!.statements).toEqual([
      {
        effect: 'Allow',
        action: [
          's3:GetObject',
          's3:ListBucket',
          's3:GetBucketLocation',
          's3:GetObjectVersion',
          's3:GetLifecycleConfiguration',
        ],
        resource: ['arn:aws:s3:::<id of Bucket>', 'arn:aws:s3:::<id of Bucket>/*'],
      },
    ]);
    expect(s.inline[1]!.statements[0]!.action).toContain('dynamodb:DeleteItem');
    expect(s.inline[1]!.statements[0]!.resource).toEqual([
      'arn:aws:dynamodb:<own-region>:<own-account>:table/<id of Orders>',
      'arn:aws:dynamodb:<own-region>:<own-account>:table/<id of Orders>/index/*',
    ]);
    expect(s.inline[2]!.statements[0]!.action).toEqual(['sqs:SendMessage']);
  });

  it('applies Globals.Function (tracing, boundary, trust) and a function-level value over the global one', () => {
    const [first, second] = identities({
      Globals: {
        Function: { Tracing: 'Active', PermissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary', Timeout: 10 },
      },
      Resources: {
        First: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'a', Runtime: 'nodejs22.x' } },
        Second: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Handler: 'b',
            Runtime: 'nodejs22.x',
            Tracing: 'Disabled',
            AssumeRolePolicyDocument: {
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'edgelambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
          },
        },
      },
    });
    expect(summary(first!)).toMatchObject({
      managed: [BASIC, 'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess'],
      boundary: 'arn:aws:iam::111122223333:policy/boundary',
    });
    expect(summary(second!)).toMatchObject({
      managed: [BASIC],
      boundary: 'arn:aws:iam::111122223333:policy/boundary',
      trust: [{ Service: ['edgelambda.amazonaws.com'] }],
    });
  });

  it('creates no role when the function names one, and attaches the function to it', () => {
    const found = identities({
      Resources: {
        Exec: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
        Handler: {
          Type: 'AWS::Serverless::Function',
          Properties: { Role: { 'Fn::GetAtt': ['Exec', 'Arn'] }, Policies: ['AdministratorAccess'] },
        },
      },
    });
    expect(found.map(summary)).toMatchObject([{ id: 'App/Exec', managed: [], attachments: ['lambda Handler'] }]);
  });

  it('reads a dead-letter queue and event-invoke destinations as the permissions SAM adds', () => {
    const [role] = identities({
      Resources: {
        Handler: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            DeadLetterQueue: { Type: 'SNS', TargetArn: 'arn:aws:sns:us-east-1:111122223333:dlq' },
            EventInvokeConfig: {
              DestinationConfig: {
                OnFailure: { Type: 'SQS', Destination: 'arn:aws:sqs:us-east-1:111122223333:failed' },
              },
            },
          },
        },
      },
    });
    expect(summary(role!).inline).toEqual([
      {
        name: 'HandlerRoleDeadLetterQueuePolicy',
        statements: [
          { effect: 'Allow', action: ['sns:Publish'], resource: ['arn:aws:sns:us-east-1:111122223333:dlq'] },
        ],
      },
      {
        name: 'HandlerRoleEventInvokeConfigOnFailurePolicy',
        statements: [
          { effect: 'Allow', action: ['sqs:SendMessage'], resource: ['arn:aws:sqs:us-east-1:111122223333:failed'] },
        ],
      },
    ]);
  });

  it('creates the roles of gradual deployment (CodeDeployServiceRole, once) and of a ScheduleV2 event', () => {
    const found = identities({
      Globals: { Function: { DeploymentPreference: { Type: 'Canary10Percent5Minutes' } } },
      Resources: {
        A: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Events: { Nightly: { Type: 'ScheduleV2', Properties: { ScheduleExpression: 'rate(1 day)' } } },
          },
        },
        B: { Type: 'AWS::Serverless::Function', Properties: {} },
      },
    });
    expect(
      found
        .map(summary)
        .map(({ id, managed, inline, trust }) => ({ id, managed, inline: inline.map((p) => p.statements), trust })),
    ).toEqual([
      { id: 'App/ARole', managed: [BASIC], inline: [], trust: [{ Service: ['lambda.amazonaws.com'] }] },
      {
        id: 'App/ANightlyRole',
        managed: [],
        inline: [[{ effect: 'Allow', action: ['lambda:InvokeFunction'], resource: ['<Arn of A>'] }]],
        trust: [{ Service: ['scheduler.amazonaws.com'] }],
      },
      {
        id: 'App/CodeDeployServiceRole',
        managed: ['arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda'],
        inline: [],
        trust: [{ Service: ['codedeploy.amazonaws.com'] }],
      },
      { id: 'App/BRole', managed: [BASIC], inline: [], trust: [{ Service: ['lambda.amazonaws.com'] }] },
    ]);
  });

  it('never drops a Policies entry it cannot read: an unknown template or a missing parameter is unreadable', () => {
    const [role] = identities({
      Resources: {
        Handler: {
          Type: 'AWS::Serverless::Function',
          Properties: { Policies: [{ NoSuchPolicy: {} }, { S3ReadPolicy: {} }] },
        },
      },
    });
    const grants = role!.grants.filter((grant): grant is AwsPolicyGrant => grant.kind === 'aws-policy');
    expect(grants[0]!.document.unreadable).toEqual(
      unknownValue(
        'SAM Policies entry {"NoSuchPolicy":{}}: not a managed policy, statement list or known policy template',
      ),
    );
    expect(grants[1]!.document.statements[0]!.resource).toEqual([
      unknownValue(
        'Fn::Sub "arn:${AWS::Partition}:s3:::${bucketName}" containing SAM policy template S3ReadPolicy without its parameter BucketName',
      ),
      unknownValue(
        'Fn::Sub "arn:${AWS::Partition}:s3:::${bucketName}/*" containing SAM policy template S3ReadPolicy without its parameter BucketName',
      ),
    ]);
  });
});

describe('SAM: state machines and APIs', () => {
  it('creates <StateMachineId>Role trusting Step Functions with its policies, run by the state machine, and a role per event source that starts it', () => {
    const found = identities({
      Resources: {
        Flow: {
          Type: 'AWS::Serverless::StateMachine',
          Properties: {
            Policies: [{ LambdaInvokePolicy: { FunctionName: 'worker' } }],
            Events: { Nightly: { Type: 'Schedule', Properties: { Schedule: 'rate(1 day)' } } },
          },
        },
        Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod' } },
      },
    });
    expect(found.map(summary)).toEqual([
      {
        id: 'App/FlowRole',
        type: 'AWS::IAM::Role',
        managed: [],
        inline: [
          {
            name: 'FlowRolePolicy0',
            statements: [
              {
                effect: 'Allow',
                action: ['lambda:InvokeFunction'],
                resource: ['arn:aws:lambda:<own-region>:<own-account>:function:worker*'],
              },
            ],
          },
        ],
        trust: [{ Service: ['states.amazonaws.com'] }],
        attachments: ['state-machine Flow'],
      },
      {
        id: 'App/FlowNightlyRole',
        type: 'AWS::IAM::Role',
        managed: [],
        inline: [
          {
            name: 'FlowNightlyRoleStartExecutionPolicy',
            statements: [{ effect: 'Allow', action: ['states:StartExecution'], resource: ['<id of Flow>'] }],
          },
        ],
        trust: [{ Service: ['events.amazonaws.com'] }],
        attachments: [],
      },
    ]);
  });
});

describe('SAM policy templates data', () => {
  it("comes from SAM's published definitions, with source and date", () => {
    const { source, templates, managedPolicyPaths } = samPolicyData();
    expect(source).toMatchObject({
      repository: 'aws/serverless-application-model',
      path: 'samtranslator/policy_templates_data/policy_templates.json',
      license: 'Apache-2.0',
    });
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(source.extracted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(templates).length).toBeGreaterThan(70);
    expect(templates.DynamoDBCrudPolicy!.parameters).toEqual(['TableName']);
    expect(managedPolicyPaths.AWSLambdaBasicExecutionRole).toBe('service-role/');
  });

  it('reads a name in Policies as its own, never as a property every object inherits', () => {
    const [role] = identities({
      Resources: {
        Handler: {
          Type: 'AWS::Serverless::Function',
          Properties: { Runtime: 'python3.12', Handler: 'app.handler', Policies: ['toString', { constructor: {} }] },
        },
      },
    });
    expect(summary(role!).managed).toEqual([BASIC, 'arn:aws:iam::aws:policy/toString']);
  });
});

describe('SAM through the loader', () => {
  it('reads a SAM template instead of refusing it, locating the implicit role at its function', () => {
    const model = modelFromTemplates(loadTemplates(join(fixtures, 'sam-transform.template.yaml')));
    expect(model.identities.map((identity) => [identity.id, identity.resource.line, identity.resource.column])).toEqual(
      [['sam-transform/HandlerRole', 5, 3]],
    );
  });
});

describe('SAM: embedded Connectors attributes', () => {
  it('reports each entry of a Connectors attribute as an unmodelled connector <ResourceId><ConnectorId>, on SAM and plain resources alike', () => {
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Transform: SAM,
          Resources: {
            Table: { Type: 'AWS::DynamoDB::Table' },
            Fn: {
              Type: 'AWS::Serverless::Function',
              Properties: { Runtime: 'python3.12', Handler: 'app.handler' },
              Connectors: { ToTable: { Properties: { Destination: { Id: 'Table' }, Permissions: ['Write'] } } },
            },
            Rule: {
              Type: 'AWS::Events::Rule',
              Properties: {},
              Connectors: 'not a map',
            },
          },
        } as unknown as CfnTemplate,
      },
    ]);
    expect(model.unseen?.map((entry) => [entry.kind, entry.what, entry.resource.name])).toEqual([
      ['unknown-iam-type', 'AWS::Serverless::Connector', 'FnToTable'],
      ['unknown-iam-type', 'AWS::Serverless::Connector', 'Rule'],
    ]);
  });
});
