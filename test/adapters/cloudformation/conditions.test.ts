import { describe, expect, it } from 'vitest';
import { createResolver } from '../../../src/adapters/cloudformation/intrinsics.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import { unknownValue, type AwsPolicyGrant } from '../../../src/model/model.js';

const template: CfnTemplate = {
  Parameters: { Env: { Type: 'String', Default: 'prod' }, Stage: { Type: 'String' }, Count: { Type: 'Number', Default: 0 } },
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
    Loop: { 'Fn::Not': [{ Condition: 'Loop' }] },
  },
  Resources: {},
};
const { condition, resolve } = createResolver({ stack: 'App', template });

describe('CloudFormation Conditions known at plan time', () => {
  it('evaluates Fn::Equals on literals and parameters with defaults (compared as strings), Fn::Not and Condition references', () => {
    expect([condition('Always'), condition('IsProd'), condition('NoItems'), condition('IsDev')]).toEqual([true, true, true, false]);
  });

  it('a parameter with a value from the parent stack decides over its default', () => {
    const child = createResolver({ stack: 'App/Child', template, parameters: { Env: 'dev' } });
    expect([child.condition('IsProd'), child.condition('IsDev')]).toEqual([false, true]);
  });

  it('Fn::And is false and Fn::Or true as soon as one part decides, even when another is unknown', () => {
    expect(condition('DevAndStaging')).toBe(false);
    expect(condition('ProdOrStaging')).toBe(true);
    expect(condition('ProdAndStaging')).toEqual(unknownValue('condition IsStaging, which compares Ref Stage (parameter without a default)'));
  });

  it('is unknown where deploy time decides, where undefined, and where it refers to itself', () => {
    expect(condition('InEast')).toEqual(unknownValue('condition InEast, which compares ${AWS::Region} (known only at deploy time)'));
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
      unknownValue('Fn::If IsStaging (depends on condition IsStaging, which compares Ref Stage (parameter without a default))'),
    );
  });
});

describe('Conditions in the model', () => {
  const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const build = (resources: CfnTemplate['Resources']) => modelFromTemplates([{ stack: 'App', template: { ...template, Resources: resources } }]);

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
          ManagedPolicyArns: [{ 'Fn::If': ['IsDev', 'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Statement: [{ 'Fn::If': ['IsStaging', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }],
              },
            },
          ],
        },
      },
    }).identities;
    expect(role!.grants.filter((grant) => grant.kind === 'aws-managed-policy').map((grant) => grant.arn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const policy = role!.grants.find((grant): grant is AwsPolicyGrant => grant.kind === 'aws-policy')!;
    expect(policy.document.statements.map((statement) => statement.action)).toEqual([['s3:GetObject'], ['iam:*']]);
  });
});
