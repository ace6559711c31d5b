import { NestedStack, Stack, Stage, Validations, type App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it, vi } from 'vitest';
import { EntitlementGuardValidation } from '../../cdk-aspects/index.js';
import { EntitlementGuardChecks } from '../../cdk-aspects/nag.js';
import { batchUserWithKey, exampleCatalog, NOW, testApp } from './support.js';

const catalog = exampleCatalog();

/** The message of the error an in-process synth throws (validation-plugin violations throw unless run by the CLI). */
function synthError(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected app.synth() to throw');
}

function appWithMistakes() {
  const app = testApp();
  const stack = new Stack(app, 'S');
  const user = new iam.User(stack, 'User', { userName: 'payments-api-batch' });
  const key = new iam.AccessKey(stack, 'Key', { user });
  const role = new iam.Role(stack, 'Api', {
    roleName: 'payments-api-wide',
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
  return { app, stack, key, role };
}

function violations(report: {
  violations: { ruleName: string; severity?: string; violatingResources: { constructPath?: string }[] }[];
}) {
  return report.violations
    .flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.severity} ${violation.ruleName} ${resource.constructPath}`,
      ),
    )
    .sort();
}

describe('EntitlementGuardChecks (cdk-nag 3 pack)', () => {
  it('reports granular, prefixed rule ids per L1 resource, at the finding level', () => {
    const { app } = appWithMistakes();
    const report = new EntitlementGuardChecks(app, { catalog, now: NOW }).validateScope(app);
    expect(report.success).toBe(false);
    expect(violations(report)).toEqual([
      'error EntitlementGuard-no-long-lived-credentials[Credential::aws-access-key] S/Key/Resource',
      'error EntitlementGuard-no-wildcard-privilege[Action::s3:*] S/Api/DefaultPolicy/Resource',
      'error EntitlementGuard-require-entitlement[Policy::ApiDefaultPolicy47491513] S/Api/DefaultPolicy/Resource',
    ]);
  });

  it("carries each finding in full (what, where, why, the exception to request) with its cloud's fix, once, one violation per resource", async () => {
    const { app, stack } = appWithMistakes();
    // A second resource with the same nag rule id: each keeps its own message.
    new iam.AccessKey(stack, 'OtherKey', { user: new iam.User(stack, 'Other', { userName: 'payments-api-other' }) });
    const report = new EntitlementGuardChecks(app, { catalog, now: NOW }).validateScope(app);
    for (const violation of report.violations) {
      expect(violation.violatingResources).toHaveLength(1);
      expect(violation.description).toContain(`  resource: ${violation.violatingResources[0]!.constructPath} `);
      expect(violation.description).not.toContain('fix:');
      expect(violation.fix).not.toMatch(/Azure|Google Cloud|Kubernetes/);
    }
    const text = report.violations
      .map((v) => `${v.ruleName} ${v.violatingResources[0]!.constructPath}\n${v.description}\nfix: ${v.fix}\n`)
      .join('\n');
    await expect(text).toMatchFileSnapshot('__snapshots__/nag-messages.txt');
  });

  it('lets cdk-nag drop an acknowledged finding but reports the acknowledgement as an unapproved waiver', () => {
    const { app, role } = appWithMistakes();
    Validations.of(role).acknowledge({
      id: 'EntitlementGuard-no-wildcard-privilege[Action::s3:*]',
      reason: 'analytics needs it',
    });
    const report = new EntitlementGuardChecks(app, { catalog, now: NOW }).validateScope(app);
    expect(violations(report)).toEqual([
      'error EntitlementGuard-no-long-lived-credentials[Credential::aws-access-key] S/Key/Resource',
      'error EntitlementGuard-require-entitlement[Policy::ApiDefaultPolicy47491513] S/Api/DefaultPolicy/Resource',
      'error EntitlementGuard-unapproved-waiver[no-wildcard-privilege] S/Api/DefaultPolicy/Resource',
    ]);
  });

  it('passes a report whose findings are all advisory, as every other front-end does: warnings, and synth goes on', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const role = new iam.Role(stack, 'Api', {
      roleName: 'payments-api-ledger',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    // Within the role's entitlements, but s3:HeadBucket is no IAM action: policy-validity, advisory.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 's3:HeadBucket'],
        resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/payments-ledger'],
      }),
    );
    const pack = new EntitlementGuardChecks(app, { catalog, now: NOW });
    const report = pack.validateScope(app);
    expect([report.success, violations(report)]).toEqual([
      true,
      ['warning EntitlementGuard-policy-validity[Action::s3:HeadBucket] S/Api/DefaultPolicy/Resource'],
    ]);
    Validations.of(app).addPlugins(pack);
    expect(() => app.synth()).not.toThrow();
  });

  it('runs inside synth as a validation plugin next to other packs', () => {
    const { app } = appWithMistakes();
    Validations.of(app).addPlugins(new EntitlementGuardChecks(app, { catalog, now: NOW }));
    expect(() => app.synth()).toThrow(/EntitlementGuard-no-wildcard-privilege\[Action::s3:\*\]/);
  });
  it('inside synth reads the written templates, nested ones included, instead of rendering each stack again', () => {
    const { app, stack } = appWithMistakes();
    const nested = new NestedStack(stack, 'Batch');
    new iam.AccessKey(nested, 'NestedKey', {
      user: new iam.User(nested, 'NestedUser', { userName: 'payments-api-nested' }),
    });
    const renderings = vi.spyOn(stack as unknown as { _toCloudFormation(): object }, '_toCloudFormation');
    Validations.of(app).addPlugins(new EntitlementGuardChecks(app, { catalog, now: NOW }));
    const message = synthError(app);
    expect(renderings).toHaveBeenCalledTimes(1);
    expect(message).toContain('S/Batch/NestedKey/Resource');
    expect(message).toContain('S/Key/Resource');
    expect(message).toMatch(/EntitlementGuard-no-long-lived-credentials\[Credential::aws-access-key\]/);
  });
});

describe('EntitlementGuardChecks on a Stage', () => {
  it("checks the stacks of its own Stage only, as the validation plugin does, and reports a template's macro on the stack's first resource", () => {
    const app = testApp();
    const checked = new Stage(app, 'Checked');
    const stack = new Stack(checked, 'S');
    stack.addTransform('SomeMacro');
    batchUserWithKey(stack);
    // Another Stage's key: not this pack's to judge (it may run on another catalog).
    batchUserWithKey(new Stack(new Stage(app, 'Other'), 'S'));
    const pack = new EntitlementGuardChecks(checked, { catalog, now: NOW });
    const validate = vi.spyOn(pack, 'validate');
    Validations.of(checked).addPlugins(pack);
    synthError(app);
    const report = validate.mock.results[0]!.value as ReturnType<EntitlementGuardChecks['validate']>;
    expect(violations(report)).toEqual([
      'error EntitlementGuard-no-long-lived-credentials[Credential::aws-access-key] Checked/S/Key/Resource',
      'error EntitlementGuard-no-unseen-content[Unseen::the transform (macro) SomeMacro] Checked/S/User/Resource',
    ]);
  });
});

describe('EntitlementGuardValidation (CDK policy-validation plugin)', () => {
  it('fails synth in-process with the blocking findings of the synthesized templates', () => {
    const { app } = appWithMistakes();
    Validations.of(app).addPlugins(new EntitlementGuardValidation({ catalog, now: NOW }));
    const message = synthError(app);
    for (const ruleId of ['no-long-lived-credentials', 'no-wildcard-privilege', 'require-entitlement'])
      expect(message).toContain(`[EntitlementGuard] ${ruleId} (mandatory)`);
    expect(message).toContain('resource: S/Api/DefaultPolicy/Resource (AWS::IAM::Policy ApiDefaultPolicy47491513)');
    expect(message).toContain('resource: S/Key/Resource (AWS::IAM::AccessKey Key961B73FD)');
    // The waiver hint names the user's catalog record (matched by its physical name), not the key's hashed logical id.
    expect(message).toContain(
      'waiver: only an approved, unexpired catalog exception waives it (rule: no-long-lived-credentials, target: payments-api)',
    );
    expect(message).not.toContain('target: Key961B73FD');
  });

  it("says the fix once per violation, in the report's fix field, for the finding's cloud", () => {
    const { app } = appWithMistakes();
    const plugin = new EntitlementGuardValidation({ catalog, now: NOW });
    const validate = vi.spyOn(plugin, 'validate');
    Validations.of(app).addPlugins(plugin);
    const message = synthError(app);
    const report = validate.mock.results[0]!.value as ReturnType<EntitlementGuardValidation['validate']>;
    expect(report.violations.map((violation) => violation.ruleName).sort()).toEqual([
      'no-long-lived-credentials',
      'no-wildcard-privilege',
      'require-entitlement',
    ]);
    // The access key's fix, as the CDK prints the report: once.
    const keyFix = report.violations.find((violation) => violation.ruleName === 'no-long-lived-credentials')!.fix!;
    expect(message.split(keyFix).length - 1).toBe(1);
    for (const violation of report.violations) {
      expect(violation.description).not.toContain('fix:');
      expect(violation.fix).toMatch(/^[A-Z]/);
      expect(violation.fix).not.toMatch(/Azure|Google Cloud|Kubernetes/);
    }
  });

  it('checks nested stacks in-process too (without asset metadata), named by construct path', () => {
    const { app, stack } = appWithMistakes();
    const nested = new NestedStack(stack, 'Batch');
    new iam.AccessKey(nested, 'NestedKey', {
      user: new iam.User(nested, 'NestedUser', { userName: 'payments-api-nested' }),
    });
    Validations.of(app).addPlugins(new EntitlementGuardValidation({ catalog, now: NOW }));
    const message = synthError(app);
    expect(message).toMatch(/resource: S\/Batch\/NestedKey\/Resource \(AWS::IAM::AccessKey NestedKey\w+\)/);
    expect(message).toMatch(/S\/Batch\/NestedKey\/Resource \(NestedKey\w+\)/);
    expect(message).toContain('resource: S/Key/Resource (AWS::IAM::AccessKey Key961B73FD)');
  });

  it('passes when only advisory findings remain: they are not violations', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    batchUserWithKey(stack);
    const advisory = { ...catalog, rules: { ...catalog.rules, 'no-long-lived-credentials': 'advisory' as const } };
    Validations.of(app).addPlugins(new EntitlementGuardValidation({ catalog: advisory, now: NOW }));
    expect(() => app.synth()).not.toThrow();
  });

  it('reports an acknowledged rule without a catalog exception as a fatal unapproved waiver', () => {
    const { app, key } = appWithMistakes();
    Validations.of(key).acknowledge({ id: 'EntitlementGuard::no-long-lived-credentials', reason: 'temporary' });
    const plugin = new EntitlementGuardValidation({ catalog, now: NOW });
    Validations.of(app).addPlugins(plugin);
    expect(() => app.synth()).toThrow(
      /FATAL \[EntitlementGuard\] unapproved waiver: "EntitlementGuard::no-long-lived-credentials"[\s\S]*would hide no-long-lived-credentials on S\/Key\/Resource/,
    );
  });
});
