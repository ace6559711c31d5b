import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../src/adapters/cloudformation/load.js';
import { samPolicyData } from '../../../src/adapters/cloudformation/sam-policy-templates.js';
import { expandServerless } from '../../../src/adapters/cloudformation/serverless.js';
import { evaluate } from '../../../src/engine/index.js';
import { parseCatalog } from '../../../catalog/index.js';
import type { CfnResource, CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import { unknownValue, type AwsPolicyGrant, type Identity, type PolicyStatement } from '../../../src/model/model.js';

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

  it("still creates a ScheduleV2 event's role when the function names its own: the event's role is the scheduler's", () => {
    const found = identities({
      Resources: {
        Exec: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
        Handler: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Role: { 'Fn::GetAtt': ['Exec', 'Arn'] },
            Events: {
              Nightly: { Type: 'ScheduleV2', Properties: { ScheduleExpression: 'rate(1 day)' } },
              Hourly: { Type: 'ScheduleV2', Properties: { ScheduleExpression: 'rate(1 hour)', RoleArn: 'arn:x' } },
            },
          },
        },
      },
    });
    expect(
      found.map(summary).map(({ id, inline, trust }) => ({ id, inline: inline.map((p) => p.statements), trust })),
    ).toEqual([
      { id: 'App/Exec', inline: [], trust: [] },
      {
        id: 'App/HandlerNightlyRole',
        inline: [[{ effect: 'Allow', action: ['lambda:InvokeFunction'], resource: ['<Arn of Handler>'] }]],
        trust: [{ Service: ['scheduler.amazonaws.com'] }],
      },
    ]);
  });

  describe('a Role that is an Fn::If with AWS::NoValue on a branch: SAM generates <FunctionId>Role on that branch', () => {
    const NO_VALUE = { Ref: 'AWS::NoValue' };
    const GIVEN = 'arn:aws:iam::111122223333:role/given';
    const GENERATED = 'App/HandlerRole';
    /** The roles the function runs as, by id, with the attachment each has. */
    const runAs = (role: unknown, conditions: Record<string, unknown>) =>
      identities({
        Parameters: { RoleArn: { Type: 'String' } },
        Conditions: conditions,
        Resources: {
          Handler: { Type: 'AWS::Serverless::Function', Properties: { Runtime: 'python3.12', Role: role } },
        },
      }).map((identity) => ({
        id: identity.id,
        managed: summary(identity).managed,
        attachments: summary(identity).attachments,
      }));
    const DEPLOY_TIME = { UseGiven: { 'Fn::Not': [{ 'Fn::Equals': ['', { Ref: 'RoleArn' }] }] } };
    const generatedRole = { id: GENERATED, managed: [BASIC], attachments: ['lambda Handler'] };
    // A role named by ARN is an identity outside the change, held to what the change gives it.
    const givenRole = { id: 'App/external-role:given', managed: [], attachments: ['lambda Handler'] };

    it('on the branch the deployment picks, either one: both the given role and the generated one count', () => {
      expect(runAs({ 'Fn::If': ['UseGiven', GIVEN, NO_VALUE] }, DEPLOY_TIME)).toEqual([generatedRole, givenRole]);
      expect(runAs({ 'Fn::If': ['UseGiven', NO_VALUE, GIVEN] }, DEPLOY_TIME)).toEqual([generatedRole, givenRole]);
    });

    it('on the branch the plan decides: only the role that branch gives', () => {
      const always = { UseGiven: { 'Fn::Equals': ['a', 'a'] } };
      const never = { UseGiven: { 'Fn::Equals': ['a', 'b'] } };
      // The first branch leaves Role out: the role is generated under UseGiven.
      expect(runAs({ 'Fn::If': ['UseGiven', NO_VALUE, GIVEN] }, always)).toEqual([generatedRole]);
      expect(runAs({ 'Fn::If': ['UseGiven', NO_VALUE, GIVEN] }, never)).toEqual([givenRole]);
      // The second branch leaves it out: generated under NOTUseGiven, the condition SAM adds.
      expect(runAs({ 'Fn::If': ['UseGiven', GIVEN, NO_VALUE] }, always)).toEqual([givenRole]);
      expect(runAs({ 'Fn::If': ['UseGiven', GIVEN, NO_VALUE] }, never)).toEqual([generatedRole]);
    });

    it('on both branches: always generated; on neither: the role as written, none generated', () => {
      expect(runAs({ 'Fn::If': ['UseGiven', NO_VALUE, NO_VALUE] }, DEPLOY_TIME)).toEqual([generatedRole]);
      const other = 'arn:aws:iam::111122223333:role/other';
      expect(runAs({ 'Fn::If': ['UseGiven', GIVEN, other] }, DEPLOY_TIME)).toEqual([
        givenRole,
        { id: 'App/external-role:other', managed: [], attachments: ['lambda Handler'] },
      ]);
    });
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
        // SAM names it <FunctionId>EventInvokeConfig<When><Type>Policy (IAMRolePolicies.sqs_send_message_role_policy);
        // the name was HandlerRoleEventInvokeConfigOnFailurePolicy before the SAM translator fixtures were compared.
        name: 'HandlerEventInvokeConfigOnFailureSQSPolicy',
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
        'arn:aws:s3:::*',
      ),
      unknownValue(
        'Fn::Sub "arn:${AWS::Partition}:s3:::${bucketName}/*" containing SAM policy template S3ReadPolicy without its parameter BucketName',
        'arn:aws:s3:::*/*',
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

  it("holds SAM's connector profiles as published, each of a type the adapter writes", () => {
    const { connectorProfiles } = samPolicyData();
    expect(connectorProfiles.path).toBe('samtranslator/model/connector_profiles/profiles.json');
    const pairs = Object.entries(connectorProfiles.permissions).flatMap(([source, destinations]) =>
      Object.entries(destinations).map(([destination, profile]) => `${source} ${destination} ${profile.Type}`),
    );
    expect(pairs).toHaveLength(31);
    expect(pairs).toContain('AWS::AppSync::DataSource AWS::DynamoDB::Table AWS_IAM_ROLE_MANAGED_POLICY');
    expect(pairs).toContain('AWS::SNS::Topic AWS::SQS::Queue AWS_SQS_QUEUE_POLICY');
    expect(
      new Set(Object.values(connectorProfiles.permissions).flatMap((d) => Object.values(d).map((p) => p.Type))),
    ).toEqual(
      new Set(['AWS_IAM_ROLE_MANAGED_POLICY', 'AWS_SQS_QUEUE_POLICY', 'AWS_SNS_TOPIC_POLICY', 'AWS_LAMBDA_PERMISSION']),
    );
    expect(connectorProfiles.cfnResourceProperties['AWS::Lambda::Function']).toEqual({
      Inputs: { Role: 'Role' },
      Outputs: { Arn: { 'Fn::GetAtt': ['%{logicalId}', 'Arn'] } },
    });
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

function unseen(template: Partial<CfnTemplate>) {
  const model = modelFromTemplates([
    { stack: 'App', template: { Transform: SAM, Resources: {}, ...template } as CfnTemplate },
  ]);
  return (model.unseen ?? []).map((entry) => [entry.kind, entry.what, entry.resource.name]);
}

function byId(template: Partial<CfnTemplate>): Record<string, ReturnType<typeof summary>> {
  return Object.fromEntries(identities(template).map((identity) => [identity.id, summary(identity)]));
}

const APPSYNC_TRUST = [{ Service: ['appsync.amazonaws.com'] }];

describe("SAM translator fixtures (aws/serverless-application-model's own tests) as the oracle", () => {
  const dir = join(fixtures, 'sam-translator');
  /** The resources that grant or trust: what the comparison covers. */
  const GRANTING = new Set([
    'AWS::IAM::Role',
    'AWS::IAM::ManagedPolicy',
    'AWS::Lambda::Permission',
    'AWS::SQS::QueuePolicy',
    'AWS::SNS::TopicPolicy',
  ]);
  const everything = readdirSync(join(dir, 'input')).map((file) => file.replace(/\.yaml$/, ''));
  // The fixtures of the types this comparison covers; every fixture is also compared through the model, below.
  const all = everything.filter((name) =>
    /^(graphqlapi_|connectors?_|embedded_connectors_|capacity_provider_|function_with_conditional_iam_role_)/.test(
      name,
    ),
  );
  /** A function's Role as an Fn::If with AWS::NoValue: compared apart, below (function roles are not key by key). */
  const conditionalRoles = all.filter((name) => name.startsWith('function_with_conditional_iam_role_'));
  const names = all.filter((name) => !conditionalRoles.includes(name));
  const CREATE_NOTHING = new Set([
    'graphqlapi_no_logging',
    'graphqlapi_logging_defined',
    'capacity_provider_global_with_functions',
  ]);

  it('holds the GraphQLApi, Connector and CapacityProvider cases it was copied for', () => {
    expect(names.filter((name) => name.startsWith('graphqlapi_'))).toHaveLength(5);
    expect(names.filter((name) => /^(embedded_)?connectors?_/.test(name))).toHaveLength(11);
    expect(names.filter((name) => name.startsWith('capacity_provider_'))).toHaveLength(3);
    expect(conditionalRoles).toEqual([
      'function_with_conditional_iam_role_else',
      'function_with_conditional_iam_role_if',
    ]);
  });

  it.each(conditionalRoles)(
    "%s: the function's Role, the generated role's Condition and trust, and the condition SAM adds are SAM's",
    (name) => {
      const [input] = loadTemplates(join(dir, 'input', `${name}.yaml`));
      const ours = expandServerless(input!.template);
      const sam = JSON.parse(readFileSync(join(dir, 'output', `${name}.json`), 'utf8')) as CfnTemplate;
      const shown = (resources: Record<string, CfnResource>, conditions: Record<string, unknown>) => ({
        role: resources.MinimalFunction?.Properties?.Role,
        generated: {
          Type: resources.MinimalFunctionRole?.Type,
          Condition: resources.MinimalFunctionRole?.Condition,
          trust: resources.MinimalFunctionRole?.Properties?.AssumeRolePolicyDocument,
        },
        conditions,
      });
      const declaredConditions = Object.keys(input!.template.Conditions ?? {});
      const samAdded = Object.fromEntries(
        Object.entries(sam.Conditions ?? {}).filter(([id]) => !declaredConditions.includes(id)),
      );
      expect(shown(ours.resources, ours.conditions)).toEqual(shown(sam.Resources, samAdded));
    },
  );

  it.each(names)("%s: the IAM resources of the expansion are SAM's, id by id and key by key", (name) => {
    const [input] = loadTemplates(join(dir, 'input', `${name}.yaml`));
    const declared = input!.template.Resources;
    const ours = expandServerless(input!.template);
    const sam = (JSON.parse(readFileSync(join(dir, 'output', `${name}.json`), 'utf8')) as CfnTemplate).Resources;
    // Function and state machine roles are covered above; what is compared is what the new types write.
    const compared = (resources: Record<string, { Type: string }>, generatedBy: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(resources)
          .filter(([id, resource]) => GRANTING.has(resource.Type) && declared[id] === undefined)
          .filter(([id, resource]) => {
            const from = declared[generatedBy[id] ?? id]?.Type;
            return !(
              resource.Type === 'AWS::IAM::Role' &&
              (from === 'AWS::Serverless::Function' ||
                from === 'AWS::Serverless::StateMachine' ||
                id === 'CodeDeployServiceRole')
            );
          })
          .map(([id, resource]) => [id, normalised(resource)]),
      );
    expect(ours.unmodelled).toEqual({});
    const expected = compared(sam, ours.generatedBy);
    // Three fixtures show that nothing is created: logging off or with its own role, an operator role from Globals.
    expect(Object.keys(expected).length === 0).toBe(CREATE_NOTHING.has(name));
    expect(compared(ours.resources, ours.generatedBy)).toEqual(expected);
  });
});

describe("SAM translator fixtures through the model: what the rules read of ours is what they read of SAM's", () => {
  const dir = join(fixtures, 'sam-translator');
  const names = readdirSync(join(dir, 'input')).map((file) => file.replace(/\.yaml$/, ''));
  const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

  /** A template's model as the rules read it: each identity's grants, trust and boundary; each resource policy. */
  function read(template: CfnTemplate) {
    const model = modelFromTemplates([{ stack: 'App', template }]);
    const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
    // One line per action and resource of a statement (with its principal and condition): a statement split in two,
    // or two policies merged in one, read the same.
    const lines = (statements: PolicyStatement[], prefix = '') =>
      statements.flatMap((statement) =>
        (statement.action ?? [`not ${text(statement.notAction)}`]).flatMap((action) =>
          (statement.resource ?? ['-']).map((resource) =>
            [
              prefix,
              statement.effect,
              text(statement.principal ?? ''),
              text(action),
              text(resource),
              text(statement.condition ?? ''),
            ].join(' '),
          ),
        ),
      );
    const unique = (values: string[]) => [...new Set(values)].sort();
    const identities = Object.fromEntries(
      model.identities.map((identity) => [
        identity.id,
        {
          grants: unique(
            identity.grants.flatMap((grant) => {
              const undecided = grant.undecided ? 'undecided' : '';
              if (grant.kind === 'aws-managed-policy') return [`${undecided} managed ${text(grant.arn)}`];
              if (grant.kind === 'aws-policy') return lines(grant.document.statements, undecided);
              return [];
            }),
          ),
          trust: unique(lines(identity.trustPolicy?.statements ?? [])),
          boundary: identity.permissionsBoundary,
        },
      ]),
    );
    const policies: Record<string, string[]> = {};
    for (const policy of model.resourcePolicies ?? []) {
      const statements = policy.document.statements;
      // The Lambda permissions SAM writes for push event sources, each scoped to its source (SourceArn or
      // SourceAccount), are not expanded yet (README): left out on both sides.
      if (policy.source.type === 'AWS::Lambda::Permission' && statements.every((s) => s.condition !== undefined))
        continue;
      const key = `${policy.source.type} ${policy.source.name}`;
      policies[key] = unique([...(policies[key] ?? []), ...lines(statements), ...policy.attachedTo.map(text)]);
    }
    // What the check cannot see (a SAM type it does not expand): SAM's output, plain CloudFormation, has none.
    const unseen = (model.unseen ?? []).map((entry) => `${entry.kind} ${entry.resource.name}: ${entry.what}`);
    return { identities, policies, unseen };
  }

  it('holds a fixture for each class the comparison found and each tricky area of the expansion', () => {
    expect(names).toHaveLength(53);
  });

  it("judges the public function URL and an Alexa skill permission with and without SkillId as on SAM's output (restrict-trust)", () => {
    const trustFindings = (template: CfnTemplate) =>
      evaluate(modelFromTemplates([{ stack: 'App', template }]), {
        catalog: parseCatalog('apiVersion: entitlement-guard/v1\n', 'catalog.yaml'),
        now: new Date('2026-06-01T00:00:00Z'),
      })
        .findings.filter((finding) => finding.ruleId === 'restrict-trust')
        .map((finding) => `${finding.resource.name} ${finding.detail}`)
        .sort();
    const expected = {
      function_with_function_url_config: [
        'MyFunctionURLInvokeAllowPublicAccess Principal::*',
        'MyFunctionUrlPublicPermissions Principal::*',
      ],
      // Any skill may invoke it: SAM writes no SkillId (EventSourceToken) when the event names none.
      alexa_skill: ['AlexaSkillFuncAlexaSkillEventPermission Service::alexa-appkit.amazon.com'],
      // The skill's id, written as the permission's EventSourceToken (lambda:EventSourceToken): only that skill.
      alexa_skill_with_skill_id: [],
    };
    for (const [name, findings] of Object.entries(expected)) {
      const [input] = loadTemplates(join(dir, 'input', `${name}.yaml`));
      const sam = JSON.parse(readFileSync(join(dir, 'output', `${name}.json`), 'utf8')) as CfnTemplate;
      expect(trustFindings({ ...input!.template, Transform: SAM_TRANSFORM }), name).toEqual(findings);
      expect(trustFindings(sam), name).toEqual(findings);
    }
  });

  it.each(names)(
    "%s: identities, grants, trust, boundaries and resource policies are those of SAM's output",
    (name) => {
      const [input] = loadTemplates(join(dir, 'input', `${name}.yaml`));
      // SAM's translator tests hand it the template without the Transform line; the check needs it to expand.
      const template = { ...input!.template, Transform: input!.template.Transform ?? SAM_TRANSFORM };
      const sam = JSON.parse(readFileSync(join(dir, 'output', `${name}.json`), 'utf8')) as CfnTemplate;
      expect(read(template)).toEqual(read(sam));
    },
  );
});

/**
 * A resource as compared: without `Metadata` and `DependsOn` (they grant nothing), each `Action` list sorted (SAM's
 * fixture for SQS to Lambda lists the actions sorted, its profile does not).
 */
function normalised(resource: unknown): unknown {
  const sortActions = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortActions);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [
        key,
        key === 'Action' && Array.isArray(entry) ? [...(entry as string[])].sort() : sortActions(entry),
      ]),
    );
  };
  const { Metadata: _metadata, DependsOn: _dependsOn, ...rest } = resource as Record<string, unknown>;
  return sortActions(rest);
}

describe('SAM: AWS::Serverless::GraphQLApi', () => {
  const api = (properties: Record<string, unknown>) => ({
    Resources: {
      Table: { Type: 'AWS::DynamoDB::Table' },
      Api: {
        Type: 'AWS::Serverless::GraphQLApi',
        Properties: { SchemaInline: 'type Query { a: String }', ...properties },
      },
    },
  });

  it("creates the CloudWatch role and a role per data source, with the permissions of SAM's connector profiles", () => {
    const roles = byId(
      api({
        Auth: { Type: 'AWS_IAM' },
        DataSources: {
          DynamoDb: {
            Orders: {
              // No TableArn: SAM writes the ARN of TableName in the API's region.
              TableName: { Ref: 'Table' },
              Permissions: ['Read'],
            },
          },
          Lambda: { Compute: { FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:resolver' } },
        },
      }),
    );
    expect(Object.keys(roles).sort()).toEqual([
      'App/ApiCloudWatchRole',
      'App/ApiComputeLambdaDataSourceRole',
      'App/ApiOrdersDynamoDBDataSourceRole',
    ]);
    expect(roles['App/ApiCloudWatchRole']).toMatchObject({
      managed: ['arn:aws:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs'],
      inline: [],
      trust: APPSYNC_TRUST,
      attachments: ['appsync Api'],
    });
    expect(roles['App/ApiOrdersDynamoDBDataSourceRole']).toMatchObject({
      managed: [],
      trust: APPSYNC_TRUST,
      inline: [
        {
          name: 'ApiOrdersDynamoDBDataSourceToTableConnectorPolicy',
          statements: [
            {
              effect: 'Allow',
              action: [
                'dynamodb:GetItem',
                'dynamodb:Query',
                'dynamodb:Scan',
                'dynamodb:BatchGetItem',
                'dynamodb:ConditionCheckItem',
                'dynamodb:PartiQLSelect',
              ],
              resource: [
                'arn:aws:dynamodb:<own-region>:<own-account>:table/<id of Table>',
                'arn:aws:dynamodb:<own-region>:<own-account>:table/<id of Table>/index/*',
              ],
            },
          ],
        },
      ],
    });
    expect(roles['App/ApiComputeLambdaDataSourceRole']!.inline).toEqual([
      {
        name: 'ApiComputeLambdaDataSourceToLambdaConnectorPolicy',
        statements: [
          {
            effect: 'Allow',
            action: ['lambda:InvokeAsync', 'lambda:InvokeFunction'],
            resource: [
              'arn:aws:lambda:us-east-1:111122223333:function:resolver',
              'arn:aws:lambda:us-east-1:111122223333:function:resolver:*',
            ],
          },
        ],
      },
    ]);
  });

  it('creates no role where the API names one (Logging.CloudWatchLogsRoleArn, a ServiceRoleArn) or turns logging off', () => {
    expect(
      byId(
        api({
          Auth: { Type: 'API_KEY' },
          Logging: { CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/logs' },
          DataSources: {
            DynamoDb: { Orders: { TableName: 'orders', ServiceRoleArn: 'arn:aws:iam::111122223333:role/ds' } },
          },
        }),
      ),
    ).toMatchObject({
      // The roles named are outside the change, run by the API and the data source.
      'App/external-role:ds': { inline: [], managed: [], attachments: ['appsync ApiOrdersDynamoDBDataSource'] },
      'App/external-role:logs': { inline: [], managed: [], attachments: ['appsync Api'] },
    });
    expect(byId(api({ Auth: { Type: 'API_KEY' }, Logging: false }))).toEqual({});
    expect(unseen(api({ Auth: { Type: 'API_KEY' }, Logging: false }))).toEqual([]);
  });

  it('reads what SAM refuses or the check cannot read as unmodelled, never as granting nothing', () => {
    const unmodelled = [['unknown-iam-type', 'AWS::Serverless::GraphQLApi', 'Api']];
    // No Auth; an authorizer type without its configuration; a data source kind SAM does not generate.
    expect(unseen(api({}))).toEqual(unmodelled);
    expect(unseen(api({ Auth: { Type: 'AWS_LAMBDA' } }))).toEqual(unmodelled);
    expect(unseen(api({ Auth: { Type: 'AWS_IAM' }, DataSources: { HttpEndpoint: { Web: {} } } }))).toEqual(unmodelled);
    expect(unseen(api({ Auth: { Type: 'AWS_IAM' }, Logging: { 'Fn::If': ['C', true, false] } }))).toEqual(unmodelled);
    expect(byId(api({ Auth: { Type: 'AWS_IAM' }, DataSources: { HttpEndpoint: { Web: {} } } }))).toEqual({});
    // Beside a valid API, only the refused one is unseen; the valid one is expanded.
    const both = api({ Auth: { Type: 'AWS_LAMBDA' } });
    both.Resources = {
      ...both.Resources,
      Valid: {
        Type: 'AWS::Serverless::GraphQLApi',
        Properties: { SchemaInline: 'type Query { a: String }', Auth: { Type: 'AWS_IAM' } },
      },
    } as typeof both.Resources;
    expect(unseen(both)).toEqual(unmodelled);
    expect(Object.keys(byId(both))).toEqual(['App/ValidCloudWatchRole']);
  });
});

describe('SAM: AWS::Serverless::Connector and Connectors attributes', () => {
  const app = (resources: Record<string, unknown>) => ({
    Resources: {
      Table: { Type: 'AWS::DynamoDB::Table' },
      Queue: { Type: 'AWS::SQS::Queue' },
      Stream: { Type: 'AWS::Kinesis::Stream' },
      Fn: { Type: 'AWS::Serverless::Function', Properties: { Runtime: 'python3.12', Handler: 'app.handler' } },
      ...resources,
    } as CfnTemplate['Resources'],
  });
  const WRITE_TABLE = {
    effect: 'Allow',
    action: [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:PartiQLDelete',
      'dynamodb:PartiQLInsert',
      'dynamodb:PartiQLUpdate',
    ],
    resource: ['<Arn of Table>', '<Arn of Table>/index/*'],
  };

  it("attaches the connector's policy to the source's role (function to table, Write)", () => {
    const roles = byId(
      app({
        Link: {
          Type: 'AWS::Serverless::Connector',
          Properties: { Source: { Id: 'Fn' }, Destination: { Id: 'Table' }, Permissions: ['Write'] },
        },
      }),
    );
    expect(roles['App/FnRole']!.inline).toEqual([{ name: 'LinkPolicy', statements: [WRITE_TABLE] }]);
  });

  it('expands a Connectors attribute as the connector <ResourceId><ConnectorId> with the resource as its source', () => {
    const template = app({
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: { Runtime: 'python3.12', Handler: 'app.handler' },
        Connectors: { ToTable: { Properties: { Destination: { Id: 'Table' }, Permissions: ['Write'] } } },
      },
    });
    expect(byId(template)['App/FnRole']!.inline).toEqual([{ name: 'FnToTablePolicy', statements: [WRITE_TABLE] }]);
    expect(unseen(template)).toEqual([]);
  });

  it("attaches a queue-to-function connector's policy to the destination's role (SourcePolicy false)", () => {
    const roles = byId(
      app({
        Link: {
          Type: 'AWS::Serverless::Connector',
          Properties: { Source: { Id: 'Queue' }, Destination: { Id: 'Fn' }, Permissions: ['Read', 'Write'] },
        },
      }),
    );
    expect(roles['App/FnRole']!.inline).toEqual([
      {
        name: 'LinkPolicy',
        statements: [
          { effect: 'Allow', action: ['sqs:DeleteMessage'], resource: ['<Arn of Queue>'] },
          { effect: 'Allow', action: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'], resource: ['<Arn of Queue>'] },
        ],
      },
    ]);
  });

  it('reports every connector SAM refuses or the profiles do not list as unmodelled, the attribute form too', () => {
    const refused = {
      // A pair the profiles do not list; a permission the profile does not offer; a combination it does not accept.
      Unlisted: { Source: { Id: 'Fn' }, Destination: { Id: 'Stream' }, Permissions: ['Write'] },
      NoSuchPermission: { Source: { Id: 'Fn' }, Destination: { Id: 'Table' }, Permissions: ['Delete'] },
      HalfCombination: { Source: { Id: 'Queue' }, Destination: { Id: 'Fn' }, Permissions: ['Read'] },
      // An Id naming nothing; both Id and other properties; Permissions the check cannot read.
      Nowhere: { Source: { Id: 'Fn' }, Destination: { Id: 'Missing' }, Permissions: ['Write'] },
      Both: {
        Source: { Id: 'Fn', Type: 'AWS::Lambda::Function' },
        Destination: { Id: 'Table' },
        Permissions: ['Write'],
      },
      Computed: { Source: { Id: 'Fn' }, Destination: { Id: 'Table' }, Permissions: { Ref: 'Permissions' } },
      // A role SAM cannot name (a literal ARN), an empty destination list.
      LiteralRole: { Source: { Id: 'Named' }, Destination: { Id: 'Table' }, Permissions: ['Write'] },
      Empty: { Source: { Id: 'Fn' }, Destination: [], Permissions: ['Write'] },
    };
    const template = app({
      Named: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::111122223333:role/fixed' } },
      // Beside them, a connector SAM takes is expanded.
      Good: {
        Type: 'AWS::Serverless::Connector',
        Properties: { Source: { Id: 'Fn' }, Destination: { Id: 'Table' }, Permissions: ['Write'] },
      },
      ...Object.fromEntries(
        Object.entries(refused).map(([id, properties]) => [
          id,
          { Type: 'AWS::Serverless::Connector', Properties: properties },
        ]),
      ),
      Rule: { Type: 'AWS::Events::Rule', Properties: {}, Connectors: 'not a map' },
      Topic: {
        Type: 'AWS::SNS::Topic',
        Connectors: {
          NoProperties: {},
          IdInReference: {
            Properties: { SourceReference: { Id: 'Fn' }, Destination: { Id: 'Queue' }, Permissions: ['Write'] },
          },
          ToStream: { Properties: { Destination: { Id: 'Stream' }, Permissions: ['Write'] } },
        },
      },
    });
    // Each says why it was not expanded: the pair of types, the permission, or the value it could not read.
    const why: Record<string, string> = {
      Unlisted: "SAM's connector profiles have no AWS::Lambda::Function to AWS::Kinesis::Stream",
      NoSuchPermission: 'its permission Delete is not one SAM offers (Read, Write)',
      HalfCombination: 'its permissions Read are not a combination SAM accepts (Read+Write)',
      Nowhere: 'its Destination names Missing, not a resource of the template',
      Both: "its Source gives neither 'Id' (with an optional 'Qualifier') nor the properties SAM reads",
      Computed: 'its Permissions {"Ref":"Permissions"} is not a list of names',
      LiteralRole: 'SAM cannot name the IAM role of its Source',
      Empty: "its 'Destination' is an empty list",
      Rule: 'its Connectors attribute "not a map" is not a map of connectors',
      TopicNoProperties: 'it has no Properties',
      TopicIdInReference: 'its SourceReference names an Id ("Fn"), which SAM takes from the resource',
      TopicToStream: "SAM's connector profiles have no AWS::SNS::Topic to AWS::Kinesis::Stream",
    };
    expect(unseen(template).sort()).toEqual(
      Object.entries(why)
        .map(([name, reason]) => ['unknown-iam-type', `AWS::Serverless::Connector (not expanded: ${reason})`, name])
        .sort(),
    );
    expect(byId(template)['App/FnRole']!.inline).toEqual([{ name: 'GoodPolicy', statements: [WRITE_TABLE] }]);
  });
});

describe('SAM: AWS::Serverless::CapacityProvider', () => {
  it('creates <Id>OperatorRole trusting Lambda with AWSLambdaManagedEC2ResourceOperator, none when OperatorRole is given', () => {
    const provider = (properties: Record<string, unknown>) => ({
      Resources: {
        Provider: {
          Type: 'AWS::Serverless::CapacityProvider',
          Properties: { VpcConfig: { SubnetIds: ['subnet-1'] }, ...properties },
        },
      },
    });
    expect(byId(provider({}))).toEqual({
      'App/ProviderOperatorRole': {
        id: 'App/ProviderOperatorRole',
        type: 'AWS::IAM::Role',
        managed: ['arn:aws:iam::aws:policy/AWSLambdaManagedEC2ResourceOperator'],
        inline: [],
        trust: [{ Service: ['lambda.amazonaws.com'] }],
        // Lambda manages the provider's instances as this role (compute-roles.ts).
        attachments: ['lambda-capacity-provider Provider'],
      },
    });
    expect(unseen(provider({}))).toEqual([]);
    // With OperatorRole SAM creates none: the role named is one the change does not create, recorded as such.
    expect(byId(provider({ OperatorRole: 'arn:aws:iam::111122223333:role/operator' }))).toEqual({
      'App/external-role:operator': {
        id: 'App/external-role:operator',
        type: 'AWS::Lambda::CapacityProvider',
        managed: [],
        inline: [],
        trust: undefined,
        attachments: ['lambda-capacity-provider Provider'],
      },
    });
  });
});
