/**
 * A CloudFormation custom resource runs its provider's code while the stack deploys, with the provider's role: built
 * with the real aws-cdk-lib (a custom_resources.Provider whose onEvent function the framework's function invokes) and
 * judged through the aspect and through the CLI on the synthesized template. An onEvent function whose role may call
 * iam:CreateAccessKey makes what no resource of the template shows: a no-unseen-content finding at the custom
 * resource. The same provider allowed s3:GetObject, and the CDK's own handlers (bucket notifications, log retention,
 * auto-delete-objects, the OIDC provider), give none; a custom resource that takes the auto-delete-objects type while
 * its role may rewrite any bucket's policy is no CDK handler and is reported. Before, every one of them passed unread.
 */
import { Aspects, CustomResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as cr from 'aws-cdk-lib/custom-resources';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { checkTemplate, exampleCatalog, guardAnnotations, NOW, testApp } from './support.js';

const catalog = { ...exampleCatalog(), exceptions: [] };

function inlineFunction(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
}

/**
 * A stack with two Provider framework custom resources: Keys, whose onEvent function's role may call
 * iam:CreateAccessKey, and Reads, whose onEvent function's role may only read objects.
 */
function providerStack(): { app: ReturnType<typeof testApp>; stack: Stack } {
  const app = testApp();
  const stack = new Stack(app, 'Cr');
  for (const [id, action] of [
    ['Keys', 'iam:CreateAccessKey'],
    ['Reads', 's3:GetObject'],
  ] as const) {
    const onEvent = inlineFunction(stack, `${id}OnEvent`);
    onEvent.addToRolePolicy(new iam.PolicyStatement({ actions: [action], resources: ['*'] }));
    const provider = new cr.Provider(stack, `${id}Provider`, { onEventHandler: onEvent });
    new CustomResource(stack, id, { serviceToken: provider.serviceToken, properties: { UserName: 'batch-sync' } });
  }
  return { app, stack };
}

/** The CLI's no-unseen-content findings on the stack's synthesized template, without a catalog. */
function unseenOfSynthesized(app: ReturnType<typeof testApp>, stack: Stack): string[] {
  const result = checkTemplate(stack.stackName, app.synth().getStackArtifact(stack.artifactId).template);
  return (result.result?.findings ?? [])
    .filter(({ ruleId }) => ruleId === 'no-unseen-content')
    .map(({ level, resource, detail, pending, message }) =>
      [level, resource.type, resource.name, detail, pending ?? false, message].join(' | '),
    );
}

describe('custom resources of a CDK Provider framework', () => {
  it('the one whose onEvent function may call iam:CreateAccessKey is annotated by the aspect, the one that reads is not', () => {
    const { app, stack } = providerStack();
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    expect(guardAnnotations(app, stack).filter(({ ruleId }) => ruleId === 'no-unseen-content')).toEqual([
      { level: 'error', at: '/Cr/Keys', ruleId: 'no-unseen-content', resource: 'Cr/Keys/Default' },
    ]);
  });

  it('the one whose onEvent function may call iam:CreateAccessKey is a finding of the CLI naming the function, its role and the action; the one that reads is none', () => {
    const { app, stack } = providerStack();
    expect(unseenOfSynthesized(app, stack)).toEqual([
      'mandatory | AWS::CloudFormation::CustomResource | Keys | Unseen::KeysOnEvent232E954E | true | Cr/Keys is a custom ' +
        'resource whose code runs while CloudFormation deploys it: Lambda function KeysOnEvent232E954E runs for it as ' +
        'KeysOnEventServiceRoleCE31113F, and KeysOnEventServiceRoleCE31113F may call iam:CreateAccessKey. What that code makes (an identity, a credential, ' +
        'a secret, a policy) is no resource of the template and cannot be seen here, so it cannot be verified. Define what ' +
        'it makes with the resources the check reads, narrow the role to the actions the code needs, or have the code ' +
        'reviewed and set this rule to advisory in the catalog.',
    ]);
  });
});

describe("the CDK's own custom resources", () => {
  /** Bucket notifications, auto-delete-objects, log retention and an OIDC provider: every handler the CDK writes for them. */
  function builtInsStack(): { app: ReturnType<typeof testApp>; stack: Stack } {
    const app = testApp();
    const stack = new Stack(app, 'Builtin');
    const bucket = new s3.Bucket(stack, 'Data', { autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });
    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SnsDestination(new sns.Topic(stack, 'Created')));
    const logged = inlineFunction(stack, 'Logged');
    new logs.LogRetention(stack, 'LoggedRetention', {
      logGroupName: `/aws/lambda/${logged.functionName}`,
      retention: logs.RetentionDays.ONE_WEEK,
    });
    new iam.OpenIdConnectProvider(stack, 'GitHub', {
      url: 'https://token.actions.githubusercontent.com',
      clientIds: ['sts.amazonaws.com'],
    });
    // No CDK handler: its own function under the auto-delete-objects type, allowed to rewrite any bucket's policy.
    const emptier = inlineFunction(stack, 'Emptier');
    emptier.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutBucketPolicy'], resources: ['*'] }));
    new CustomResource(stack, 'Empty', {
      serviceToken: emptier.functionArn,
      resourceType: 'Custom::S3AutoDeleteObjects',
      properties: { BucketName: 'shared-data' },
    });
    return { app, stack };
  }

  it('give none: their handlers change no access, or only as the CDK grants them; one under a CDK type that may do more is reported', () => {
    const { app, stack } = builtInsStack();
    const template = app.synth().getStackArtifact(stack.artifactId).template as {
      Resources: Record<string, { Type: string }>;
    };
    // The handlers are there to be judged: five custom resources, each run by a function of the template.
    expect(
      Object.values(template.Resources)
        .map(({ Type }) => Type)
        .filter((type) => type.startsWith('Custom::'))
        .sort(),
    ).toEqual([
      'Custom::AWSCDKOpenIdConnectProvider',
      'Custom::LogRetention',
      'Custom::S3AutoDeleteObjects',
      'Custom::S3AutoDeleteObjects',
      'Custom::S3BucketNotifications',
    ]);
    expect(unseenOfSynthesized(app, stack).map((line) => line.split(' | ').slice(0, 5).join(' | '))).toEqual([
      'mandatory | Custom::S3AutoDeleteObjects | Empty | Unseen::Emptier03FB460D | true',
    ]);
    const aspected = builtInsStack();
    Aspects.of(aspected.app).add(new EntitlementGuard({ catalog, now: NOW }));
    expect(
      guardAnnotations(aspected.app, aspected.stack).filter(({ ruleId }) => ruleId === 'no-unseen-content'),
    ).toEqual([
      { level: 'error', at: '/Builtin/Empty', ruleId: 'no-unseen-content', resource: 'Builtin/Empty/Default' },
    ]);
  });
});
