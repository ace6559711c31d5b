/**
 * AWS SDK calls of a CDK AwsCustomResource that amount to a resource policy, a group membership, a managed policy
 * attached or a trust replaced: built with the real aws-cdk-lib, judged through the aspect and through the CLI on the
 * synthesized template, each is judged as what it makes, where the custom resource is declared (a trust replaced, at
 * the role whose trust it is). Before, each was one no-unseen-content finding (its IAM action) and no rule saw a
 * public bucket policy or AdministratorAccess attached. Calls that set more than the resource shows, or name what the
 * check cannot find, stay unseen.
 */
import { Aspects, CfnParameter, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { checkTemplate, exampleCatalog, guardAnnotations, NOW, testApp } from './support.js';

const catalog = { ...exampleCatalog(), exceptions: [] };

/** A policy document's JSON text: what the calls take. */
function policy(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/** The custom resource `Call` making one SDK call when the stack is created or updated. */
function call(stack: Stack, service: string, action: string, parameters: Record<string, unknown>, id = 'Call'): void {
  new cr.AwsCustomResource(stack, id, {
    onUpdate: { service, action, parameters, physicalResourceId: cr.PhysicalResourceId.of('call') },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
  });
}

function handler(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
  });
}

interface Case {
  name: string;
  build: (stack: Stack) => void;
  /** The aspect's annotations at the custom resource (or the role whose trust a call replaces): `ruleId level`. */
  aspect: string[];
  /** The CLI's findings on the custom resource (or that role): `ruleId level type identity detail`. */
  cli: string[];
  /** The logical id prefix of the resource the findings are on: the custom resource `Call` unless said. */
  on?: string;
}

const cases: Case[] = [
  {
    name: 'S3 PutBucketPolicy, read as the AWS::S3::BucketPolicy: a policy letting anyone read',
    build: (stack) => {
      const bucket = new s3.Bucket(stack, 'Reports');
      call(stack, 'S3', 'putBucketPolicy', {
        Bucket: bucket.bucketName,
        Policy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket.bucketArn}/*` }),
      });
    },
    aspect: ['restrict-trust error'],
    cli: ['restrict-trust mandatory AWS::S3::BucketPolicy - Principal::*'],
  },
  {
    name: 'SQS SetQueueAttributes of Policy alone, read as the AWS::SQS::QueuePolicy',
    build: (stack) => {
      const queue = new sqs.Queue(stack, 'Jobs');
      call(stack, 'SQS', 'setQueueAttributes', {
        QueueUrl: queue.queueUrl,
        Attributes: {
          Policy: policy({
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sqs:SendMessage',
            Resource: queue.queueArn,
          }),
        },
      });
    },
    aspect: ['restrict-trust error'],
    cli: ['restrict-trust mandatory AWS::SQS::QueuePolicy - Principal::*'],
  },
  {
    name: 'SNS SetTopicAttributes of the Policy attribute, read as the AWS::SNS::TopicPolicy',
    build: (stack) => {
      const topic = new sns.Topic(stack, 'Alerts');
      call(stack, 'SNS', 'setTopicAttributes', {
        TopicArn: topic.topicArn,
        AttributeName: 'Policy',
        AttributeValue: policy({ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: topic.topicArn }),
      });
    },
    aspect: ['restrict-trust error'],
    cli: ['restrict-trust mandatory AWS::SNS::TopicPolicy - Principal::*'],
  },
  {
    name: 'Secrets Manager PutResourcePolicy, read as the AWS::SecretsManager::ResourcePolicy',
    build: (stack) => {
      const secret = new secretsmanager.Secret(stack, 'Token');
      call(stack, 'SecretsManager', 'putResourcePolicy', {
        SecretId: secret.secretArn,
        ResourcePolicy: policy({
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
        }),
      });
    },
    aspect: ['restrict-trust error'],
    cli: ['restrict-trust mandatory AWS::SecretsManager::ResourcePolicy - Principal::*'],
  },
  {
    name: 'Lambda AddPermission, read as the AWS::Lambda::Permission',
    build: (stack) => {
      const fn = handler(stack);
      call(stack, 'Lambda', 'addPermission', {
        FunctionName: fn.functionName,
        StatementId: 'anyone',
        Action: 'lambda:InvokeFunction',
        Principal: '*',
      });
    },
    aspect: ['restrict-trust error'],
    cli: ['restrict-trust mandatory AWS::Lambda::Permission - Principal::*'],
  },
  {
    name: 'KMS PutKeyPolicy on a key of the template, read as that key policy',
    build: (stack) => {
      const key = new kms.Key(stack, 'Data');
      call(stack, 'KMS', 'putKeyPolicy', {
        KeyId: key.keyId,
        PolicyName: 'default',
        Policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }),
      });
    },
    aspect: ['restrict-trust error'],
    cli: ['restrict-trust mandatory Custom::AWS - Principal::*'],
  },
  {
    name: 'IAM AddUserToGroup, read as the AWS::IAM::UserToGroupAddition: the user gets the group’s AdministratorAccess',
    build: (stack) => {
      const group = new iam.Group(stack, 'Operators', {
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
      });
      const user = new iam.User(stack, 'Batch', { userName: 'batch-sync' });
      call(stack, 'IAM', 'addUserToGroup', { GroupName: group.groupName, UserName: user.userName });
    },
    // The membership holds no policy: the user's AdministratorAccess is the group's, found at the group.
    on: 'Operators',
    aspect: [
      'no-privilege-escalation error',
      'no-wildcard-privilege error',
      'no-wildcard-privilege error',
      'require-owner error',
    ],
    cli: [
      'no-privilege-escalation mandatory AWS::IAM::Group S/Operators93109ECD Path::*',
      'no-wildcard-privilege mandatory AWS::IAM::Group S/Batch14E90808 Policy::AdministratorAccess',
      'no-wildcard-privilege mandatory AWS::IAM::Group S/Operators93109ECD Policy::AdministratorAccess',
      'require-owner mandatory AWS::IAM::Group S/Operators93109ECD Owner::missing',
    ],
  },
  {
    name: 'IAM AttachRolePolicy of AdministratorAccess to a role the change does not create, judged at the call',
    build: (stack) => {
      call(stack, 'IAM', 'attachRolePolicy', {
        RoleName: 'legacy-batch',
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      });
    },
    aspect: ['no-privilege-escalation error', 'no-wildcard-privilege error'],
    cli: [
      'no-privilege-escalation mandatory Custom::AWS S/external-role:legacy-batch Path::*',
      'no-wildcard-privilege mandatory Custom::AWS S/external-role:legacy-batch Policy::AdministratorAccess',
    ],
  },
  {
    name: 'IAM AttachUserPolicy of a managed policy of the template, its document judged on the user',
    build: (stack) => {
      const user = new iam.User(stack, 'Batch', { userName: 'batch-sync' });
      const everything = new iam.ManagedPolicy(stack, 'Everything', {
        statements: [new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] })],
      });
      call(stack, '@aws-sdk/client-iam', 'AttachUserPolicyCommand', {
        UserName: user.userName,
        PolicyArn: everything.managedPolicyArn,
      });
    },
    // The user holds the template's managed policy, whose statements are found where the policy is declared.
    on: 'Everything',
    aspect: ['no-wildcard-privilege error'],
    cli: ['no-wildcard-privilege mandatory AWS::IAM::ManagedPolicy S/Batch14E90808 Action::iam:*'],
  },
  {
    name: 'IAM AttachGroupPolicy of AdministratorAccess to a group of the template',
    build: (stack) => {
      const group = new iam.Group(stack, 'Operators');
      call(stack, 'IAM', 'attachGroupPolicy', {
        GroupName: group.groupName,
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      });
    },
    aspect: ['no-wildcard-privilege error'],
    cli: ['no-wildcard-privilege mandatory Custom::AWS S/Operators93109ECD Policy::AdministratorAccess'],
  },
  {
    name: 'IAM UpdateAssumeRolePolicy of a role of the template, judged as that role’s trust',
    build: (stack) => {
      const role = new iam.Role(stack, 'Worker', {
        roleName: 'payments-api-worker',
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      });
      call(stack, 'IAM', 'updateAssumeRolePolicy', {
        RoleName: role.roleName,
        PolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
      });
    },
    on: 'Worker',
    aspect: ['restrict-trust error'],
    cli: [
      'require-entitlement mandatory AWS::IAM::Role S/Worker11F36D0F Catalog::default',
      'require-owner mandatory AWS::IAM::Role S/Worker11F36D0F Owner::missing',
      'restrict-trust mandatory AWS::IAM::Role S/Worker11F36D0F Principal::*',
    ],
  },
];

describe('AWS SDK calls read as what they make', () => {
  it.each(cases)('$name', ({ build, aspect, cli, on = 'Call' }) => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    build(stack);
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    const annotated = guardAnnotations(app, stack)
      .filter(({ at }) => at === `/S/${on}`)
      .map(({ ruleId, level }) => `${ruleId} ${level}`);
    const template = app.synth().getStackArtifact(stack.artifactId).template as unknown;
    const findings = checkTemplate(stack.stackName, template).result?.findings ?? [];
    const found = findings
      .filter(({ resource }) => new RegExp(`^${on}[0-9A-F]{8}$`).test(resource.name))
      .map(({ ruleId, level, resource, identity, detail }) =>
        [ruleId, level, resource.type, identity ?? '-', detail].join(' '),
      );
    expect(annotated).toEqual(aspect);
    expect(found).toEqual(cli);
  });

  it('keeps unseen what it cannot read, beside the same calls read', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    // A role a parameter names is known only at deployment: no identity to hold AdministratorAccess.
    const target = new CfnParameter(stack, 'TargetRole', { type: 'String' });
    call(stack, 'IAM', 'attachRolePolicy', { RoleName: target.valueAsString, PolicyArn: admin }, 'AdminToParameter');
    call(stack, 'IAM', 'attachRolePolicy', { RoleName: 'legacy-batch', PolicyArn: admin }, 'AdminToNamed');
    // A key the template does not make: its other policy statements are unknown, and nothing holds this one.
    const everyone = policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' });
    call(
      stack,
      'KMS',
      'putKeyPolicy',
      { KeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', Policy: everyone },
      'PolicyOfOtherKey',
    );
    call(stack, 'KMS', 'putKeyPolicy', { KeyId: new kms.Key(stack, 'Data').keyId, Policy: everyone }, 'PolicyOfKey');
    // A queue attribute beside the policy is no property of AWS::SQS::QueuePolicy.
    const queue = new sqs.Queue(stack, 'Jobs');
    const send = policy({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: queue.queueArn });
    call(
      stack,
      'SQS',
      'setQueueAttributes',
      { QueueUrl: queue.queueUrl, Attributes: { Policy: send, KmsMasterKeyId: 'alias/aws/sqs' } },
      'QueueKeyAndPolicy',
    );
    call(stack, 'SQS', 'setQueueAttributes', { QueueUrl: queue.queueUrl, Attributes: { Policy: send } }, 'QueuePolicy');
    const template = app.synth().getStackArtifact(stack.artifactId).template as unknown;
    const findings = checkTemplate(stack.stackName, template).result?.findings ?? [];
    expect(
      findings
        .filter(({ resource }) =>
          /^(AdminTo(Parameter|Named)|PolicyOf(Other)?Key|Queue(KeyAnd)?Policy)[0-9A-F]{8}$/.test(resource.name),
        )
        .map(({ ruleId, resource, detail }) => `${ruleId} ${resource.name.slice(0, -8)} ${resource.type} ${detail}`)
        .sort(),
    ).toEqual([
      'no-privilege-escalation AdminToNamed Custom::AWS Path::*',
      'no-unseen-content AdminToParameter Custom::AWS Unseen::iam:AttachRolePolicy',
      'no-unseen-content PolicyOfOtherKey Custom::AWS Unseen::kms:PutKeyPolicy',
      'no-unseen-content QueueKeyAndPolicy Custom::AWS Unseen::sqs:SetQueueAttributes',
      'no-wildcard-privilege AdminToNamed Custom::AWS Policy::AdministratorAccess',
      'restrict-trust PolicyOfKey Custom::AWS Principal::*',
      'restrict-trust QueuePolicy AWS::SQS::QueuePolicy Principal::*',
    ]);
  });
});
