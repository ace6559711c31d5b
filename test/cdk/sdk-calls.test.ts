/**
 * A CDK AwsCustomResource makes an AWS SDK call while CloudFormation deploys the stack: one that makes an access key or
 * attaches a policy makes nothing the template shows. Built with the real aws-cdk-lib and judged through the aspect
 * and through the CLI on the synthesized template, a call that amounts to a resource of the template (an access key,
 * an inline policy, a Logs or OpenSearch domain policy) is judged as that resource where the custom resource is
 * declared; another that changes access is a no-unseen-content finding on the custom resource (its IAM action as
 * detail); calls that change no access (a parameter read, a Lambda invoke) give none. Before, the app passed with an
 * access key, an inline `*` policy and AdministratorAccess made by SDK calls.
 */
import { Aspects, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as cr from 'aws-cdk-lib/custom-resources';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { checkTemplate, exampleCatalog, guardAnnotations, NOW, testApp } from './support.js';

const catalog = { ...exampleCatalog(), exceptions: [] };

/**
 * A stack whose custom resources make an access key for its user, put an inline policy of every action on its role and
 * attach AdministratorAccess to it.
 */
function sdkCallsStack(): { app: ReturnType<typeof testApp>; stack: Stack } {
  const app = testApp();
  const stack = new Stack(app, 'Sdk');
  const user = new iam.User(stack, 'Legacy', { userName: 'legacy-sftp-sync' });
  new cr.AwsCustomResource(stack, 'KeyForLegacy', {
    onCreate: {
      service: 'IAM',
      action: 'createAccessKey',
      parameters: { UserName: user.userName },
      physicalResourceId: cr.PhysicalResourceId.fromResponse('AccessKey.AccessKeyId'),
    },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [user.userArn] }),
  });
  const role = new iam.Role(stack, 'Worker', {
    roleName: 'payments-api-worker',
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  new cr.AwsCustomResource(stack, 'InlineForWorker', {
    onUpdate: {
      service: 'IAM',
      action: 'putRolePolicy',
      parameters: {
        RoleName: role.roleName,
        PolicyName: 'everything',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      },
      physicalResourceId: cr.PhysicalResourceId.of('inline'),
    },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
  });
  const attach = { RoleName: role.roleName, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
  new cr.AwsCustomResource(stack, 'AdminForWorker', {
    // onUpdate alone is the Create call too: one finding.
    onUpdate: {
      service: '@aws-sdk/client-iam',
      action: 'AttachRolePolicyCommand',
      parameters: attach,
      physicalResourceId: cr.PhysicalResourceId.of('attach'),
    },
    onDelete: { service: 'IAM', action: 'detachRolePolicy', parameters: attach },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
  });
  // A new default version of a managed policy made elsewhere: nothing of the template shows what it held before.
  new cr.AwsCustomResource(stack, 'VersionForShared', {
    onUpdate: {
      service: 'IAM',
      action: 'createPolicyVersion',
      parameters: {
        PolicyArn: 'arn:aws:iam::111122223333:policy/shared-deploy',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
        }),
        SetAsDefault: true,
      },
      physicalResourceId: cr.PhysicalResourceId.of('version'),
    },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
  });
  new cr.AwsCustomResource(stack, 'ReadVersion', {
    onUpdate: {
      service: 'SSM',
      action: 'getParameter',
      parameters: { Name: '/app/version' },
      physicalResourceId: cr.PhysicalResourceId.of('version'),
    },
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    resourceType: 'Custom::ReadVersion',
  });
  return { app, stack };
}

/** The CLI's findings on the stack's synthesized template, without a catalog. */
function checkSynthesized(app: ReturnType<typeof testApp>, stack: Stack) {
  return checkTemplate(stack.stackName, app.synth().getStackArtifact(stack.artifactId).template);
}

describe('AWS SDK calls of a CDK AwsCustomResource', () => {
  it('are annotated on the custom resource by the aspect', () => {
    const { app, stack } = sdkCallsStack();
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    const onCalls = guardAnnotations(app, stack).filter(({ at }) =>
      ['/Sdk/KeyForLegacy', '/Sdk/InlineForWorker', '/Sdk/AdminForWorker', '/Sdk/VersionForShared'].includes(at),
    );
    // The access key is its user's long-lived credential, the inline policy grants the role every action (beyond what
    // the catalog entitles payments-api-worker to), AdministratorAccess attached to it is as well, each where the app
    // made the call; a new version of a policy made elsewhere (CreatePolicyVersion) is unseen.
    expect(onCalls).toEqual([
      {
        level: 'error',
        at: '/Sdk/KeyForLegacy',
        ruleId: 'no-long-lived-credentials',
        resource: 'Sdk/KeyForLegacy/Resource/Default',
      },
      {
        level: 'error',
        at: '/Sdk/InlineForWorker',
        ruleId: 'no-wildcard-privilege',
        resource: 'Sdk/InlineForWorker/Resource/Default',
      },
      {
        level: 'error',
        at: '/Sdk/InlineForWorker',
        ruleId: 'require-entitlement',
        resource: 'Sdk/InlineForWorker/Resource/Default',
      },
      {
        level: 'error',
        at: '/Sdk/AdminForWorker',
        ruleId: 'no-wildcard-privilege',
        resource: 'Sdk/AdminForWorker/Resource/Default',
      },
      {
        level: 'error',
        at: '/Sdk/AdminForWorker',
        ruleId: 'require-entitlement',
        resource: 'Sdk/AdminForWorker/Resource/Default',
      },
      {
        level: 'error',
        at: '/Sdk/VersionForShared',
        ruleId: 'no-unseen-content',
        resource: 'Sdk/VersionForShared/Resource/Default',
      },
    ]);
  });

  it('are findings of the CLI on the synthesized template: as the resource a call amounts to, or unseen', () => {
    const { app, stack } = sdkCallsStack();
    const result = checkSynthesized(app, stack);
    expect(result.exitCode).toBe(1);
    const onCalls = (result.result?.findings ?? []).filter(({ resource }) =>
      /^(KeyForLegacy|InlineForWorker|AdminForWorker|VersionForShared)[0-9A-F]{8}$/.test(resource.name),
    );
    expect(
      onCalls.map(({ ruleId, level, resource, identity, detail, pending }) =>
        [ruleId, level, resource.type, resource.name, identity ?? '-', detail, pending ?? false].join(' '),
      ),
    ).toEqual([
      'no-long-lived-credentials mandatory AWS::IAM::AccessKey KeyForLegacy8C706CB0 Sdk/LegacyFA07BB5D Credential::aws-access-key false',
      'no-unseen-content mandatory Custom::AWS VersionForShared76746BB3 - Unseen::iam:CreatePolicyVersion true',
      'no-wildcard-privilege mandatory Custom::AWS AdminForWorker7A5E448B Sdk/Worker11F36D0F Policy::AdministratorAccess false',
      'no-wildcard-privilege mandatory AWS::IAM::RolePolicy InlineForWorker56D368BF Sdk/Worker11F36D0F Action::* false',
    ]);
    expect(onCalls.find(({ ruleId }) => ruleId === 'no-unseen-content')?.message).toBe(
      'Sdk/VersionForShared76746BB3 calls iam:CreatePolicyVersion while CloudFormation deploys it (a CDK AwsCustomResource): the ' +
        'call makes an identity, a credential or a secret, or changes who may do what, and what it makes is no resource of the ' +
        'template, so it cannot be verified. Define it with the resources the check reads (AWS::IAM::AccessKey, ' +
        'AWS::IAM::Policy, a key or bucket policy), or have the call reviewed and set this rule to advisory in the catalog.',
    );
  });

  it("are the role and the user that IAM CreateRole and CreateUser calls make, judged as the template's own", () => {
    const app = testApp();
    const stack = new Stack(app, 'Sdk');
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
    };
    new cr.AwsCustomResource(stack, 'MakeRole', {
      onCreate: {
        service: 'IAM',
        action: 'createRole',
        parameters: { RoleName: 'partner-access', AssumeRolePolicyDocument: JSON.stringify(trust) },
        physicalResourceId: cr.PhysicalResourceId.of('partner-access'),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    });
    new cr.AwsCustomResource(stack, 'MakeUser', {
      onCreate: {
        service: 'IAM',
        action: 'createUser',
        parameters: { UserName: 'batch-sync', Tags: [{ Key: 'owner', Value: 'team-data' }] },
        physicalResourceId: cr.PhysicalResourceId.of('batch-sync'),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    });
    const findings = checkSynthesized(app, stack).result?.findings ?? [];
    // The role anyone may assume is restrict-trust's; the user's owner tag is read; no catalog was given.
    expect(
      findings
        .filter(({ resource }) => /^Make(Role|User)[0-9A-F]{8}$/.test(resource.name))
        .map(({ ruleId, resource, detail }) => `${ruleId} ${resource.type} ${resource.name} ${detail}`),
    ).toEqual([
      'require-entitlement AWS::IAM::Role MakeRoleF20D5777 Catalog::default',
      'require-entitlement AWS::IAM::User MakeUser7F7E68D8 Catalog::default',
      'require-owner AWS::IAM::Role MakeRoleF20D5777 Owner::missing',
      'restrict-trust AWS::IAM::Role MakeRoleF20D5777 Principal::*',
    ]);
  });

  it("read an EventBridge rule's log group policy (CloudWatch Logs PutResourcePolicy) as the account's Logs resource policy", () => {
    const app = testApp();
    const stack = new Stack(app, 'Logs');
    const group = new logs.LogGroup(stack, 'Events');
    new events.Rule(stack, 'All', {
      eventPattern: { source: ['aws.ec2'] },
      targets: [new targets.CloudWatchLogGroup(group)],
    });
    const findings = checkSynthesized(app, stack).result?.findings ?? [];
    // The policy the CDK's custom resource puts is judged as an AWS::Logs::ResourcePolicy where it is declared: the
    // service may write for any account's rule (no aws:SourceArn), advisory; no unseen content.
    expect(
      findings
        .filter(({ resource }) => resource.name.startsWith('EventsLogGroupPolicy') && !resource.name.includes('Custom'))
        .map(({ ruleId, level, resource, detail }) => `${ruleId} ${level} ${resource.type} ${detail}`),
    ).toEqual(['restrict-trust advisory AWS::Logs::ResourcePolicy Service::events.amazonaws.com']);
  });

  it("read an OpenSearch domain's access policies (UpdateDomainConfig of AccessPolicies alone) as the domain's policy", () => {
    const app = testApp();
    const stack = new Stack(app, 'Search');
    new opensearch.Domain(stack, 'Domain', {
      version: opensearch.EngineVersion.OPENSEARCH_2_11,
      accessPolicies: [
        new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['es:ESHttp*'], resources: ['*'] }),
      ],
    });
    // Before, the public policy passed (es:UpdateDomainConfig is of access level Write); read as the domain's
    // AccessPolicies, it lets anyone in.
    const findings = checkSynthesized(app, stack).result?.findings ?? [];
    expect(
      findings
        .filter(({ ruleId }) => ruleId === 'no-unseen-content' || ruleId === 'restrict-trust')
        .map(({ ruleId, level, resource, detail }) => `${ruleId} ${level} ${resource.type} ${resource.name} ${detail}`),
    ).toEqual(['restrict-trust mandatory AWS::OpenSearchService::Domain DomainAccessPolicyEE735B04 Principal::*']);
  });

  it('is unseen where a call writes a policy document with more than the resource shows', () => {
    const app = testApp();
    const stack = new Stack(app, 'Search');
    const domainAdmin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    new cr.AwsCustomResource(stack, 'Security', {
      onUpdate: {
        service: 'OpenSearch',
        action: 'updateDomainConfig',
        parameters: {
          DomainName: 'payments',
          AccessPolicies: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:ESHttp*', Resource: '*' }],
          }),
          AdvancedSecurityOptions: { MasterUserOptions: { MasterUserARN: domainAdmin.roleArn } },
        },
        physicalResourceId: cr.PhysicalResourceId.of('payments-security'),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    });
    const findings = checkSynthesized(app, stack).result?.findings ?? [];
    expect(
      findings
        .filter(({ ruleId }) => ruleId === 'no-unseen-content')
        .map(({ level, resource, detail }) => `${level} ${resource.type} ${detail}`),
    ).toEqual(['mandatory Custom::AWS Unseen::es:UpdateDomainConfig']);
  });
});
