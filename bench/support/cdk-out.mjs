// The CLI benchmarks' cdk.out (bench/user-setups.mjs, bench/cli-instructions.mjs): generated, written once per size.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A cdk.out of stacks of 500 resources (200 for 100,000): roles with their inline policy, users, rotated secrets. */
export function writeCdkOut(dir, resources) {
  const perStack = 500;
  const artifacts = {};
  let unit = 0;
  for (let stackIndex = 0; stackIndex * perStack < resources; stackIndex++) {
    const stackName = `Bench${stackIndex}`;
    const template = { Resources: {} };
    const add = (id, Type, Properties) => {
      template.Resources[id] = { Type, Properties, Metadata: { 'aws:cdk:path': `${stackName}/${id}/Resource` } };
    };
    while (Object.keys(template.Resources).length + 5 <= perStack) {
      const i = unit++;
      add(`Role${i}`, 'AWS::IAM::Role', {
        RoleName: `payments-api-${i}`,
        MaxSessionDuration: 3600,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: [
          {
            'Fn::Join': [
              '',
              ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
            ],
          },
        ],
      });
      add(`Role${i}DefaultPolicy`, 'AWS::IAM::Policy', {
        PolicyName: `Role${i}DefaultPolicy`,
        Roles: [{ Ref: `Role${i}` }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
              Resource: `arn:aws:dynamodb:eu-west-1:111122223333:table/payments-${i}`,
            },
            {
              Effect: 'Allow',
              Action: 'secretsmanager:GetSecretValue',
              Resource: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/${i}`,
            },
          ],
        },
      });
      add(`User${i}`, 'AWS::IAM::User', { UserName: `batch-user-${i}`, Tags: [{ Key: 'owner', Value: 'team-data' }] });
      add(`Secret${i}`, 'AWS::SecretsManager::Secret', {
        Name: `payments/${i}`,
        GenerateSecretString: {},
        Tags: [{ Key: 'owner', Value: 'team-payments' }],
      });
      add(`Secret${i}Rotation`, 'AWS::SecretsManager::RotationSchedule', {
        SecretId: { Ref: `Secret${i}` },
        RotationLambdaARN: 'arn:aws:lambda:eu-west-1:111122223333:function:secrets-rotation',
        RotationRules: { ScheduleExpression: 'rate(30 days)' },
      });
    }
    writeFileSync(join(dir, `${stackName}.template.json`), JSON.stringify(template, null, 1));
    artifacts[stackName] = {
      type: 'aws:cloudformation:stack',
      environment: 'aws://unknown-account/unknown-region',
      properties: { templateFile: `${stackName}.template.json` },
    };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts }, null, 1));
  return unit * 5;
}
