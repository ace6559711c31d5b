import { App, CfnParameter, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { authoredConstruct, topLevelStackOf } from '../../cdk-aspects/construct-tree.js';
import { resourceKey, stackTemplates } from '../../cdk-aspects/stack-templates.js';
import { BadStack } from '../../examples/cdk-app/lib/stacks.js';

describe('stackTemplates', () => {
  it('builds, after aspects ran (tags), the same Resources the CDK synthesizes, with the construct path of each', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new BadStack(app, 'PaymentsBad');
    const synthesized = app.synth().getStackByName('PaymentsBad').template as { Resources: Record<string, { Metadata?: unknown }> };
    const built = stackTemplates(stack);
    const withoutMetadata = (resources: Record<string, { Metadata?: unknown }>) =>
      Object.fromEntries(Object.entries(resources).map(([id, { Metadata: _metadata, ...rest }]) => [id, rest]));
    expect(built.inputs.map((input) => input.stack)).toEqual(['PaymentsBad']);
    expect(withoutMetadata(JSON.parse(JSON.stringify(built.inputs[0]!.template.Resources)))).toEqual(withoutMetadata(synthesized.Resources));
    const roleId = stack.getLogicalId(stack.node.findChild('AnalyticsRole').node.defaultChild as iam.CfnRole);
    expect(built.inputs[0]!.paths![roleId]).toBe('PaymentsBad/AnalyticsRole/Resource');
    expect(built.resources.get(resourceKey('PaymentsBad', roleId))!.node.path).toBe('PaymentsBad/AnalyticsRole/Resource');
  });

  it('names nested stacks Parent/NestedLogicalId and passes the parent parameters to them', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const parent = new Stack(app, 'Parent');
    new iam.Role(parent, 'ParentRole', { roleName: 'parent-role', assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const nested = new NestedStack(parent, 'Child');
    const parentRole = parent.node.findChild('ParentRole') as iam.Role;
    new iam.Role(nested, 'ChildRole', { roleName: 'child-role', assumedBy: new iam.ArnPrincipal(parentRole.roleArn) });
    app.synth();
    const built = stackTemplates(parent);
    const nestedId = parent.resolve((nested.nestedStackResource!).logicalId) as string;
    expect(built.inputs.map((input) => input.stack)).toEqual(['Parent', `Parent/${nestedId}`]);
    const child = built.inputs[1]!;
    expect(Object.keys(child.template.Parameters ?? {})).toHaveLength(1);
    // The parent's `Fn::GetAtt ParentRole.Arn`, resolved by the adapter to the ARN the identity itself carries.
    expect(Object.values(child.parameters ?? {})).toEqual(['arn:aws:iam::${AWS::AccountId}:role/parent-role']);
  });

  it('keeps parameters and imported values in the template for the adapter to resolve or fail closed on', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Tokens');
    const trusted = new CfnParameter(stack, 'TrustedArn', { type: 'String' });
    new iam.Role(stack, 'Role', { roleName: 'tokens-role', assumedBy: new iam.ArnPrincipal(trusted.valueAsString) });
    new iam.Role(stack, 'Imported', { roleName: 'imported-role', assumedBy: new iam.ArnPrincipal(Fn.importValue('shared-ci-role-arn')) });
    const template = stackTemplates(stack).inputs[0]!.template;
    expect(template.Parameters).toEqual({ TrustedArn: { Type: 'String' } });
    const trust = (id: string) => (template.Resources[id]!.Properties!.AssumeRolePolicyDocument as { Statement: { Principal: unknown }[] }).Statement[0]!.Principal;
    expect(trust(stack.getLogicalId(stack.node.findChild('Role').node.defaultChild as iam.CfnRole))).toEqual({ AWS: { Ref: 'TrustedArn' } });
    expect(trust(stack.getLogicalId(stack.node.findChild('Imported').node.defaultChild as iam.CfnRole))).toEqual({ AWS: { 'Fn::ImportValue': 'shared-ci-role-arn' } });
  });
});

describe('construct tree helpers', () => {
  it('finds the L2 the user wrote for an L1, and the top-level stack of a nested resource', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    app.synth();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    const raw = new iam.CfnRole(stack, 'Raw', { assumeRolePolicyDocument: {} });
    const nested = new NestedStack(stack, 'N');
    const inner = new iam.CfnUser(nested, 'U');
    expect(authoredConstruct(role.node.defaultChild!)).toBe(role);
    expect(authoredConstruct(role.node.findChild('DefaultPolicy').node.defaultChild!).node.path).toBe('S/Role/DefaultPolicy');
    expect(authoredConstruct(raw)).toBe(raw);
    expect(topLevelStackOf(inner)).toBe(stack);
    expect(topLevelStackOf(app)).toBeUndefined();
    expect(topLevelStackOf(app.node.findChild('Tree'))).toBeUndefined();
  });
});
