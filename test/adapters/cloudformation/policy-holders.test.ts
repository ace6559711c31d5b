import { describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';

const document = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
};
const role = (name: string) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    RoleName: name,
    AssumeRolePolicyDocument: {
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
  },
});

/** Which roles hold the policy resource `Policy`, by logical id, and what the model lists as unattached. */
function holdersOf(roles: unknown): { holders: string[]; unattached: number } {
  const template: CfnTemplate = {
    Parameters: { Env: { Type: 'String', Default: 'prod', AllowedValues: ['prod'] }, Stage: { Type: 'String' } },
    // IsDev is false at plan time (Env allows one value); IsStaging only deploy time decides (Stage has no default).
    Conditions: {
      IsDev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] },
      IsStaging: { 'Fn::Equals': [{ Ref: 'Stage' }, 'staging'] },
    },
    Resources: {
      A: role('a'),
      B: role('b'),
      Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: document, Roles: roles } },
    },
  };
  const model = modelFromTemplates([{ stack: 'App', template }]);
  const holders = model.identities
    .filter((identity) =>
      identity.grants.some((grant) => grant.kind === 'aws-policy' && grant.source.name === 'Policy'),
    )
    .map((identity) => identity.resource.name);
  return { holders, unattached: model.unattachedPolicies.length };
}

describe("an AWS::IAM::Policy's Roles, item by item (listItems, as eachItem visits them)", () => {
  it('a list of references: each role holds the policy', () => {
    expect(holdersOf([{ Ref: 'A' }, { Ref: 'B' }])).toEqual({ holders: ['A', 'B'], unattached: 0 });
  });

  it('an item that is AWS::NoValue at plan time is left out; the others still hold it', () => {
    expect(holdersOf([{ 'Fn::If': ['IsDev', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] }, { Ref: 'B' }])).toEqual({
      holders: ['B'],
      unattached: 0,
    });
    expect(holdersOf([{ Ref: 'AWS::NoValue' }, { Ref: 'A' }])).toEqual({ holders: ['A'], unattached: 0 });
  });

  it('an item under a condition only deploy time decides holds the policy by both branches (the grant may exist)', () => {
    const noValue = { Ref: 'AWS::NoValue' };
    expect(holdersOf([{ 'Fn::If': ['IsStaging', { Ref: 'A' }, noValue] }])).toEqual({ holders: ['A'], unattached: 0 });
    expect(holdersOf([{ 'Fn::If': ['IsStaging', { Ref: 'A' }, { Ref: 'B' }] }])).toEqual({
      holders: ['A', 'B'],
      unattached: 0,
    });
    // Branches nest: the inner condition is decided (IsDev is false), so A is left out.
    expect(
      holdersOf([{ 'Fn::If': ['IsStaging', { 'Fn::If': ['IsDev', { Ref: 'A' }, noValue] }, { Ref: 'B' }] }]),
    ).toEqual({ holders: ['B'], unattached: 0 });
    // The list's own Fn::If: the items of both branches, references followed.
    expect(holdersOf({ 'Fn::If': ['IsStaging', [{ Ref: 'A' }], noValue] })).toEqual({ holders: ['A'], unattached: 0 });
  });

  it('a list written as one value is resolved first; a single value is one item; nothing is no holder', () => {
    expect(holdersOf({ 'Fn::If': ['IsDev', [{ Ref: 'A' }], ['a', 'b']] })).toEqual({
      holders: ['A', 'B'],
      unattached: 0,
    });
    expect(holdersOf({ 'Fn::If': ['IsDev', [], 'b'] })).toEqual({ holders: ['B'], unattached: 0 });
    expect(holdersOf({ 'Fn::If': ['IsDev', ['a'], { Ref: 'AWS::NoValue' }] })).toEqual({ holders: [], unattached: 1 });
  });
});

describe('ManagedPolicyArns item by item (listItems)', () => {
  const arnsOf = (managedPolicyArns: unknown[]) => {
    const template: CfnTemplate = {
      Parameters: { Stage: { Type: 'String' } },
      Conditions: { IsStaging: { 'Fn::Equals': [{ Ref: 'Stage' }, 'staging'] } },
      Resources: { A: { ...role('a'), Properties: { ...role('a').Properties, ManagedPolicyArns: managedPolicyArns } } },
    };
    const [identity] = modelFromTemplates([{ stack: 'App', template }]).identities;
    return identity!.grants.flatMap((grant) => (grant.kind === 'aws-managed-policy' ? [grant.arn] : []));
  };

  it('an ARN under a condition only deploy time decides is attached: the ARN, not an Unknown', () => {
    expect(
      arnsOf([
        { 'Fn::If': ['IsStaging', 'arn:aws:iam::aws:policy/ReadOnlyAccess', { Ref: 'AWS::NoValue' }] },
        { 'Fn::If': ['IsStaging', 'arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/B'] },
      ]),
    ).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/B']);
  });
});
