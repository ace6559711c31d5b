/**
 * Credentials a CDK app writes into resources' own configuration: a database master password given with
 * `SecretValue.unsafePlainText`, an AWS access key in a function's environment, a password in a container's environment.
 * Built with the real aws-cdk-lib and judged through the aspect and through the CLI on the synthesized template; the
 * same app written the way the CDK recommends (a generated secret, ECS secrets) gives none. Before, all of it passed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aspects, SecretValue, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runCheck } from '../../src/cli/check.js';
import { exampleCatalog, guardAnnotations, NOW, testApp } from './support.js';

const catalog = { ...exampleCatalog(), exceptions: [] };

// AWS's documented example key pair (IAM User Guide, "Managing access keys").
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** One stack with each credential written out (`Plain…`) and each kept out the way the CDK recommends (`Kept…`). */
function credentialsStack(): { app: ReturnType<typeof testApp>; stack: Stack } {
  const app = testApp();
  const stack = new Stack(app, 'Creds');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
  new rds.DatabaseInstance(stack, 'PlainDb', {
    engine,
    vpc,
    credentials: rds.Credentials.fromPassword('admin', SecretValue.unsafePlainText('hunter2hunter2')),
  });
  new rds.DatabaseInstance(stack, 'KeptDb', { engine, vpc, credentials: rds.Credentials.fromGeneratedSecret('admin') });
  const code = lambda.Code.fromInline('exports.handler = async () => {}');
  new lambda.Function(stack, 'PlainFn', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code,
    // Lambda reserves AWS_ACCESS_KEY_ID itself: a key for another account goes under a name of the app's.
    environment: { PARTNER_ACCESS_KEY_ID: KEY_ID, PARTNER_SECRET_ACCESS_KEY: SECRET_KEY, PARTNER_REGION: 'eu-west-1' },
  });
  const apiKey = new secretsmanager.Secret(stack, 'ApiKey');
  new lambda.Function(stack, 'KeptFn', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code,
    environment: { API_KEY_SECRET_ARN: apiKey.secretArn },
  });
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('wordpress'),
    environment: { WORDPRESS_DB_USER: 'admin', WORDPRESS_DB_PASSWORD: 'Wp-Db-Pa55word' },
    secrets: { API_KEY: ecs.Secret.fromSecretsManager(apiKey) },
  });
  return { app, stack };
}

describe("credentials written in a CDK app's plain configuration", () => {
  it('are annotated by the aspect on the database, the function and the task definition that hold them', () => {
    const { app, stack } = credentialsStack();
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    const annotations = guardAnnotations(app, stack).filter(({ ruleId }) => ruleId === 'no-long-lived-credentials');
    expect(annotations).toEqual([
      { level: 'error', at: '/Creds/PlainDb', ruleId: 'no-long-lived-credentials', resource: 'Creds/PlainDb/Resource' },
      { level: 'error', at: '/Creds/PlainFn', ruleId: 'no-long-lived-credentials', resource: 'Creds/PlainFn/Resource' },
      { level: 'error', at: '/Creds/Task', ruleId: 'no-long-lived-credentials', resource: 'Creds/Task/Resource' },
    ]);
  });

  it('are findings of the CLI on the synthesized template, with exact messages', () => {
    const { app, stack } = credentialsStack();
    const template = app.synth().getStackArtifact(stack.artifactId).template as unknown;
    const directory = mkdtempSync(join(tmpdir(), 'eg-plain-credentials-'));
    writeFileSync(join(directory, 'Creds.template.json'), JSON.stringify(template, null, 1));
    const result = runCheck({
      paths: [join(directory, 'Creds.template.json')],
      format: 'json',
      now: NOW,
      cwd: directory,
      toolVersion: 'test',
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    const plain = (result.result?.findings ?? []).filter(({ detail }) => detail === 'Credential::plaintext');
    expect(
      plain.map(({ level, resource, detail, message }) => [level, resource.type, resource.name, detail, message]),
    ).toEqual([
      [
        'mandatory',
        'AWS::RDS::DBInstance',
        'PlainDb167656C4',
        'Credential::plaintext',
        'A password is written in the configuration of PlainDb167656C4 (MasterUserPassword): whoever may read that configuration, ' +
          'and every copy of the source, template and state, holds it, and nothing rotates it. Write a dynamic reference ' +
          '({{resolve:secretsmanager:…}}), a Ref to a NoEcho parameter without a Default, or let the service keep the password in ' +
          'Secrets Manager (ManageMasterUserPassword where the resource has it), and rotate the exposed value.',
      ],
      [
        'mandatory',
        'AWS::Lambda::Function',
        'PlainFn19C4B6E1',
        'Credential::plaintext',
        'An AWS access key is written in the configuration of PlainFn19C4B6E1 (Environment.Variables.PARTNER_ACCESS_KEY_ID, ' +
          'Environment.Variables.PARTNER_SECRET_ACCESS_KEY): whoever may read that configuration, and every copy of the source, ' +
          'template and state, holds it, and nothing rotates it. Remove the key and let the workload use its IAM role ' +
          '(execution role, task role, instance profile), and rotate the exposed value.',
      ],
      [
        'mandatory',
        'AWS::ECS::TaskDefinition',
        'Task79114B6B',
        'Credential::plaintext',
        'A password is written in the configuration of Task79114B6B (ContainerDefinitions[web].Environment.WORDPRESS_DB_PASSWORD): whoever ' +
          'may read that configuration, and every copy of the source, template and state, holds it, and nothing rotates it. ' +
          'Keep the value in Secrets Manager or SSM Parameter Store (SecureString) and read it at run time (an ECS container ' +
          'takes it from Secrets with ValueFrom), and rotate the exposed value.',
      ],
    ]);
    // No value is printed.
    expect(JSON.stringify(result.result)).not.toContain('hunter2hunter2');
    expect(JSON.stringify(result.result?.findings)).not.toContain(KEY_ID);
  });
});
