/**
 * Through the CLI on plain CloudFormation: `Bool kms:GrantIsForAWSResource "true"` restricts kms:CreateGrant,
 * kms:ListGrants and kms:RevokeGrant to requests an AWS service integrated with KMS sends for the principal (EC2
 * attaching an encrypted volume), as `Bool aws:ViaAWSService "true"` restricts any action: the grant is the service's.
 * It was read as no restriction, so the statement AWS's default key policy, AWS Backup's service role and the EBS CSI
 * driver's policy write was reported as kms:CreateGrant on every key (the managed-policy corpus's known noisy case).
 * `"false"` and `BoolIfExists` still report: the role may then call CreateGrant itself and name any grantee.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const FILE = 'test/fixtures/cloudformation/kms-grants-for-aws-resources/grants-made-by-aws-services.template.yaml';

const unrestricted = (policy: string) =>
  `Policy ${policy} allows privileged actions kms:CreateGrant, kms:RevokeGrant on Resource "*" without a Condition ` +
  'that restricts them (one on the caller, its connection or its own request tags, or an IfExists one on a key the ' +
  'request may omit, a negated or an all-wildcard one, does not). Scope them to the resource ARNs needed, or add a ' +
  'Condition that constrains them (for iam:PassRole, StringEquals iam:PassedToService).';

describe('KMS grants made by AWS services', () => {
  it('Bool kms:GrantIsForAWSResource "true" restricts the grant actions; "false" and BoolIfExists do not', () => {
    const result = runCheck({
      paths: [join(REPO, FILE)],
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: REPO,
      toolVersion: 'test',
    });
    expect(result.errors).toEqual([]);
    const findings = (result.result?.findings ?? []).filter(
      ({ ruleId }) => ruleId !== 'require-owner' && ruleId !== 'require-entitlement',
    );
    expect(findings.map((f) => [`${f.ruleId} ${f.level} ${f.resource.name} ${f.detail}`, f.message])).toEqual([
      ['no-wildcard-privilege mandatory DirectGrants Resource::*', unrestricted('direct-grants')],
      ['no-wildcard-privilege mandatory GrantsIfExists Resource::*', unrestricted('grants-if-exists')],
    ]);
  });
});
