import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Aspects,
  BootstraplessSynthesizer,
  CliCredentialsStackSynthesizer,
  DefaultStackSynthesizer,
  Fn,
  LegacyStackSynthesizer,
  NestedStack,
  Stack,
  Stage,
  Validations,
} from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { describe, expect, it, vi } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { batchUserWithKey, exampleCatalog, guardAnnotations, NOW, pairs, testApp } from './support.js';

/** The example catalog without its exceptions: their own (advisory) findings would show in every case. */
const catalog = { ...exampleCatalog(), exceptions: [] };
const guard = () => new EntitlementGuard({ catalog, now: NOW });
const lambdaTrust = () => new iam.ServicePrincipal('lambda.amazonaws.com');
/** A service role the example catalog fully sanctions (payments-api-*): only what a case adds can be flagged. */
function paymentsRole(scope: Stack, id: string, name: string): iam.Role {
  return new iam.Role(scope, id, { roleName: name, assumedBy: lambdaTrust() });
}

describe('EntitlementGuard aspect', () => {
  it('puts an error on the L2 user for its access key, not on the L1 resource, and synth does not throw in-process', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const user = new iam.User(stack, 'Sftp', { userName: 'payments-api-sftp' });
    new iam.AccessKey(stack, 'SftpKey', { user });
    Aspects.of(app).add(guard());
    expect(guardAnnotations(app, stack)).toEqual([
      { level: 'error', at: '/S/SftpKey', ruleId: 'no-long-lived-credentials', resource: 'S/SftpKey/Resource' },
    ]);
  });

  it('checks L1 constructs as written, including raw property overrides', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const raw = new iam.CfnRole(stack, 'Raw', {
      roleName: 'payments-api-raw',
      assumeRolePolicyDocument: {
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
    });
    raw.addPropertyOverride('Policies', [
      { PolicyName: 'all', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } },
    ]);
    Aspects.of(app).add(guard());
    const found = guardAnnotations(app, stack);
    expect(pairs(found)).toContain('no-wildcard-privilege S/Raw');
    expect(found.every((annotation) => annotation.at === '/S/Raw')).toBe(true);
  });

  it('reads grants made by bucket.grantRead(role) and reports them on the role the user wrote', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const role = paymentsRole(stack, 'Api', 'payments-api-reports');
    new s3.Bucket(stack, 'Reports').grantRead(role);
    Aspects.of(app).add(guard());
    // payments-api-* holds payments entitlements only: reading a bucket exceeds them.
    expect(guardAnnotations(app, stack)).toEqual([
      { level: 'error', at: '/S/Api', ruleId: 'require-entitlement', resource: 'S/Api/DefaultPolicy/Resource' },
    ]);
  });

  it('follows Fn::Join and Fn::GetAtt to values within the entitlement: a compliant role stays clean', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const role = paymentsRole(stack, 'Api', 'payments-api-ledger');
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [Fn.join('', ['arn:aws:dynamodb:eu-west-1:111122223333:table/', 'payments-ledger'])],
      }),
    );
    new iam.Role(stack, 'Caller', { roleName: 'payments-api-caller', assumedBy: new iam.ArnPrincipal(role.roleArn) });
    Aspects.of(app).add(guard());
    expect(guardAnnotations(app, stack)).toEqual([]);
  });

  it('fails closed on an imported value in a trust principal', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    new iam.Role(stack, 'Trusting', {
      roleName: 'payments-api-trusting',
      assumedBy: new iam.ArnPrincipal(Fn.importValue('shared-ci-role-arn')),
    });
    Aspects.of(app).add(guard());
    const messages = app
      .synth()
      .getStackArtifact('S')
      .messages.map((message) => String(message.entry.data));
    expect(guardAnnotations(app, stack)).toEqual([
      { level: 'error', at: '/S/Trusting', ruleId: 'restrict-trust', resource: 'S/Trusting/Resource' },
    ]);
    expect(messages[0]).toContain('Fn::ImportValue shared-ci-role-arn');
    expect(messages[0]).toContain('fails closed');
  });

  it("judges who a secret's resource policy lets read it: grantRead to an account, addToResourcePolicy with AnyPrincipal", () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const secret = new secretsmanager.Secret(stack, 'Db', { secretName: 'payments/ledger-db' });
    secret.grantRead(new iam.AccountPrincipal('999999999999'));
    // The account the example catalog trusts reads it too: it passes.
    secret.grantRead(new iam.AccountPrincipal('111122223333'));
    secret.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.AnyPrincipal()],
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['*'],
      }),
    );
    Aspects.of(app).add(guard());
    const trust = app
      .synth()
      .getStackArtifact(stack.artifactId)
      .messages.map((message) => `${message.level} ${message.id} ${String(message.entry.data)}`)
      .filter((text) => text.includes('] restrict-trust '))
      .map((text) => text.split('\n').slice(0, 2).join('\n'));
    expect(trust).toEqual([
      'error /S/Db/Policy [EntitlementGuard] restrict-trust (mandatory): Resource policy DbPolicy74F49291 lets account ' +
        '999999999999 (arn:aws:iam::999999999999:root) read secret payments/ledger-db (Action secretsmanager:GetSecretValue, ' +
        'secretsmanager:DescribeSecret), but the catalog (examples/catalog.yaml) does not list that account under ' +
        'trust.accounts (listed: 111122223333, 444455556666). Narrow Principal to accounts the catalog trusts, or record the ' +
        'account with its owner under trust.accounts after review.\n' +
        '  resource: S/Db/Policy/Resource (AWS::SecretsManager::ResourcePolicy DbPolicy74F49291) Account::999999999999',
      'error /S/Db/Policy [EntitlementGuard] restrict-trust (mandatory): Resource policy DbPolicy74F49291 lets any AWS ' +
        'principal (AWS: "*") read secret payments/ledger-db (Action secretsmanager:GetSecretValue) and no condition narrows ' +
        'it. Narrow Principal to the own account or accounts the catalog lists under trust.accounts, or add a condition on ' +
        'aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>).\n' +
        '  resource: S/Db/Policy/Resource (AWS::SecretsManager::ResourcePolicy DbPolicy74F49291) Principal::*',
    ]);
  });

  it('checks policies added to an imported role (Role.fromRoleArn)', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const imported = iam.Role.fromRoleArn(stack, 'Shared', 'arn:aws:iam::111122223333:role/shared-etl');
    imported.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    Aspects.of(app).add(guard());
    expect(pairs(guardAnnotations(app, stack))).toEqual(['no-wildcard-privilege S/Shared/Policy/Resource']);
  });

  it('evaluates nested stacks with their parent and annotates the nested construct', () => {
    const app = testApp();
    const stack = new Stack(app, 'Parent');
    const nested = new NestedStack(stack, 'Child');
    const admin = new iam.Role(nested, 'Admin', {
      roleName: 'payments-api-admin',
      assumedBy: lambdaTrust(),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    Aspects.of(app).add(guard());
    app.synth();
    const annotations = admin.node.metadata
      .filter((entry) => entry.type === 'aws:cdk:error')
      .map((entry) => String(entry.data));
    expect(
      annotations.some(
        (text) =>
          text.startsWith('[EntitlementGuard] no-wildcard-privilege') &&
          text.includes('resource: Parent/Child/Admin/Resource'),
      ),
    ).toBe(true);
  });

  it('keeps the renderings of the nested stacks it visits, at any depth, for their deployment: none is rendered again to be judged', () => {
    const app = testApp();
    const stack = new Stack(app, 'Parent');
    const child = new NestedStack(stack, 'Child');
    const grandchild = new NestedStack(child, 'Grandchild');
    batchUserWithKey(grandchild);
    Aspects.of(app).add(guard());
    const renderings = vi.spyOn(Stack.prototype as unknown as { _toCloudFormation(): object }, '_toCloudFormation');
    const messages = app.synth().getStackArtifact(stack.artifactId).messages;
    // Each nested stack: once for its template's asset hash, once in its own synthesis.
    expect(renderings.mock.contexts.filter((context) => context === child)).toHaveLength(2);
    expect(renderings.mock.contexts.filter((context) => context === grandchild)).toHaveLength(2);
    renderings.mockRestore();
    expect(
      messages.some((message) => String(message.entry.data).startsWith('[EntitlementGuard] no-long-lived-credentials')),
    ).toBe(true);
  });

  it('leaves every template as the CDK writes it without the guard, the bootstrap version check included, under each stack synthesizer', () => {
    // A nested stack is a file asset, which the BootstraplessSynthesizer refuses.
    const synthesizers = {
      default: { synthesizer: () => new DefaultStackSynthesizer(), nested: true },
      legacy: { synthesizer: () => new LegacyStackSynthesizer(), nested: true },
      'cli credentials': { synthesizer: () => new CliCredentialsStackSynthesizer(), nested: true },
      bootstrapless: { synthesizer: () => new BootstraplessSynthesizer(), nested: false },
    };
    for (const [name, { synthesizer, nested }] of Object.entries(synthesizers)) {
      const written = (guarded: boolean) => {
        const app = testApp();
        const stack = new Stack(app, 'S', { synthesizer: synthesizer() });
        batchUserWithKey(stack);
        if (nested) batchUserWithKey(new NestedStack(stack, 'Batch'));
        if (guarded) Aspects.of(app).add(guard());
        const assembly = app.synth();
        const artifact = assembly.getStackArtifact(stack.artifactId);
        const nestedFile = readdirSync(assembly.directory).filter((file) => file.endsWith('.nested.template.json'));
        return {
          templates: [
            artifact.template,
            ...nestedFile.map((file) => readFileSync(join(assembly.directory, file), 'utf8')),
          ],
          errors: artifact.messages
            .filter((message) => message.level === 'error')
            .map((message) => `${message.id} ${/^\[EntitlementGuard\] (\S+)/.exec(String(message.entry.data))?.[1]}`),
        };
      };
      const bare = written(false);
      const guarded = written(true);
      expect(guarded.templates, name).toEqual(bare.templates);
      expect(bare.errors, name).toEqual([]);
      expect(guarded.errors.sort(), name).toEqual([
        ...(nested ? ['/S/Batch/Key no-long-lived-credentials'] : []),
        '/S/Key no-long-lived-credentials',
      ]);
    }
  });

  it('lets every guard judge a stack: one on the app without exceptions, one on the stack with the exception that waives its key', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    new iam.AccessKey(stack, 'Key', { user: new iam.User(stack, 'Legacy', { userName: 'legacy-sftp-sync' }) });
    Aspects.of(app).add(guard());
    Aspects.of(stack).add(new EntitlementGuard({ catalog: exampleCatalog(), now: NOW }));
    expect(
      guardAnnotations(app, stack).filter((annotation) => annotation.ruleId === 'no-long-lived-credentials'),
    ).toEqual([
      { level: 'error', at: '/S/Key', ruleId: 'no-long-lived-credentials', resource: 'S/Key/Resource' },
      { level: 'info', at: '/S/Key', ruleId: 'no-long-lived-credentials', resource: 'S/Key/Resource' },
    ]);
  });

  it('checks every stack of the app, and only the stack it was added to when added to one', () => {
    const app = testApp();
    const first = new Stack(app, 'First');
    const second = new Stack(app, 'Second');
    for (const stack of [first, second]) batchUserWithKey(stack);
    Aspects.of(second).add(guard());
    expect(guardAnnotations(app, first)).toEqual([]);
    expect(pairs(guardAnnotations(app, second))).toEqual(['no-long-lived-credentials Second/Key/Resource']);
  });

  it('checks only the subtree of a construct inside a stack it was added to, in a stack it never visited', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const team = new Construct(stack, 'Team');
    for (const scope of [stack, team]) batchUserWithKey(scope);
    Aspects.of(team).add(guard());
    expect(pairs(guardAnnotations(app, stack))).toEqual(['no-long-lived-credentials S/Team/Key/Resource']);
  });

  it('waives a finding only while its catalog exception is valid', () => {
    const build = (expires: string) => {
      const app = testApp();
      const stack = new Stack(app, 'S');
      const user = new iam.User(stack, 'Legacy', { userName: 'legacy-sftp-sync' });
      new iam.AccessKey(stack, 'Key', { user });
      const withException = exampleCatalog().exceptions.map((exception) =>
        exception.id === 'EXC-101' ? { ...exception, expires } : exception,
      );
      Aspects.of(app).add(new EntitlementGuard({ catalog: { ...catalog, exceptions: withException }, now: NOW }));
      return guardAnnotations(app, stack).filter((annotation) => annotation.ruleId === 'no-long-lived-credentials');
    };
    expect(build('2027-06-30')).toEqual([
      { level: 'info', at: '/S/Key', ruleId: 'no-long-lived-credentials', resource: 'S/Key/Resource' },
    ]);
    expect(build('2026-05-31')).toEqual([
      { level: 'error', at: '/S/Key', ruleId: 'no-long-lived-credentials', resource: 'S/Key/Resource' },
    ]);
  });

  it('reports advisory findings as warnings', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    batchUserWithKey(stack);
    Aspects.of(app).add(
      new EntitlementGuard({
        catalog: { ...catalog, rules: { ...catalog.rules, 'no-long-lived-credentials': 'advisory' } },
        now: NOW,
      }),
    );
    expect(guardAnnotations(app, stack)).toEqual([
      { level: 'warning', at: '/S/Key', ruleId: 'no-long-lived-credentials', resource: 'S/Key/Resource' },
    ]);
  });

  it('treats an acknowledgement of one of its rules as an unapproved waiver, never as a waiver', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const key = batchUserWithKey(stack);
    Validations.of(key).acknowledge({
      id: 'EntitlementGuard-no-long-lived-credentials',
      reason: 'we rotate it by hand',
    });
    Aspects.of(app).add(guard());
    const errors = app
      .synth()
      .getStackArtifact('S')
      .messages.filter((message) => message.level === 'error')
      .map((message) => String(message.entry.data));
    expect(errors).toHaveLength(2);
    expect(errors.find((text) => text.startsWith('[EntitlementGuard] unapproved waiver'))).toContain(
      'would hide no-long-lived-credentials on S/Key/Resource',
    );
  });

  it('finds acknowledgements above a finding (on its stack, inside a nested stack), never beside it', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const nested = new NestedStack(stack, 'Team');
    const user = new iam.User(nested, 'User', { userName: 'payments-api-batch' });
    new iam.AccessKey(nested, 'Key', { user });
    const acknowledge = (scope: Construct) =>
      Validations.of(scope).acknowledge({ id: 'EntitlementGuard-no-long-lived-credentials', reason: 'by hand' });
    [stack, nested, user].forEach(acknowledge);
    Aspects.of(app).add(guard());
    const waivers = app
      .synth()
      .getStackArtifact('S')
      .messages.filter((message) => String(message.entry.data).startsWith('[EntitlementGuard] unapproved waiver'))
      .map((message) => message.id);
    expect(waivers.sort()).toEqual(['/S', '/S/Team']);
  });

  it('fails the synthesis when added above a Stage it cannot reach (a CDK Pipelines stage), and checks a Stage given its own', () => {
    const build = (guardStage: boolean) => {
      const app = testApp();
      new Stack(app, 'Pipeline');
      const stage = new Stage(app, 'Prod');
      const stack = new Stack(stage, 'S');
      batchUserWithKey(stack);
      Aspects.of(app).add(guard());
      if (guardStage) Aspects.of(stage).add(guard());
      return { app, stage, stack };
    };
    const unguarded = build(false).app;
    expect(() => unguarded.synth()).toThrow(
      'EntitlementGuard: Stage Prod is not checked: the CDK does not apply the aspects of a Stage',
    );
    const { app, stage, stack } = build(true);
    app.synth();
    const errors = stage
      .synth()
      .getStackArtifact(stack.artifactId)
      .messages.filter((message) => message.level === 'error');
    expect(
      errors.map((message) => [message.id, /^\[EntitlementGuard\] (\S+)/.exec(String(message.entry.data))?.[1]]),
    ).toEqual([['/Prod/S/Key', 'no-long-lived-credentials']]);
  });

  it('fails the synthesis with an error on the stack, located where the app created the guard, when the catalog cannot be loaded', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    new iam.User(stack, 'User', { userName: 'payments-api-batch' });
    Aspects.of(app).add(new EntitlementGuard({ catalog: '/nonexistent/catalog.yaml' }));
    const messages = app.synth().getStackArtifact(stack.artifactId).messages;
    expect(messages.map((message) => [message.level, message.id])).toEqual([['error', '/S']]);
    expect(String(messages[0]?.entry.data)).toMatch(
      /^\[EntitlementGuard\] the stack was not checked: invalid catalog: 1 issue\n\/nonexistent\/catalog\.yaml: cannot read catalog: cannot read file \(ENOENT\)\n {2}source: test\/cdk\/aspect\.test\.ts:\d+:\d+$/,
    );
    // The trace the toolkit prints starts at the app's line, never in this package.
    expect(messages[0]?.entry.trace?.[0]).toMatch(/test\/cdk\/aspect\.test\.ts:\d+:\d+\)?$/);
  });
});
