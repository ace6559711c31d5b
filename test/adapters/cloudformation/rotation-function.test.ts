/**
 * A Secrets Manager rotation schedule rotates a secret of the template only through a function: `RotationLambdaARN`
 * or `HostedRotationLambda`. Without one only a secret another service manages rotates (managed rotation), and such a
 * secret is no AWS::SecretsManager::Secret of a template, so a schedule that names no function leaves its secret
 * unrotated (cdk-nag's SecretsManagerRotationEnabled, Noncompliance 3: test/corpus/cdk-nag-fixtures).
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../catalog/defaults.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { evaluate } from '../../../src/engine/index.js';
import rotation from '../../../src/rules/secret-rotation.js';

const LAMBDA = 'arn:aws:lambda:eu-west-1:111122223333:function:rotate';

function findings(schedule: Record<string, unknown>, extra: CfnTemplate = { Resources: {} }) {
  const model = modelFromTemplates([
    {
      stack: 'App',
      file: 'app.template.json',
      template: {
        ...extra,
        Resources: {
          ...extra.Resources,
          Db: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'db-password' } },
          DbRotation: {
            Type: 'AWS::SecretsManager::RotationSchedule',
            Properties: { SecretId: { Ref: 'Db' }, RotationRules: { AutomaticallyAfterDays: 30 }, ...schedule },
          },
        },
      },
    },
  ]);
  return evaluate(model, { catalog: defaultCatalog(), rules: [rotation] }).findings.map((finding) => [
    finding.ruleId,
    finding.resource.name,
    finding.detail,
    finding.message,
  ]);
}

const NO_FUNCTION = [
  [
    'secret-rotation',
    'Db',
    'Rotation::none',
    'Secret db-password has no rotation configured, so its value never changes. Add a rotation function to DbRotation, ' +
      'which names none and so rotates nothing (RotationLambdaARN, or HostedRotationLambda for a function AWS publishes), ' +
      'with RotationRules of at most 90 days, the limit of the service class (the secret has no class).',
  ],
];

describe('a rotation schedule without a rotation function', () => {
  it('leaves its secret unrotated, and says which schedule lacks the function', () => {
    expect(findings({})).toEqual(NO_FUNCTION);
  });

  it('does so when the function is empty, or left out by a condition the template decides', () => {
    expect(findings({ RotationLambdaARN: '' })).toEqual(NO_FUNCTION);
    expect(
      findings(
        { RotationLambdaARN: { 'Fn::If': ['Never', LAMBDA, { Ref: 'AWS::NoValue' }] } },
        { Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } }, Resources: {} },
      ),
    ).toEqual(NO_FUNCTION);
  });
});

describe('a rotation schedule with a rotation function', () => {
  it('rotates its secret through a Lambda of the account, or one AWS publishes', () => {
    expect(findings({ RotationLambdaARN: LAMBDA })).toEqual([]);
    expect(findings({ RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] } })).toEqual([]);
    expect(findings({ HostedRotationLambda: { RotationType: 'MySQLSingleUser' } })).toEqual([]);
  });

  it('is held to its interval as before', () => {
    expect(findings({ RotationLambdaARN: LAMBDA, RotationRules: { AutomaticallyAfterDays: 365 } })).toEqual([
      [
        'secret-rotation',
        'DbRotation',
        'Rotation::365d',
        'Secret db-password rotates every 365 days; the limit of the service class (the secret has no class) is 90 days. ' +
          'Set the rotation interval to 90 days or less.',
      ],
    ]);
  });
});
