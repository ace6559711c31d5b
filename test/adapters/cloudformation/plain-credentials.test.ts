/**
 * Credentials a template writes into resources' own configuration (Model.plainCredentials): database passwords
 * written out, and credentials of a documented format (or under a secret's name) in a function's environment, a
 * container's environment and user data. References to a secret store, NoEcho parameters without a Default and values
 * only deploy time knows are not written out.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CfnResource } from '../../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';

function plain(resources: Record<string, CfnResource>, extra: object = {}) {
  const model = modelFromTemplates([{ stack: 'App', template: { Resources: resources, ...extra } }]);
  return (model.plainCredentials ?? []).map((credential) => [
    credential.source.name,
    credential.kind,
    credential.places,
  ]);
}

// AWS's documented example key pair (IAM User Guide, "Managing access keys").
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const lambda = (Variables: Record<string, unknown>): CfnResource => ({
  Type: 'AWS::Lambda::Function',
  Properties: {
    Runtime: 'nodejs20.x',
    Handler: 'index.handler',
    Role: 'arn:aws:iam::111122223333:role/fn',
    Environment: { Variables },
  },
});

describe('CloudFormation: credentials written in plain configuration', () => {
  it('a database master password written as a literal, or as the Default of the parameter it refers to, NoEcho or not', () => {
    expect(
      plain(
        {
          Literal: {
            Type: 'AWS::RDS::DBInstance',
            Properties: { MasterUsername: 'admin', MasterUserPassword: 'hunter2hunter2' },
          },
          Aurora: {
            Type: 'AWS::RDS::DBCluster',
            Properties: { Engine: 'aurora-mysql', MasterUserPassword: { Ref: 'Defaulted' } },
          },
          DocDb: {
            Type: 'AWS::DocDB::DBCluster',
            Properties: { MasterUserPassword: { 'Fn::Join': ['', ['pass', 'word1']] } },
          },
          Warehouse: { Type: 'AWS::Redshift::Cluster', Properties: { MasterUserPassword: 'Redshift1Pass' } },
          Broker: {
            Type: 'AWS::AmazonMQ::Broker',
            Properties: { Users: [{ Username: 'mq', Password: 'mq-password-1' }] },
          },
        },
        { Parameters: { Defaulted: { Type: 'String', NoEcho: true, Default: 'defaulted-pw' } } },
      ),
    ).toEqual([
      ['Literal', 'password', ['MasterUserPassword']],
      ['Aurora', 'password', ['MasterUserPassword (the Default of parameter Defaulted)']],
      ['DocDb', 'password', ['MasterUserPassword']],
      ['Warehouse', 'password', ['MasterUserPassword']],
      ['Broker', 'password', ['Users[0].Password']],
    ]);
  });

  it('no password written out: dynamic references, NoEcho parameters without a Default, generated secrets, managed passwords', () => {
    expect(
      plain(
        {
          Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { GenerateSecretString: { PasswordLength: 32 } } },
          Dynamic: {
            Type: 'AWS::RDS::DBInstance',
            Properties: { MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}' },
          },
          Generated: {
            Type: 'AWS::RDS::DBCluster',
            Properties: {
              MasterUserPassword: {
                'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'Secret' }, ':SecretString:password::}}']],
              },
            },
          },
          FromParameter: { Type: 'AWS::RDS::DBInstance', Properties: { MasterUserPassword: { Ref: 'DbPassword' } } },
          Managed: {
            Type: 'AWS::RDS::DBInstance',
            Properties: { ManageMasterUserPassword: true, MasterUsername: 'admin' },
          },
          ManagedAsText: { Type: 'AWS::RDS::DBCluster', Properties: { ManageMasterUserPassword: 'true' } },
        },
        { Parameters: { DbPassword: { Type: 'String', NoEcho: true } } },
      ),
    ).toEqual([]);
  });

  it("a Lambda function's environment: documented formats, and a literal under a secret's name", () => {
    expect(
      plain({
        Keys: lambda({ AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_KEY, REGION: 'eu-west-1' }),
        Tokens: lambda({
          GITHUB: 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
          SLACK: 'xoxb-123456789012-abcdefABCDEF',
          API_TOKEN: 'Zt7!qP2@vL9#',
        }),
        Named: lambda({
          DB_PASSWORD: 'S3cure-Pa55!',
          dbPassword: 'S3cure-Pa55!',
          STRIPE_SECRET_KEY: 'whatever-it-is-9F',
        }),
        Pem: lambda({ SIGNING: '-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----' }),
      }),
    ).toEqual([
      [
        'Keys',
        'access-key',
        ['Environment.Variables.AWS_ACCESS_KEY_ID', 'Environment.Variables.AWS_SECRET_ACCESS_KEY'],
      ],
      [
        'Tokens',
        'token',
        ['Environment.Variables.GITHUB', 'Environment.Variables.SLACK', 'Environment.Variables.API_TOKEN'],
      ],
      ['Named', 'password', ['Environment.Variables.DB_PASSWORD', 'Environment.Variables.dbPassword']],
      ['Named', 'secret', ['Environment.Variables.STRIPE_SECRET_KEY']],
      ['Pem', 'private-key', ['Environment.Variables.SIGNING']],
    ]);
  });

  it('no credential in an environment that names, refers to or stands for one', () => {
    expect(
      plain({
        Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
        Fn: lambda({
          DB_SECRET_ARN: { Ref: 'Secret' },
          DB_SECRET: { Ref: 'Secret' },
          SECRET_NAME: 'prod/db',
          API_KEY_PARAMETER: '/prod/api-key',
          API_KEY: '/prod/api-key',
          DB_PASSWORD: '{{resolve:ssm-secure:/prod/db}}',
          TOKEN: '${TOKEN}',
          GITHUB_TOKEN: '<your-token>',
          ADMIN_PASSWORD: 'changeme',
          CLIENT_SECRET: 'prod/app/client',
          SESSION_SECRET: 'my-app-session-secret',
          AUTH_TOKEN: '',
          MAX_TOKEN: '4096',
          TOKEN_TABLE: 'tokens-table-with-a-long-name',
          HASH: 'd41d8cd98f00b204e9800998ecf8427e',
          USER_ROLE_ID: 'AROAEXAMPLEID1234567',
        }),
      }),
    ).toEqual([]);
  });

  it("an ECS container's environment, and user data however written: a string (base64 or not), Fn::Base64 of Fn::Sub or Fn::Join", () => {
    const script = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\nexport AWS_SECRET_ACCESS_KEY=${SECRET_KEY}\n`;
    expect(
      plain({
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            ContainerDefinitions: [
              {
                Name: 'web',
                Environment: [
                  { Name: 'WORDPRESS_DB_PASSWORD', Value: 'Wp-Db-Pa55word' },
                  { Name: 'WORDPRESS_DB_HOST', Value: 'db.example.com' },
                ],
                Secrets: [{ Name: 'API_TOKEN', ValueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/api-token' }],
              },
            ],
          },
        },
        Sub: { Type: 'AWS::EC2::Instance', Properties: { UserData: { 'Fn::Base64': { 'Fn::Sub': script } } } },
        Base64: { Type: 'AWS::EC2::Instance', Properties: { UserData: Buffer.from(script).toString('base64') } },
        // cloud-init takes gzip-compressed user data: base64 of gzip is inflated and read.
        Gzipped: { Type: 'AWS::EC2::Instance', Properties: { UserData: gzipSync(script).toString('base64') } },
        Template: {
          Type: 'AWS::EC2::LaunchTemplate',
          Properties: {
            LaunchTemplateData: {
              UserData: {
                'Fn::Base64': {
                  'Fn::Join': [
                    '',
                    [
                      '#!/bin/bash\n',
                      'echo "-----BEGIN OPENSSH PRIVATE KEY-----" > /root/.ssh/id\n',
                      { Ref: 'AWS::Region' },
                    ],
                  ],
                },
              },
            },
          },
        },
        Clean: {
          Type: 'AWS::AutoScaling::LaunchConfiguration',
          Properties: {
            UserData: {
              'Fn::Base64': {
                'Fn::Sub': '#!/bin/bash\nexport AWS_ACCESS_KEY_ID=FOO\nexport AWS_SECRET_ACCESS_KEY=bar\n',
              },
            },
          },
        },
      }),
    ).toEqual([
      ['Task', 'password', ['ContainerDefinitions[web].Environment.WORDPRESS_DB_PASSWORD']],
      ['Sub', 'access-key', ['UserData']],
      ['Base64', 'access-key', ['UserData']],
      ['Gzipped', 'access-key', ['UserData']],
      ['Template', 'private-key', ['LaunchTemplateData.UserData']],
    ]);
  });

  it("a CodeBuild project's PLAINTEXT environment variables (Type absent or PLAINTEXT); PARAMETER_STORE and SECRETS_MANAGER name a secret", () => {
    const project = (EnvironmentVariables: unknown[]): CfnResource => ({
      Type: 'AWS::CodeBuild::Project',
      Properties: {
        Artifacts: { Type: 'NO_ARTIFACTS' },
        Source: { Type: 'NO_SOURCE', BuildSpec: 'version: 0.2' },
        ServiceRole: 'arn:aws:iam::111122223333:role/build',
        Environment: {
          Type: 'LINUX_CONTAINER',
          ComputeType: 'BUILD_GENERAL1_SMALL',
          Image: 'aws/codebuild/standard:7.0',
          EnvironmentVariables,
        },
      },
    });
    expect(
      plain({
        Build: project([
          { Name: 'AWS_ACCESS_KEY_ID', Value: KEY_ID },
          { Name: 'AWS_SECRET_ACCESS_KEY', Value: SECRET_KEY, Type: 'PLAINTEXT' },
          { Name: 'GITHUB_TOKEN', Value: 'Gh-Build-Token-1234' },
          { Name: 'STAGE', Value: 'prod' },
        ]),
        References: project([
          { Name: 'GITHUB_TOKEN', Value: 'ci/github-token', Type: 'SECRETS_MANAGER' },
          { Name: 'DB_PASSWORD', Value: 'Ci-Db-Pa55word', Type: 'PARAMETER_STORE' },
          { Name: 'NPM_TOKEN', Value: '/ci/npm-token' },
        ]),
      }),
    ).toEqual([
      [
        'Build',
        'access-key',
        [
          'Environment.EnvironmentVariables.AWS_ACCESS_KEY_ID',
          'Environment.EnvironmentVariables.AWS_SECRET_ACCESS_KEY',
        ],
      ],
      ['Build', 'token', ['Environment.EnvironmentVariables.GITHUB_TOKEN']],
    ]);
  });

  it('is no managed secret: require-owner and secret-rotation see no secret for it', () => {
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: { MasterUserPassword: 'hunter2hunter2' } } },
        },
      },
    ]);
    expect(model.secrets).toEqual([]);
    expect(model.plainCredentials?.map((credential) => credential.source)).toEqual([
      { type: 'AWS::RDS::DBInstance', name: 'Db', stack: 'App', location: 'stack:App/Db' },
    ]);
  });
});
