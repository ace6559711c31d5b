import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResolver } from '../../../src/adapters/cloudformation/intrinsics.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import { unknownValue, type AwsPolicyGrant } from '../../../src/model/model.js';

const template: CfnTemplate = {
  // Env and Count allow one value each, so no deployment can change them; Tier may be set to anything, Size to
  // either of two values; Stage has no default.
  Parameters: {
    Env: { Type: 'String', Default: 'prod', AllowedValues: ['prod'] },
    Stage: { Type: 'String' },
    Count: { Type: 'Number', Default: 0, AllowedValues: [0] },
    Tier: { Type: 'String', Default: 'dev' },
    Size: { Type: 'String', Default: 'small', AllowedValues: ['small', 'large'] },
  },
  Conditions: {
    Always: { 'Fn::Equals': [0, 0] },
    IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
    NoItems: { 'Fn::Equals': [{ Ref: 'Count' }, '0'] },
    IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    IsStaging: { 'Fn::Equals': [{ Ref: 'Stage' }, 'staging'] },
    ProdAndStaging: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'IsStaging' }] },
    DevAndStaging: { 'Fn::And': [{ Condition: 'IsDev' }, { Condition: 'IsStaging' }] },
    ProdOrStaging: { 'Fn::Or': [{ Condition: 'IsStaging' }, { Condition: 'IsProd' }] },
    InEast: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] },
    IsProdTier: { 'Fn::Equals': [{ Ref: 'Tier' }, 'prod'] },
    IsLarge: { 'Fn::Equals': ['large', { Ref: 'Size' }] },
    IsNotHuge: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Size' }, 'huge'] }] },
    ProdTierName: { 'Fn::Equals': [{ 'Fn::Sub': '${Tier}-app' }, 'prod-app'] },
    Loop: { 'Fn::Not': [{ Condition: 'Loop' }] },
  },
  Resources: {},
};
const { condition, resolve } = createResolver({ stack: 'App', template });

describe('CloudFormation Conditions known at plan time', () => {
  it('evaluates Fn::Equals on literals and on parameters every allowed value of which decides it (compared as strings), Fn::Not and Condition references', () => {
    expect([condition('Always'), condition('IsProd'), condition('NoItems'), condition('IsDev')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('a parameter with a value from the parent stack decides over its default', () => {
    const child = createResolver({ stack: 'App/Child', template, parameters: { Env: 'dev', Tier: 'prod' } });
    expect([child.condition('IsProd'), child.condition('IsDev'), child.condition('IsProdTier')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  // A default is the value of a deployment that passes none: `--parameter-overrides Tier=prod` deploys what the
  // default hides. Judging only the default's branch would leave a prod-only admin role unseen.
  it('a parameter a deployment may set decides nothing by its default; one with AllowedValues decides where all agree', () => {
    expect(condition('IsProdTier')).toEqual(
      unknownValue(
        'condition IsProdTier, which compares Ref Tier (a parameter the deployment may set to a value other than its default)',
      ),
    );
    expect(condition('IsLarge')).toEqual(
      unknownValue('condition IsLarge, which compares Ref Size (the deployment chooses one of "small", "large")'),
    );
    expect(condition('IsNotHuge')).toBe(true);
    expect(condition('ProdTierName')).toEqual(
      unknownValue(
        'condition ProdTierName, which compares a value built from Ref Tier (a parameter the deployment may set)',
      ),
    );
  });

  it("a value a parent stack passes from its own parameter is the parent deployment's choice", () => {
    const parent = createResolver({ stack: 'App', template });
    const child = createResolver({
      stack: 'App/Child',
      template,
      parameters: { Tier: parent.resolve({ Ref: 'Tier' }), Size: parent.resolve({ Ref: 'Size' }), Env: 'prod' },
      parameterChoices: { Tier: parent.choicesOf({ Ref: 'Tier' })!, Size: parent.choicesOf({ Ref: 'Size' })! },
    });
    expect(child.condition('IsProdTier')).toMatchObject({ unknown: true });
    expect(child.condition('IsLarge')).toMatchObject({ unknown: true });
    expect([child.condition('IsNotHuge'), child.condition('IsProd')]).toEqual([true, true]);
    expect(parent.choicesOf('prod')).toBeUndefined();
    expect(parent.choicesOf({ Ref: 'Env' })).toEqual(['prod']);
  });

  it('Fn::And is false and Fn::Or true as soon as one part decides, even when another is unknown', () => {
    expect(condition('DevAndStaging')).toBe(false);
    expect(condition('ProdOrStaging')).toBe(true);
    expect(condition('ProdAndStaging')).toEqual(
      unknownValue('condition IsStaging, which compares Ref Stage (parameter without a default)'),
    );
  });

  it('is unknown where deploy time decides, where undefined, and where it refers to itself', () => {
    expect(condition('InEast')).toEqual(
      unknownValue('condition InEast, which compares ${AWS::Region} (known only at deploy time)'),
    );
    expect(condition('Nope')).toEqual(unknownValue('condition Nope (not defined in the template)'));
    expect(condition('Loop')).toEqual(unknownValue('condition Loop (refers to itself)'));
  });

  it('Fn::If on a known condition is its branch', () => {
    expect(resolve({ 'Fn::If': ['Always', 's3:GetObject', '*'] })).toBe('s3:GetObject');
    expect(resolve({ 'Fn::If': ['IsDev', '*', { Ref: 'AWS::NoValue' }] })).toBeUndefined();
    expect(resolve(['a', { 'Fn::If': ['IsDev', 'b', { Ref: 'AWS::NoValue' }] }])).toEqual(['a']);
  });

  it('Fn::If on an unknown condition: list items of both branches (no Deny), lists of both, a scalar that differs is Unknown', () => {
    const deny = { Effect: 'Deny', Action: '*', Resource: '*' };
    const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
    expect(resolve([{ 'Fn::If': ['IsStaging', deny, allowAll] }])).toEqual([allowAll]);
    expect(resolve({ 'Fn::If': ['IsStaging', ['s3:GetObject'], ['iam:*']] })).toEqual(['s3:GetObject', 'iam:*']);
    expect(resolve({ 'Fn::If': ['IsStaging', ['iam:*'], { Ref: 'AWS::NoValue' }] })).toEqual(['iam:*']);
    expect(resolve({ 'Fn::If': ['IsStaging', 'a', 'b'] })).toEqual(
      unknownValue(
        'Fn::If IsStaging (depends on condition IsStaging, which compares Ref Stage (parameter without a default))',
      ),
    );
  });
});

describe('Conditions in the model', () => {
  const trust = {
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  const build = (resources: CfnTemplate['Resources']) =>
    modelFromTemplates([{ stack: 'App', template: { ...template, Resources: resources } }]);

  it('leaves out a resource whose Condition is false at plan time, keeps one that is true or unknown', () => {
    const model = build({
      DevRole: { Type: 'AWS::IAM::Role', Condition: 'IsDev', Properties: { AssumeRolePolicyDocument: trust } },
      ProdRole: { Type: 'AWS::IAM::Role', Condition: 'IsProd', Properties: { AssumeRolePolicyDocument: trust } },
      StagingRole: { Type: 'AWS::IAM::Role', Condition: 'IsStaging', Properties: { AssumeRolePolicyDocument: trust } },
    });
    expect(model.identities.map((identity) => identity.id)).toEqual(['App/ProdRole', 'App/StagingRole']);
  });

  it('judges both branches of a statement under an unknown condition, and only the live branch under a known one', () => {
    const [role] = build({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: trust,
          ManagedPolicyArns: [
            {
              'Fn::If': [
                'IsDev',
                'arn:aws:iam::aws:policy/AdministratorAccess',
                'arn:aws:iam::aws:policy/ReadOnlyAccess',
              ],
            },
          ],
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Statement: [
                  {
                    'Fn::If': [
                      'IsStaging',
                      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
                      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
                    ],
                  },
                ],
              },
            },
          ],
        },
      },
    }).identities;
    expect(role!.grants.filter((grant) => grant.kind === 'aws-managed-policy').map((grant) => grant.arn)).toEqual([
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    const policy = role!.grants.find((grant): grant is AwsPolicyGrant => grant.kind === 'aws-policy')!;
    expect(policy.document.statements.map((statement) => statement.action)).toEqual([['s3:GetObject'], ['iam:*']]);
  });
});

describe('Conditions: property', () => {
  type Expression =
    | { kind: 'equals'; left: string; right: string }
    | { kind: 'not'; operand: Expression }
    | { kind: 'and' | 'or'; operands: Expression[] };
  const expression: fc.Arbitrary<Expression> = fc.letrec<{ expression: Expression }>((tie) => ({
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        kind: fc.constant('equals' as const),
        left: fc.constantFrom('a', 'b', '${Known}', '${Unknown}', '${Choice}', '${Default}'),
        right: fc.constantFrom('a', 'b'),
      }),
      fc.record({ kind: fc.constant('not' as const), operand: tie('expression') }),
      fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        operands: fc.array(tie('expression'), { minLength: 1, maxLength: 4 }),
      }),
    ),
  })).expression;
  /** What a deployment may give each parameter: Known allows one value, Choice two, Default and Unknown any. */
  const allowed: Record<string, string[] | undefined> = { '${Known}': ['a'], '${Choice}': ['a', 'b'] };
  const toCfn = (e: Expression): unknown => {
    if (e.kind === 'equals')
      return {
        'Fn::Equals': [e.left.startsWith('${') ? { Ref: e.left.slice(2, -1) } : e.left, e.right],
      };
    if (e.kind === 'not') return { 'Fn::Not': [toCfn(e.operand)] };
    return { [e.kind === 'and' ? 'Fn::And' : 'Fn::Or']: e.operands.map(toCfn) };
  };
  /** Three-valued reference: undefined where deploy time decides. */
  const reference = (e: Expression): boolean | undefined => {
    if (e.kind === 'equals') {
      const values = e.left.startsWith('${') ? allowed[e.left] : [e.left];
      const results = new Set(values?.map((value) => value === e.right));
      return results.size === 1 ? [...results][0] : undefined;
    }
    if (e.kind === 'not') {
      const value = reference(e.operand);
      return value === undefined ? undefined : !value;
    }
    const values = e.operands.map(reference);
    const decisive = e.kind === 'or';
    if (values.includes(decisive)) return decisive;
    return values.includes(undefined) ? undefined : !decisive;
  };

  it('evaluates like three-valued logic: known where every value a deployment may give decides, Unknown otherwise', () => {
    fc.assert(
      fc.property(expression, (e) => {
        const { condition } = createResolver({
          stack: 'App',
          template: {
            Parameters: {
              Known: { Type: 'String', Default: 'a', AllowedValues: ['a'] },
              Choice: { Type: 'String', Default: 'a', AllowedValues: ['a', 'b'] },
              Default: { Type: 'String', Default: 'a' },
              Unknown: { Type: 'String' },
            },
            Conditions: { C: toCfn(e) },
            Resources: {},
          },
        });
        const expected = reference(e);
        const actual = condition('C');
        if (expected === undefined) expect(actual).toMatchObject({ unknown: true });
        else expect(actual).toBe(expected);
      }),
      { numRuns: 2000, seed: 15_6 },
    );
  });
});
