import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../src/adapters/cloudformation/load.js';
import type { CfnResource, TemplateInput } from '../../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import { unknownValue, type AwsPolicyGrant, type Identity } from '../../../src/model/model.js';

const trustLambda = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const allow = (Action: unknown, Resource: unknown = '*') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource }],
});

function model(resources: Record<string, CfnResource>, extra: object = {}) {
  return modelFromTemplates([
    { stack: 'App', file: 'app.template.json', template: { Resources: resources, ...extra } },
  ]);
}

function identity(identities: Identity[], id: string): Identity {
  const found = identities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no identity ${id} in ${identities.map((i) => i.id).join(', ')}`);
  return found;
}

function grantSummary(holder: Identity) {
  return holder.grants.map((grant) =>
    grant.kind === 'aws-policy'
      ? `${grant.source.name}:${grant.policyName}`
      : grant.kind === 'aws-managed-policy'
        ? `${grant.kind}:${JSON.stringify(grant.arn)}`
        : grant.kind,
  );
}

describe('modelFromTemplates: identities', () => {
  it('reads a role: trust, inline and managed policies, session, boundary, tags, name and construct path', () => {
    const { identities } = model({
      ApiRole: {
        Type: 'AWS::IAM::Role',
        Metadata: { 'aws:cdk:path': 'App/ApiRole/Resource' },
        Properties: {
          RoleName: 'payments-api-runtime',
          AssumeRolePolicyDocument: trustLambda,
          Policies: [{ PolicyName: 'read', PolicyDocument: allow('s3:GetObject', 'arn:aws:s3:::payments/*') }],
          ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess' }],
          MaxSessionDuration: 7200,
          PermissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
          Tags: [
            { Key: 'owner', Value: 'team-payments' },
            { Key: 'purpose', Value: { 'Fn::ImportValue': 'Purpose' } },
          ],
        },
      },
    });
    expect(identities).toHaveLength(1);
    const role = identities[0]!;
    expect(role).toMatchObject({
      id: 'App/ApiRole',
      cloud: 'aws',
      kind: 'aws-role',
      name: 'payments-api-runtime',
      arn: 'arn:aws:iam::<own-account>:role/payments-api-runtime',
      resource: {
        type: 'AWS::IAM::Role',
        name: 'ApiRole',
        path: 'App/ApiRole/Resource',
        file: 'app.template.json',
        stack: 'App',
      },
      tags: { owner: 'team-payments' },
      maxSessionSeconds: 7200,
      permissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
    });
    expect(role.trustPolicy).toEqual({
      statements: [{ effect: 'Allow', principal: { Service: ['lambda.amazonaws.com'] }, action: ['sts:AssumeRole'] }],
    });
    expect(grantSummary(role)).toEqual(['ApiRole:read', 'aws-managed-policy:"arn:aws:iam::aws:policy/ReadOnlyAccess"']);
  });

  it('defaults MaxSessionDuration to one hour and names a role without RoleName by its logical id', () => {
    const [role] = model({
      Worker: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trustLambda } },
    }).identities;
    expect([role!.name, role!.arn, role!.maxSessionSeconds]).toEqual([
      'Worker',
      'arn:aws:iam::<own-account>:role/<id of Worker>',
      3600,
    ]);
  });

  it('reads the administrator role Organizations creates in a member account the template creates (RoleName, else OrganizationalAccountAccessRole), as the Pulumi and Terraform adapters do', () => {
    const account = (extra: Record<string, unknown>) => ({
      Type: 'AWS::Organizations::Account',
      Properties: { AccountName: 'dev', Email: 'dev@example.com', ...extra },
    });
    const { identities } = model(
      { Dev: account({ RoleName: 'OrgAdmin' }), Prod: account({}), Named: account({ RoleName: { Ref: 'RoleName' } }) },
      { Parameters: { RoleName: { Type: 'String' } } },
    );
    expect(
      identities.map((found) => [
        found.name,
        found.resource.name,
        found.kind,
        found.grants.map((grant) => (grant.kind === 'aws-managed-policy' ? grant.arn : grant.kind)),
      ]),
    ).toEqual([
      ['OrgAdmin', 'Dev', 'aws-role', ['arn:aws:iam::aws:policy/AdministratorAccess']],
      ['OrganizationalAccountAccessRole', 'Prod', 'aws-role', ['arn:aws:iam::aws:policy/AdministratorAccess']],
      ['Named.RoleName', 'Named', 'aws-role', ['arn:aws:iam::aws:policy/AdministratorAccess']],
    ]);
  });

  it('reads a user with a console password as an aws-login-profile credential', () => {
    const [user] = model(
      {
        Alice: { Type: 'AWS::IAM::User', Properties: { UserName: 'alice', LoginProfile: { Password: { Ref: 'Pw' } } } },
      },
      {
        Parameters: { Pw: { Type: 'String' } },
      },
    ).identities;
    expect(user!.credentials).toEqual([
      { kind: 'aws-login-profile', source: expect.objectContaining({ type: 'AWS::IAM::User', name: 'Alice' }) },
    ]);
  });

  it('reads Secrets Manager secrets: plain-text value, tags, rotation in days from every schedule form', () => {
    const schedule = (secret: string, RotationRules: object): CfnResource => ({
      Type: 'AWS::SecretsManager::RotationSchedule',
      Properties: {
        SecretId: { Ref: secret },
        HostedRotationLambda: { RotationType: 'PostgreSQLSingleUser' },
        RotationRules,
      },
    });
    const { secrets } = model({
      Literal: {
        Type: 'AWS::SecretsManager::Secret',
        Properties: { Name: 'legacy/sftp', SecretString: 'hunter2', Tags: [{ Key: 'owner', Value: 'team-data' }] },
      },
      Generated: { Type: 'AWS::SecretsManager::Secret', Properties: { GenerateSecretString: { PasswordLength: 32 } } },
      Rate: { Type: 'AWS::SecretsManager::Secret' },
      Weekly: { Type: 'AWS::SecretsManager::Secret' },
      Monthly: { Type: 'AWS::SecretsManager::Secret' },
      Quarterly: { Type: 'AWS::SecretsManager::Secret' },
      GeneratedRotation: schedule('Generated', { AutomaticallyAfterDays: 30 }),
      RateRotation: schedule('Rate', { ScheduleExpression: 'rate(10 days)' }),
      WeeklyRotation: schedule('Weekly', { ScheduleExpression: 'cron(0 8 ? * MON,THU *)' }),
      MonthlyRotation: schedule('Monthly', { ScheduleExpression: 'cron(0 8 1 * ? *)' }),
      QuarterlyRotation: schedule('Quarterly', { ScheduleExpression: 'cron(0 8 1 1/3 ? *)' }),
    });
    expect(
      secrets.map((secret) => [
        secret.id,
        secret.name,
        secret.plaintextValue ?? false,
        secret.rotationDays,
        secret.rotationSource?.name,
      ]),
    ).toEqual([
      ['App/Literal', 'legacy/sftp', true, undefined, undefined],
      ['App/Generated', 'Generated', false, 30, 'GeneratedRotation'],
      ['App/Rate', 'Rate', false, 10, 'RateRotation'],
      ['App/Weekly', 'Weekly', false, 4, 'WeeklyRotation'],
      ['App/Monthly', 'Monthly', false, 31, 'MonthlyRotation'],
      // Every third month from January: July 1 to October 1 (aws-rotation-days.test.ts counts schedules).
      ['App/Quarterly', 'Quarterly', false, 92, 'QuarterlyRotation'],
    ]);
    expect(secrets[0]!.tags).toEqual({ owner: 'team-data' });
  });

  it('links a rotation schedule that names its secret by name (the first secret of that name), or by a parameter', () => {
    const schedule = (SecretId: unknown): CfnResource => ({
      Type: 'AWS::SecretsManager::RotationSchedule',
      // A schedule without a rotation function rotates nothing (rotation-function.test.ts): this one names one.
      Properties: {
        SecretId,
        RotationLambdaARN: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
        RotationRules: { AutomaticallyAfterDays: 7 },
      },
    });
    const templates: TemplateInput[] = [
      {
        stack: 'Data',
        file: 'data.template.json',
        template: {
          Parameters: { Which: { Type: 'String', Default: 'shared/db' } },
          Resources: {
            First: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'shared/db' } },
            Second: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'shared/db' } },
            Other: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'other' } },
            Lonely: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'lonely' } },
            ByParameter: schedule({ Ref: 'Which' }),
            ByName: schedule('other'),
            Nobody: schedule('no-such-secret'),
            NotAString: schedule(['lonely']),
          },
        },
      },
      {
        stack: 'Ops',
        file: 'ops.template.json',
        template: { Resources: { AcrossStacks: schedule('lonely') } },
      },
    ];
    expect(modelFromTemplates(templates).secrets.map((secret) => [secret.id, secret.rotationSource?.name])).toEqual([
      ['Data/First', 'ByParameter'],
      ['Data/Second', undefined],
      ['Data/Other', 'ByName'],
      ['Data/Lonely', 'AcrossStacks'],
    ]);
  });

  it('puts each AWS::SecretsManager::ResourcePolicy on the secret its SecretId names, or judges it on its own', () => {
    const readBy = (principal: unknown) => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    });
    const policy = (SecretId: unknown, ResourcePolicy: unknown = readBy('*')): CfnResource => ({
      Type: 'AWS::SecretsManager::ResourcePolicy',
      Properties: { SecretId, ResourcePolicy },
    });
    const { secrets, unlinkedSecretPolicies } = model({
      Db: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'payments/db' } },
      Api: { Type: 'AWS::SecretsManager::Secret' },
      ByRef: policy({ Ref: 'Db' }),
      ByGetAtt: policy({ 'Fn::GetAtt': ['Api', 'Id'] }, readBy({ AWS: { 'Fn::ImportValue': 'ReaderArn' } })),
      ByName: policy('payments/db'),
      ByFullArn: policy('arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/db-AbCdEf'),
      Elsewhere: policy('arn:aws:secretsmanager:eu-west-1:111122223333:secret:shared/key-AbCdEf'),
      FromImport: policy({ 'Fn::ImportValue': 'SharedSecretArn' }),
    });
    expect(secrets.map((secret) => [secret.id, (secret.resourcePolicies ?? []).map((p) => p.source.name)])).toEqual([
      ['App/Db', ['ByRef', 'ByName', 'ByFullArn']],
      ['App/Api', ['ByGetAtt']],
    ]);
    const api = secrets[1]!.resourcePolicies![0]!;
    expect(api.source).toMatchObject({ type: 'AWS::SecretsManager::ResourcePolicy', name: 'ByGetAtt', stack: 'App' });
    expect(api.document.statements[0]!.principal).toEqual({
      AWS: [unknownValue('Fn::ImportValue ReaderArn (exported by another stack)')],
    });
    expect((unlinkedSecretPolicies ?? []).map((p) => [p.source.name, p.secret])).toEqual([
      ['Elsewhere', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shared/key-AbCdEf'],
      ['FromImport', unknownValue('Fn::ImportValue SharedSecretArn (exported by another stack)')],
    ]);
  });

  it("reads a ResourcePolicy's BlockPublicPolicy: a boolean or its string, a parameter the deployment sets as Unknown", () => {
    const policy = (BlockPublicPolicy?: unknown): CfnResource => ({
      Type: 'AWS::SecretsManager::ResourcePolicy',
      Properties: {
        SecretId: { Ref: 'Db' },
        ResourcePolicy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:*', Resource: '*' }] },
        ...(BlockPublicPolicy === undefined ? {} : { BlockPublicPolicy }),
      },
    });
    const { secrets } = model(
      {
        Db: { Type: 'AWS::SecretsManager::Secret' },
        Blocked: policy(true),
        BlockedAsString: policy('true'),
        Open: policy(false),
        FromParameter: policy({ Ref: 'Block' }),
        Unset: policy(),
      },
      { Parameters: { Block: { Type: 'String', AllowedValues: ['true', 'false'] } } },
    );
    expect(secrets[0]!.resourcePolicies!.map((p) => [p.source.name, p.blockPublicPolicy])).toEqual([
      ['Blocked', true],
      ['BlockedAsString', true],
      ['Open', false],
      ['FromParameter', unknownValue('Ref Block (parameter without a default)')],
      ['Unset', undefined],
    ]);
  });

  it('reads a rotation schedule and a resource policy that name their secret by a Ref to its SecretTargetAttachment, as the CDK writes them for an attached database secret', () => {
    // rds.DatabaseCluster with Credentials.fromSecret and addRotationSingleUser (aws-cdk-examples typescript/rds/aurora).
    const attachment = (SecretId: unknown): CfnResource => ({
      Type: 'AWS::SecretsManager::SecretTargetAttachment',
      Properties: { SecretId, TargetId: { Ref: 'Cluster' }, TargetType: 'AWS::RDS::DBCluster' },
    });
    const rotation = (SecretId: unknown): CfnResource => ({
      Type: 'AWS::SecretsManager::RotationSchedule',
      // As the CDK writes an attached secret's hosted rotation (a schedule without a function rotates nothing).
      Properties: {
        SecretId,
        HostedRotationLambda: { RotationType: 'PostgreSQLSingleUser' },
        RotationRules: { ScheduleExpression: 'rate(30 days)' },
      },
    });
    const { secrets, unlinkedSecretPolicies } = model({
      Credentials: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'sampledbAuroraClusterCredentials' } },
      Replica: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'replica/credentials' } },
      Cluster: { Type: 'AWS::RDS::DBCluster' },
      CredentialsAttachment: attachment({ Ref: 'Credentials' }),
      CredentialsAttachmentRotationSchedule: rotation({ Ref: 'CredentialsAttachment' }),
      CredentialsAttachmentPolicy: {
        Type: 'AWS::SecretsManager::ResourcePolicy',
        Properties: {
          SecretId: { Ref: 'CredentialsAttachment' },
          ResourcePolicy: {
            Statement: [
              { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'secretsmanager:DeleteSecret', Resource: '*' },
            ],
          },
        },
      },
      // An attachment that names its secret by name: the schedule follows it to that secret.
      ReplicaAttachment: attachment('replica/credentials'),
      ReplicaRotation: rotation({ Ref: 'ReplicaAttachment' }),
    });
    expect(
      secrets.map((secret) => [
        secret.id,
        secret.rotationDays,
        secret.rotationSource?.name,
        (secret.resourcePolicies ?? []).map((policy) => policy.source.name),
      ]),
    ).toEqual([
      ['App/Credentials', 30, 'CredentialsAttachmentRotationSchedule', ['CredentialsAttachmentPolicy']],
      ['App/Replica', 30, 'ReplicaRotation', []],
    ]);
    expect(unlinkedSecretPolicies ?? []).toEqual([]);
  });
});

describe('modelFromTemplates: links', () => {
  it('attaches AWS::IAM::Policy and ManagedPolicy to the roles, users and groups they name', () => {
    const { identities, unattachedPolicies } = model({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { RoleName: 'app', AssumeRolePolicyDocument: trustLambda, ManagedPolicyArns: [{ Ref: 'Shared' }] },
      },
      User: { Type: 'AWS::IAM::User' },
      Group: { Type: 'AWS::IAM::Group' },
      RolePolicy: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'role-inline',
          PolicyDocument: allow('sqs:SendMessage', 'arn:aws:sqs:*:*:q'),
          Roles: ['app'],
        },
      },
      Shared: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { PolicyDocument: allow('s3:GetObject', 'arn:aws:s3:::b/*'), Users: [{ Ref: 'User' }] },
      },
      GroupPolicy: {
        Type: 'AWS::IAM::GroupPolicy',
        Properties: { GroupName: { Ref: 'Group' }, PolicyName: 'group-read', PolicyDocument: allow('ec2:Describe*') },
      },
      Orphan: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { ManagedPolicyName: 'orphan', PolicyDocument: allow('*') },
      },
      ExternalOnly: {
        Type: 'AWS::IAM::RolePolicy',
        Properties: { RoleName: 'imported-role', PolicyName: 'ext', PolicyDocument: allow('iam:*') },
      },
    });
    expect(grantSummary(identity(identities, 'App/Role'))).toEqual(['Shared:Shared', 'RolePolicy:role-inline']);
    expect(grantSummary(identity(identities, 'App/User'))).toEqual(['Shared:Shared']);
    expect(grantSummary(identity(identities, 'App/Group'))).toEqual(['GroupPolicy:group-read']);
    expect(unattachedPolicies.map((grant: AwsPolicyGrant) => `${grant.source.name}:${grant.policyName}`)).toEqual([
      'Orphan:orphan',
    ]);
    // A role the template does not create holds what the template grants it, found at the granting resource.
    expect(identity(identities, 'App/external-role:imported-role')).toMatchObject({
      kind: 'aws-role',
      name: 'imported-role',
      external: true,
      resource: { name: 'ExternalOnly' },
    });
    expect(grantSummary(identity(identities, 'App/external-role:imported-role'))).toEqual(['ExternalOnly:ext']);
  });

  it('gives AWS::IAM::Policy and ManagedPolicy holders outside the template (by name or ARN) to external identities; a holder known only at apply stays unheld', () => {
    const { identities, unattachedPolicies } = model({
      Grant: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'grant',
          PolicyDocument: allow('iam:PassRole'),
          Roles: ['existing-role', { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/path/other-role' }],
          Users: ['existing-user'],
          Groups: [{ 'Fn::ImportValue': 'SharedGroup' }],
        },
      },
      Shared: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { PolicyDocument: allow('s3:*'), Groups: ['existing-group'], Roles: ['existing-role'] },
      },
    });
    expect(
      identities.map((found: Identity) => [found.id, found.kind, found.name, found.resource.name, grantSummary(found)]),
    ).toEqual([
      ['App/external-role:existing-role', 'aws-role', 'existing-role', 'Grant', ['Grant:grant', 'Shared:Shared']],
      ['App/external-role:other-role', 'aws-role', 'other-role', 'Grant', ['Grant:grant']],
      ['App/external-user:existing-user', 'aws-user', 'existing-user', 'Grant', ['Grant:grant']],
      ['App/external-group:existing-group', 'aws-group', 'existing-group', 'Shared', ['Shared:Shared']],
    ]);
    expect(unattachedPolicies).toEqual([]);
  });

  it('gives users the grants of their groups, from Groups and UserToGroupAddition, with the group policy as source', () => {
    const { identities } = model({
      Admins: {
        Type: 'AWS::IAM::Group',
        Properties: { GroupName: 'admins', ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
      },
      Readers: { Type: 'AWS::IAM::Group' },
      ReadersPolicy: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'read',
          PolicyDocument: allow('s3:GetObject', 'arn:aws:s3:::b/*'),
          Groups: [{ Ref: 'Readers' }],
        },
      },
      Bob: { Type: 'AWS::IAM::User', Properties: { Groups: ['admins'] } },
      Carol: { Type: 'AWS::IAM::User' },
      CarolReaders: {
        Type: 'AWS::IAM::UserToGroupAddition',
        Properties: { GroupName: { Ref: 'Readers' }, Users: [{ Ref: 'Carol' }] },
      },
    });
    const bob = identity(identities, 'App/Bob');
    expect([bob.groups, grantSummary(bob)]).toEqual([
      ['App/Admins'],
      ['aws-managed-policy:"arn:aws:iam::aws:policy/AdministratorAccess"'],
    ]);
    expect(bob.grants[0]!.source.name).toBe('Admins');
    const carol = identity(identities, 'App/Carol');
    expect([carol.groups, grantSummary(carol)]).toEqual([['App/Readers'], ['ReadersPolicy:read']]);
  });

  it('attaches compute: instance profiles, Lambda functions and ECS task roles', () => {
    const { identities } = model({
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trustLambda } },
      Profile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'Role' }] } },
      Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
      Task: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { TaskRoleArn: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/${Role}' } },
      },
    });
    expect(
      identity(identities, 'App/Role').attachments.map((attachment) => [attachment.kind, attachment.source.name]),
    ).toEqual([
      ['instance-profile', 'Profile'],
      ['lambda', 'Fn'],
      ['ecs-task', 'Task'],
    ]);
  });

  it('puts access keys and service-specific credentials on their user, and a key for a user outside the change on a synthetic external user', () => {
    const { identities, externalReferences } = model({
      Deployer: { Type: 'AWS::IAM::User', Properties: { UserName: 'ci-deployer' } },
      DeployerKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'Deployer' } } },
      DeployerGit: {
        Type: 'AWS::IAM::ServiceSpecificCredential',
        Properties: { UserName: 'ci-deployer', ServiceName: 'codecommit.amazonaws.com' },
      },
      LegacyKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: 'legacy-sftp-sync', Status: 'Active' } },
    });
    expect(
      identity(identities, 'App/Deployer').credentials.map((credential) => [credential.kind, credential.source.name]),
    ).toEqual([
      ['aws-access-key', 'DeployerKey'],
      ['aws-service-specific-credential', 'DeployerGit'],
    ]);
    expect(identity(identities, 'App/external-user:legacy-sftp-sync')).toMatchObject({
      kind: 'aws-user',
      name: 'legacy-sftp-sync',
      arn: 'arn:aws:iam::<own-account>:user/legacy-sftp-sync',
      resource: { type: 'AWS::IAM::AccessKey', name: 'LegacyKey' },
      credentials: [
        {
          kind: 'aws-access-key',
          source: { type: 'AWS::IAM::AccessKey', name: 'LegacyKey', file: 'app.template.json', stack: 'App' },
        },
      ],
    });
    expect(externalReferences).toEqual([{ identity: 'App/LegacyKey', reference: 'legacy-sftp-sync' }]);
  });
});

describe('modelFromTemplates: unresolvable tokens stay Unknown', () => {
  it('keeps an Action and a trust Principal that do not resolve as Unknown', () => {
    const [role] = model(
      {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Statement: [{ Effect: 'Allow', Principal: { AWS: { Ref: 'TrustedArn' } }, Action: 'sts:AssumeRole' }],
            },
            Policies: [{ PolicyName: 'p', PolicyDocument: allow({ 'Fn::ImportValue': 'SharedAction' }) }],
            MaxSessionDuration: { Ref: 'Session' },
          },
        },
      },
      { Parameters: { TrustedArn: { Type: 'String' }, Session: { Type: 'Number' } } },
    ).identities;
    expect(role!.trustPolicy!.statements[0]!.principal).toEqual({
      AWS: [unknownValue('Ref TrustedArn (parameter without a default)')],
    });
    const grant = role!.grants[0] as AwsPolicyGrant;
    expect(grant.document.statements[0]!.action).toEqual([
      unknownValue('Fn::ImportValue SharedAction (exported by another stack)'),
    ]);
    expect(role!.maxSessionSeconds).toEqual(unknownValue('Ref Session (parameter without a default)'));
  });

  it('reads a Policies list that depends on a deploy-time condition as the policies of both branches', () => {
    const [role] = model(
      {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: trustLambda,
            Policies: { 'Fn::If': ['IsProd', [], [{ PolicyName: 'p', PolicyDocument: allow('s3:*') }]] },
          },
        },
      },
      { Parameters: { Env: { Type: 'String' } }, Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } } },
    ).identities;
    expect(grantSummary(role!)).toEqual(['Role:p']);
    expect((role!.grants[0] as AwsPolicyGrant).document.statements[0]!.action).toEqual(['s3:*']);
  });

  it('reads a policy document that is one Fn::If as the statements of both branches', () => {
    const [role] = model(
      {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: trustLambda,
            Policies: [
              { PolicyName: 'p', PolicyDocument: { 'Fn::If': ['IsProd', allow('s3:GetObject'), allow('iam:*')] } },
            ],
          },
        },
      },
      { Parameters: { Env: { Type: 'String' } }, Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } } },
    ).identities;
    expect((role!.grants[0] as AwsPolicyGrant).document.statements.map((statement) => statement.action)).toEqual([
      ['s3:GetObject'],
      ['iam:*'],
    ]);
  });
});

describe('modelFromTemplates: CDK cloud assembly with a nested stack', () => {
  it('links identities across the parent and nested stack through the passed role ARN', () => {
    const result = modelFromTemplates(
      loadTemplates(join(import.meta.dirname, '../../fixtures/cloudformation/cdk-out-nested-stack')),
    );
    expect(result.identities.map((i) => [i.id, i.name, i.resource.path])).toEqual([
      ['PaymentsStack/ApiRole1873F438', 'payments-api-runtime', 'PaymentsStack/ApiRole/Resource'],
      ['PaymentsStack/SyncUser5A4D80B4', 'SyncUser5A4D80B4', 'PaymentsStack/SyncUser/Resource'],
      [
        'PaymentsStack/WorkersNestedStackWorkersNestedStackResourceCEAEF017/WorkerRole8DD27D41',
        'WorkerRole8DD27D41',
        'PaymentsStack/Workers/WorkerRole/Resource',
      ],
    ]);
    const [apiRole, user, worker] = result.identities;
    expect(apiRole!.tags).toEqual({ owner: 'team-payments' });
    expect(user!.credentials.map((credential) => credential.source.path)).toEqual(['PaymentsStack/SyncKey/Resource']);
    expect(worker!.trustPolicy!.statements[0]!.principal).toEqual({ AWS: [apiRole!.arn] });
    expect(grantSummary(worker!)).toEqual(['WorkerRoleDefaultPolicy1750E153:WorkerRoleDefaultPolicy1750E153']);
    expect(result.secrets.map((secret) => [secret.id, secret.rotationDays])).toEqual([
      ['PaymentsStack/WorkersNestedStackWorkersNestedStackResourceCEAEF017/WorkerSecretC2E5BB1C', undefined],
    ]);
  });
});
