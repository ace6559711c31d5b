/**
 * IAM Roles Anywhere in public templates (test/corpus/roles-anywhere, README.md there names each source and judges each
 * finding), checked through the CLI with no catalog. What the three rules that judge Roles Anywhere say is pinned:
 * no-long-lived-credentials (the certificate credential, on the profile), restrict-trust (the trust anchor and the
 * certificate subject) and session-within-class (a profile's DurationSeconds, judged only for a declared class, so
 * silent here). The plan file is ours, written after the Terraform AWS provider's documented example.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const RULES = new Set(['no-long-lived-credentials', 'restrict-trust', 'session-within-class']);

function findings(file: string): string[] {
  const result = runCheck({
    paths: [join(import.meta.dirname, 'roles-anywhere', file)],
    format: 'json',
    now: new Date('2026-12-06T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? [])
    .filter((finding) => RULES.has(finding.ruleId))
    .map(
      (finding) =>
        `${finding.ruleId} ${finding.level}${finding.pending ? ' pending' : ''} ${finding.resource.name} ${finding.detail ?? '-'}`,
    )
    .sort();
}

describe('IAM Roles Anywhere in public templates', () => {
  it("aws-samples' external PKI sample: pinned to its anchor and subject; the certificate needs a class that allows it", () => {
    expect(findings('aws-samples-external-pki-integration.yaml')).toEqual([
      'no-long-lived-credentials mandatory RolesAnywhereProfile Credential::aws-roles-anywhere',
      'restrict-trust advisory CertExpiryEventTopicPolicy Service::events.amazonaws.com',
    ]);
  });

  it('igorlg/iam-roles-anywhere host stack: subject pinned, the anchor ARN an SSM parameter (pending)', () => {
    expect(findings('igorlg-host-stack.yaml')).toEqual([
      'no-long-lived-credentials mandatory HostProfile Credential::aws-roles-anywhere',
      'restrict-trust mandatory pending HostRole Condition::aws:SourceArn',
    ]);
  });

  it('igorlg/iam-roles-anywhere role stack: no subject condition, the anchor ARN a parameter (pending)', () => {
    expect(findings('igorlg-role.yaml')).toEqual([
      'no-long-lived-credentials mandatory Profile Credential::aws-roles-anywhere',
      'restrict-trust advisory Role Condition::aws:PrincipalTag/x509Subject',
      'restrict-trust mandatory pending Role Condition::aws:SourceArn',
    ]);
  });

  it("ours, after the Terraform AWS provider's example: no condition at all", () => {
    expect(findings('ours-terraform-provider-docs-example.plan.json')).toEqual([
      'no-long-lived-credentials mandatory aws_rolesanywhere_profile.test Credential::aws-roles-anywhere',
      'restrict-trust advisory aws_iam_role.test Condition::aws:PrincipalTag/x509Subject',
      'restrict-trust mandatory aws_iam_role.test Condition::aws:SourceArn',
    ]);
  });
});
