import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, CfnParameter, Fn, LegacyStackSynthesizer, NestedStack, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it, vi } from 'vitest';
import { authoredConstruct, topLevelStackOf } from '../../cdk-aspects/construct-tree.js';
import {
  judgeOnSynthesis,
  resourceKey,
  stackTemplates,
  type StackTemplates,
} from '../../cdk-aspects/stack-templates.js';
import { BadStack } from '../../examples/cdk-app/lib/stacks.js';

describe('stackTemplates', () => {
  it('builds, after aspects ran (tags), the same Resources the CDK synthesizes, with the construct path of each', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new BadStack(app, 'PaymentsBad');
    const synthesized = app.synth().getStackByName('PaymentsBad').template as {
      Resources: Record<string, { Metadata?: unknown }>;
    };
    const built = stackTemplates(stack);
    const withoutMetadata = (resources: Record<string, { Metadata?: unknown }>) =>
      Object.fromEntries(Object.entries(resources).map(([id, { Metadata: _metadata, ...rest }]) => [id, rest]));
    expect(built.inputs.map((input) => input.stack)).toEqual(['PaymentsBad']);
    expect(withoutMetadata(JSON.parse(JSON.stringify(built.inputs[0]!.template.Resources)))).toEqual(
      withoutMetadata(synthesized.Resources),
    );
    const roleId = stack.getLogicalId(stack.node.findChild('AnalyticsRole').node.defaultChild as iam.CfnRole);
    expect(built.inputs[0]!.paths![roleId]).toBe('PaymentsBad/AnalyticsRole/Resource');
    expect(built.resources.get(resourceKey('PaymentsBad', roleId))!.node.path).toBe(
      'PaymentsBad/AnalyticsRole/Resource',
    );
  });

  it('names nested stacks Parent/NestedLogicalId and passes the parent parameters to them', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const parent = new Stack(app, 'Parent');
    new iam.Role(parent, 'ParentRole', {
      roleName: 'parent-role',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    const nested = new NestedStack(parent, 'Child');
    const parentRole = parent.node.findChild('ParentRole') as iam.Role;
    new iam.Role(nested, 'ChildRole', { roleName: 'child-role', assumedBy: new iam.ArnPrincipal(parentRole.roleArn) });
    app.synth();
    const built = stackTemplates(parent);
    const nestedId = parent.resolve(nested.nestedStackResource!.logicalId) as string;
    expect(built.inputs.map((input) => input.stack)).toEqual(['Parent', `Parent/${nestedId}`]);
    const child = built.inputs[1]!;
    expect(Object.keys(child.template.Parameters ?? {})).toHaveLength(1);
    // The parent's `Fn::GetAtt ParentRole.Arn`, resolved by the adapter to the ARN the identity itself carries.
    expect(Object.values(child.parameters ?? {})).toEqual(['arn:aws:iam::<own-account>:role/parent-role']);
  });

  it('keeps parameters and imported values in the template for the adapter to resolve or fail closed on', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Tokens');
    const trusted = new CfnParameter(stack, 'TrustedArn', { type: 'String' });
    new iam.Role(stack, 'Role', { roleName: 'tokens-role', assumedBy: new iam.ArnPrincipal(trusted.valueAsString) });
    new iam.Role(stack, 'Imported', {
      roleName: 'imported-role',
      assumedBy: new iam.ArnPrincipal(Fn.importValue('shared-ci-role-arn')),
    });
    const template = stackTemplates(stack).inputs[0]!.template;
    expect(template.Parameters).toEqual({ TrustedArn: { Type: 'String' } });
    const trust = (id: string) =>
      (template.Resources[id]!.Properties!.AssumeRolePolicyDocument as { Statement: { Principal: unknown }[] })
        .Statement[0]!.Principal;
    expect(trust(stack.getLogicalId(stack.node.findChild('Role').node.defaultChild as iam.CfnRole))).toEqual({
      AWS: { Ref: 'TrustedArn' },
    });
    expect(trust(stack.getLogicalId(stack.node.findChild('Imported').node.defaultChild as iam.CfnRole))).toEqual({
      AWS: { 'Fn::ImportValue': 'shared-ci-role-arn' },
    });
  });
});

describe('stackTemplates rendering once per synth', () => {
  const lambdaRole = (stack: Stack, id: string) =>
    new iam.Role(stack, id, {
      roleName: id.toLowerCase(),
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
  const resourceIds = (app: App) =>
    Object.keys((app.synth({ force: true }).getStackByName('S').template as { Resources: object }).Resources);

  it('judgeOnSynthesis judges the templates the next synthesis writes, each rendered once, and leaves later syntheses alone', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    lambdaRole(stack, 'First');
    const nested = new NestedStack(stack, 'Batch');
    lambdaRole(nested, 'Worker');
    const judged: StackTemplates[] = [];
    judgeOnSynthesis(stack, [nested], {}, (templates) => judged.push(templates));
    const renderings = vi.spyOn(Stack.prototype as unknown as { _toCloudFormation(): object }, '_toCloudFormation');
    const assembly = app.synth();
    // Once each in the synthesis; the nested stack also once before, when its template's asset hash is prepared.
    expect(renderings.mock.contexts.filter((context) => context === stack)).toHaveLength(1);
    expect(renderings.mock.contexts.filter((context) => context === nested)).toHaveLength(2);
    expect(judged).toHaveLength(1);
    const [parent, child] = judged[0]!.inputs;
    // What is written, the DefaultStackSynthesizer's BootstrapVersion parameter and rule included.
    expect(parent!.template).toEqual(assembly.getStackByName('S').template);
    expect((parent!.template as { Rules?: object }).Rules).toHaveProperty('CheckBootstrapVersion');
    expect(child!.stack).toBe(`S/${stack.resolve(nested.nestedStackResource!.logicalId)}`);
    expect(child!.template).toEqual(
      JSON.parse(readFileSync(join(assembly.directory, nested.templateFile), 'utf8')) as object,
    );
    // Added after the first synthesis: the next one renders afresh and judges nothing.
    lambdaRole(stack, 'Second');
    expect(resourceIds(app)).toHaveLength(Object.keys(parent!.template.Resources).length + 1);
    expect(judged).toHaveLength(1);
    renderings.mockRestore();
  });

  it('judgeOnSynthesis renders a nested stack the caller did not name when judging its parent, as written', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    const nested = new NestedStack(stack, 'Batch');
    lambdaRole(nested, 'Worker');
    const judged: StackTemplates[] = [];
    judgeOnSynthesis(stack, [], {}, (templates) => judged.push(templates));
    const renderings = vi.spyOn(Stack.prototype as unknown as { _toCloudFormation(): object }, '_toCloudFormation');
    const assembly = app.synth();
    // Its asset hash, its own synthesis, and once more for the parent's judgement.
    expect(renderings.mock.contexts.filter((context) => context === nested)).toHaveLength(3);
    const [, child] = judged[0]!.inputs;
    expect(child!.template).toEqual(
      JSON.parse(readFileSync(join(assembly.directory, nested.templateFile), 'utf8')) as object,
    );
    renderings.mockRestore();
  });

  it('judgeOnSynthesis judges once per owner, the hook set again replacing the earlier one, all owners from one rendering', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    lambdaRole(stack, 'First');
    const judged: string[] = [];
    const [first, second] = [{}, {}];
    judgeOnSynthesis(stack, [], first, () => judged.push('first, stale'));
    judgeOnSynthesis(stack, [], first, () => judged.push('first'));
    judgeOnSynthesis(stack, [], second, () => judged.push('second'));
    const renderings = vi.spyOn(Stack.prototype as unknown as { _toCloudFormation(): object }, '_toCloudFormation');
    app.synth();
    expect(judged).toEqual(['first', 'second']);
    expect(renderings.mock.contexts.filter((context) => context === stack)).toHaveLength(1);
    renderings.mockRestore();
  });

  it('without judgeOnSynthesis leaves the synthesis to render the stack itself', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    lambdaRole(stack, 'First');
    const checked = stackTemplates(stack).inputs[0]!.template;
    lambdaRole(stack, 'Second');
    expect(resourceIds(app)).toHaveLength(Object.keys(checked.Resources).length + 1);
  });

  it('names each resource by its logical id, overridden ones included, also when an all-digit id reorders the template', () => {
    for (const override of ['CustomId', '42']) {
      const app = new App({ builtinCloudFormationValidation: false });
      const stack = new Stack(app, 'S');
      lambdaRole(stack, 'First');
      (lambdaRole(stack, 'Second').node.defaultChild as iam.CfnRole).overrideLogicalId(override);
      const built = stackTemplates(stack);
      const firstId = stack.getLogicalId(stack.node.findChild('First').node.defaultChild as iam.CfnRole);
      expect(built.inputs[0]!.paths).toEqual({ [firstId]: 'S/First/Resource', [override]: 'S/Second/Resource' });
      expect(built.resources.get(resourceKey('S', override))!.node.path).toBe('S/Second/Resource');
    }
  });

  it('reads a stack without resources as an empty template', () => {
    const app = new App({ builtinCloudFormationValidation: false, analyticsReporting: false });
    const stack = new Stack(app, 'Empty', { synthesizer: new LegacyStackSynthesizer() });
    expect(stackTemplates(stack).inputs[0]!.template.Resources).toEqual({});
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
    expect(authoredConstruct(role.node.findChild('DefaultPolicy').node.defaultChild!).node.path).toBe(
      'S/Role/DefaultPolicy',
    );
    expect(authoredConstruct(raw)).toBe(raw);
    expect(topLevelStackOf(inner)).toBe(stack);
    expect(topLevelStackOf(app)).toBeUndefined();
    expect(topLevelStackOf(app.node.findChild('Tree'))).toBeUndefined();
  });
});

describe('stackTemplates from the synthesized files', () => {
  function parentWithNestedStack() {
    const app = new App({ builtinCloudFormationValidation: false });
    const parent = new Stack(app, 'Parent');
    const parentRole = new iam.Role(parent, 'ParentRole', {
      roleName: 'parent-role',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    const nested = new NestedStack(parent, 'Child');
    new iam.Role(nested, 'ChildRole', { roleName: 'child-role', assumedBy: new iam.ArnPrincipal(parentRole.roleArn) });
    return { app, parent };
  }

  it('reads what synthesis wrote, nested stacks included, into the inputs rendering gives (names, paths, parameters)', () => {
    const { app, parent } = parentWithNestedStack();
    const written = app.synth().getStackByName('Parent').templateFullPath;
    const read = stackTemplates(parent, { synthesizedTemplate: written });
    const rendered = stackTemplates(parent);
    const nestedFile = join(dirname(written), (parent.node.findChild('Child') as NestedStack).templateFile);
    expect(read.inputs.map((input) => input.file)).toEqual([written, nestedFile]);
    expect(read.inputs.map(({ file: _file, ...input }) => input)).toEqual(JSON.parse(JSON.stringify(rendered.inputs)));
    expect([...read.resources.keys()]).toEqual([...rendered.resources.keys()]);
    expect(read.inputs[1]!.paths).toEqual({
      [Object.keys(read.inputs[1]!.template.Resources)[0]!]: 'Parent/Child/ChildRole/Resource',
    });
  });

  it('fails with the file named when a synthesized template is missing', () => {
    const { parent } = parentWithNestedStack();
    expect(() => stackTemplates(parent, { synthesizedTemplate: '/nonexistent/Parent.template.json' })).toThrow(
      '/nonexistent/Parent.template.json: cannot read file (ENOENT)',
    );
  });

  it('fails with the file and line named when a synthesized template is not a template', () => {
    const { parent } = parentWithNestedStack();
    const folder = mkdtempSync(join(tmpdir(), 'eg-synthesized-'));
    const broken = join(folder, 'Broken.template.json');
    writeFileSync(broken, '{\n  "Resources": {\n    "Role": ,\n  }\n}\n');
    expect(() => stackTemplates(parent, { synthesizedTemplate: broken })).toThrow(`${broken}:3:`);
    const notObject = join(folder, 'List.template.json');
    writeFileSync(notObject, '[]');
    expect(() => stackTemplates(parent, { synthesizedTemplate: notObject })).toThrow(
      `${notObject}: expected a CloudFormation template (a JSON object)`,
    );
  });
});
