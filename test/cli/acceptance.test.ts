import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

/**
 * The acceptance cases, one small template each (cfn-lint style), checked against examples/catalog.yaml.
 * Each case lists the exact findings on the template's resources as `rule resource detail`. Escalation paths
 * (no-privilege-escalation) are listed only as a rule id: there is one finding per path an admin grant opens.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/cloudformation/acceptance');
const REPO = join(import.meta.dirname, '../..');

function check(fixture: string) {
  const result = runCheck({
    paths: [join(FIXTURES, fixture)],
    catalogPath: join(REPO, 'examples/catalog.yaml'),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
  const onTemplate = result.result!.findings.filter(
    (finding) => finding.resource.file === `test/fixtures/cloudformation/acceptance/${fixture}`,
  );
  return {
    exitCode: result.exitCode,
    rules: [...new Set(onTemplate.map((finding) => finding.ruleId))].sort(),
    findings: onTemplate
      .filter((finding) => finding.ruleId !== 'no-privilege-escalation')
      .map(
        (finding) =>
          `${finding.ruleId} ${finding.resource.type} ${finding.resource.name} ${finding.detail}${finding.level === 'advisory' ? ' (advisory)' : ''}`,
      ),
  };
}

describe('check blocks', () => {
  it.each([
    [
      'access-key.template.yaml',
      ['no-long-lived-credentials AWS::IAM::AccessKey DeployerKey Credential::aws-access-key'],
    ],
    [
      'action-star.template.yaml',
      ['no-wildcard-privilege AWS::IAM::Role Role Action::*', 'require-entitlement AWS::IAM::Role Role Policy::Role/p'],
    ],
    [
      'iam-star-on-star.template.yaml',
      [
        'no-wildcard-privilege AWS::IAM::Role Role Action::iam:*',
        'require-entitlement AWS::IAM::Role Role Policy::Role/p',
      ],
    ],
    [
      'allow-not-action.template.yaml',
      [
        'no-wildcard-privilege AWS::IAM::Role Role NotAction::s3:*',
        'require-entitlement AWS::IAM::Role Role Policy::Role/p',
      ],
    ],
    [
      'administrator-access-role.template.yaml',
      [
        'no-wildcard-privilege AWS::IAM::Role Role Policy::AdministratorAccess',
        'require-entitlement AWS::IAM::Role Role Policy::AdministratorAccess',
      ],
    ],
    [
      'ownerless-role.template.yaml',
      [
        'require-entitlement AWS::IAM::Role Role Class::undeclared',
        'require-entitlement AWS::IAM::Role Role Entitlement::none',
        'require-owner AWS::IAM::Role Role Owner::missing',
      ],
    ],
    ['trust-principal-star.template.yaml', ['restrict-trust AWS::IAM::Role Role Principal::*']],
    [
      'github-oidc-without-sub.template.yaml',
      ['restrict-trust AWS::IAM::Role Role Condition::token.actions.githubusercontent.com:sub'],
    ],
    ['secret-without-rotation.template.yaml', ['secret-rotation AWS::SecretsManager::Secret Secret Rotation::none']],
    [
      'secret-policy-readable-outside.template.yaml',
      [
        'restrict-trust AWS::SecretsManager::ResourcePolicy DbSecretPolicy Account::999999999999',
        'restrict-trust AWS::SecretsManager::ResourcePolicy DbSecretPolicy Principal::*',
        // secretsmanager:* also lets the untrusted account replace or delete the value.
        'restrict-trust AWS::SecretsManager::ResourcePolicy DbSecretPolicy Write::Account::999999999999',
        // Pending, and blocking as the imported principal of unresolvable-action-and-principal is (below).
        'restrict-trust AWS::SecretsManager::ResourcePolicy SharedSecretPolicy Principal::unknown',
      ],
    ],
  ])('%s', (fixture, expected) => {
    const { exitCode, findings } = check(fixture);
    expect(findings).toEqual(expected);
    expect(exitCode).toBe(1);
  });

  it('reports the escalation paths an admin grant opens, and only for admin grants', () => {
    expect(check('action-star.template.yaml').rules).toEqual([
      'no-privilege-escalation',
      'no-wildcard-privilege',
      'require-entitlement',
    ]);
    expect(check('allow-not-action.template.yaml').rules).toEqual([
      'no-privilege-escalation',
      'no-wildcard-privilege',
      'require-entitlement',
    ]);
    expect(check('trust-principal-star.template.yaml').rules).toEqual(['restrict-trust']);
  });
});

describe('check fails closed on values the template cannot resolve', () => {
  it('blocks an imported Action and trust Principal under mandatory rules, marked pending', () => {
    const result = runCheck({
      paths: [join(FIXTURES, 'unresolvable-action-and-principal.template.yaml')],
      catalogPath: join(REPO, 'examples/catalog.yaml'),
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: REPO,
      toolVersion: 'test',
    });
    const pending = result.result!.findings.filter((finding) => finding.pending);
    expect(pending.map((finding) => [finding.ruleId, finding.resource.name, finding.level])).toEqual([
      ['no-privilege-escalation', 'Role', 'mandatory'],
      ['no-wildcard-privilege', 'Role', 'mandatory'],
      ['require-entitlement', 'Role', 'mandatory'],
      ['restrict-trust', 'Role', 'mandatory'],
    ]);
    expect(pending.find((finding) => finding.ruleId === 'restrict-trust')!.message).toContain(
      'Fn::ImportValue TrustedRoleArn (exported by another stack)',
    );
    expect(result.result!.summary.blocking).toBe(4);
    expect(result.exitCode).toBe(1);
  });
});

describe('check does not flag', () => {
  it('a Deny on iam:* next to a scoped grant, nor a compliant role', () => {
    expect(check('deny-iam-star.template.yaml')).toEqual({ exitCode: 0, rules: [], findings: [] });
    expect(check('compliant-role.template.yaml')).toEqual({ exitCode: 0, rules: [], findings: [] });
  });

  it("s3:GetObject on one bucket as privilege (only as outside the role's entitlements)", () => {
    expect(check('scoped-s3-get-object.template.yaml').findings).toEqual([
      'require-entitlement AWS::IAM::Role Role Policy::Role/read-one-bucket',
    ]);
  });
});
