/**
 * Through the CLI on plain CloudFormation: a service's authorization for vended log delivery
 * (`<service>:AllowVendedLogDeliveryForResource`) is classed as Permissions management by the Service Authorization
 * Reference, but it is a permission-only action CloudWatch Logs asks for when a resource is made a delivery source: it
 * changes no one's access. It made AmazonBedrockFullAccess privileged by itself alone (an agent's function role in
 * aws-samples/amazon-bedrock-agents-healthcare-lifesciences), counted in every `ses:*`, `ecs:*`, `bedrock:*`, and made
 * a custom resource whose function only sets up log delivery unseen content. What else a wildcard holds still counts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/cloudformation/vended-log-delivery';

/** The findings of the rules that judge content (no catalog is given, so owner and entitlement findings are left out). */
function contentFindings(file: string) {
  const result = runCheck({
    paths: [join(REPO, FIXTURES, file)],
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? []).filter(
    ({ ruleId }) => ruleId !== 'require-owner' && ruleId !== 'require-entitlement',
  );
}

describe('vended log delivery authorizations', () => {
  it('AmazonBedrockFullAccess on a function role: no privileged action (its only Permissions management action is bedrock:AllowVendedLogDeliveryForResource)', () => {
    expect(contentFindings('bedrock-full-access-function-role.template.yaml')).toEqual([]);
  });

  it('the services’ delivery authorizations and the CloudWatch Logs delivery calls on every resource: no finding', () => {
    expect(contentFindings('log-delivery-setup-on-every-resource.template.yaml')).toEqual([]);
  });

  it('a custom resource whose function only sets up log delivery changes no access: no unseen content, no finding', () => {
    expect(contentFindings('log-delivery-custom-resource.template.yaml')).toEqual([]);
  });

  it('ses:* on every resource is still privileged by its identity-policy writes, counted and named without the delivery authorization', () => {
    const findings = contentFindings('ses-wildcard-on-every-resource.template.yaml');
    expect(findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail}`)).toEqual([
      'no-wildcard-privilege mandatory MailerRole Action::ses:*',
    ]);
    expect(findings[0]?.message).toBe(
      'Policy mail allows Action "ses:*" on Resource "*", which expands to 233 actions, 7 of them privileged ' +
        '(ses:ApplyTrackingConfigurationOverrides, ses:CreateEmailIdentityPolicy, ses:DeleteEmailIdentityPolicy, …). ' +
        'List only the actions needed instead of "ses:*"; keep privileged ones off unless required, on named resources.',
    );
  });
});
