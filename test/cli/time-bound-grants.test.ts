/**
 * Grants for a while through the built CLI (npm run build) on a CloudFormation template: an AWS statement whose
 * `DateLessThan aws:CurrentTime` (or `NumericLessThan aws:EpochTime`) has passed grants nothing, so a contractor's
 * administrator access that ended, and a vendor's trust that ended, are not reported, while an on-call role's IAM
 * access that ends next year is (src/iam/aws/condition-time.ts). The audit lists each bounded statement with its end.
 * `--now` fixes the time, so the verdicts do not change as the days pass.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const BIN = join(REPO, 'dist/bundle/cli.js');
const FIXTURE = 'test/cli/fixtures/time-bound-grants.yaml';
/** The catalog rules (no class, owner or entitlements declared) and the example catalog's own exception. */
const NOT_CONTENT = new Set(['require-owner', 'require-entitlement', 'exception-expiry']);

function run(command: string, now: string): { status: number | null; output: unknown } {
  const result = spawnSync(
    process.execPath,
    [BIN, command, FIXTURE, '--catalog', 'examples/catalog.yaml', '--now', now, '--format', 'json'],
    { cwd: REPO, encoding: 'utf8' },
  );
  return { status: result.status, output: JSON.parse(result.stdout) as unknown };
}

interface CheckOutput {
  findings: { ruleId: string; level: string; resource: { name: string }; detail?: string }[];
}

function contentFindings(now: string): string[] {
  const { output } = run('check', now);
  return (output as CheckOutput).findings
    .filter((finding) => !NOT_CONTENT.has(finding.ruleId))
    .map((finding) => `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.detail ?? '-'}`);
}

describe('grants for a while, through the built CLI', () => {
  it('after their ends, only the grant still running is reported', () => {
    expect(contentFindings('2026-12-06')).toEqual([
      'no-privilege-escalation mandatory OnCallRole Path::*',
      'no-wildcard-privilege mandatory OnCallRole Action::iam:*',
    ]);
  });

  it('before their ends, every grant is judged as written', () => {
    expect(contentFindings('2026-05-15')).toEqual([
      'no-privilege-escalation mandatory ContractorRole Path::*',
      'no-wildcard-privilege mandatory ContractorRole Action::*',
      'no-privilege-escalation mandatory OnCallRole Path::*',
      'no-wildcard-privilege mandatory OnCallRole Action::iam:*',
      'restrict-trust mandatory VendorRole Account::999999999999',
      'restrict-trust mandatory VendorRole Condition::sts:ExternalId',
    ]);
  });

  it('the audit lists each bounded statement with its end', () => {
    const { output } = run('audit', '2026-12-06');
    const audit = output as { identities: { name: string; grants: { statements: { text: string }[] }[] }[] };
    expect(
      audit.identities.flatMap((identity) =>
        identity.grants.flatMap((grant) => grant.statements.map((statement) => `${identity.name}: ${statement.text}`)),
      ),
    ).toEqual([
      'ContractorRole: Allow * on * (its condition ends it at 2026-06-01T00:00:00.000Z)',
      'OnCallRole: Allow iam:* on * (its condition ends it at 2027-01-01T00:00:00.000Z)',
    ]);
  });
});
