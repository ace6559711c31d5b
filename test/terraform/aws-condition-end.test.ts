/**
 * An AWS statement whose condition has ended it grants nothing (src/iam/aws/condition-time.ts): AWS's way to grant for
 * a while is a statement bounded by `DateLessThan aws:CurrentTime` (IAM User Guide, "Allows access within specific
 * dates"), and once that time has passed the statement is still written but no request meets its condition. Shown
 * through a Terraform plan, as Google Cloud's ended bindings are (gcp-condition-end.test.ts): an ended `*` on `*` in a
 * role policy, and an ended trust of another account, are no longer reported; an end still ahead, an `…IfExists`
 * bound and a date without its time and zone keep the statement judged; the audit lists each statement with its end.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { buildAudit } from '../../src/audit/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
});

const role = (name: string, assumeRolePolicy = LAMBDA_TRUST): PlannedResource => ({
  address: `aws_iam_role.${name}`,
  values: { name, assume_role_policy: assumeRolePolicy },
  unknown: { arn: true, id: true, unique_id: true, managed_policy_arns: true, inline_policy: true },
});

/** `*` on `*` for the role, bounded by `condition`. */
const adminUntil = (name: string, condition: Record<string, unknown>): PlannedResource => ({
  address: `aws_iam_role_policy.${name}`,
  values: {
    name,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }],
    }),
  },
  unknown: { id: true, role: true },
  references: { role: [`aws_iam_role.${name}.id`, `aws_iam_role.${name}`] },
});

const trustedUntil = (until: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { AWS: 'arn:aws:iam::999999999999:root' },
        Condition: { DateLessThan: { 'aws:CurrentTime': until } },
      },
    ],
  });

function verdicts(resources: PlannedResource[]): string[] {
  return evaluate(modelFromTerraformPlan(terraformPlan(resources)), { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'no-wildcard-privilege' || f.ruleId === 'restrict-trust')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`);
}

describe('AWS statements whose condition ended them, through a Terraform plan', () => {
  it('passes * on * whose DateLessThan aws:CurrentTime or NumericLessThan aws:EpochTime has passed', () => {
    expect(
      verdicts([
        role('ended'),
        adminUntil('ended', { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }),
        role('ended_epoch'),
        // 1780272000 is 2026-06-01T00:00:00Z; the start beside it changes nothing.
        adminUntil('ended_epoch', {
          DateGreaterThan: { 'aws:CurrentTime': '2026-05-01T00:00:00Z' },
          NumericLessThan: { 'aws:EpochTime': '1780272000' },
        }),
      ]),
    ).toEqual([]);
  });

  it('passes a trust of another account whose time condition has passed', () => {
    expect(verdicts([role('borrowed', trustedUntil('2026-06-01T00:00:00Z'))])).toEqual([]);
  });

  it('reports * on * whose end is ahead, IfExists, or a date without its zone, and a trust whose end is ahead', () => {
    expect(
      verdicts([
        role('ahead'),
        adminUntil('ahead', { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }),
        role('if_exists'),
        adminUntil('if_exists', { DateLessThanIfExists: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }),
        role('no_zone'),
        // A date without a time and zone: which instant IAM takes it for is not documented, so it is not read.
        adminUntil('no_zone', { DateLessThan: { 'aws:CurrentTime': '2026-06-01' } }),
        role('borrowed', trustedUntil('2027-01-01T00:00:00Z')),
      ]),
    ).toEqual([
      'no-wildcard-privilege mandatory aws_iam_role_policy.ahead Action::*',
      'no-wildcard-privilege mandatory aws_iam_role_policy.if_exists Action::*',
      'no-wildcard-privilege mandatory aws_iam_role_policy.no_zone Action::*',
      'restrict-trust mandatory aws_iam_role.borrowed Account::999999999999',
    ]);
  });

  it('the audit lists each statement with when its condition ends it; one that ended is privileged in nothing', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        role('ended'),
        adminUntil('ended', { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }),
        role('ahead'),
        adminUntil('ahead', { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }),
      ]),
    );
    const catalog = defaultCatalog();
    const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    expect(
      audit.identities.flatMap((identity) =>
        identity.grants.flatMap((grant) =>
          grant.statements.map(
            (statement) =>
              `${identity.name}: ${statement.text}; beyond entitlements ${statement.beyondEntitlements}; privileged ${statement.privileged?.length ?? 0} (${grant.privileged.length} in the grant)`,
          ),
        ),
      ),
    ).toEqual([
      'ahead: Allow * on * (its condition ends it at 2027-01-01T00:00:00.000Z); beyond entitlements true; privileged 7 (7 in the grant)',
      'ended: Allow * on * (its condition ends it at 2026-06-01T00:00:00.000Z); beyond entitlements false; privileged 0 (0 in the grant)',
    ]);
    // The review queue asks for a review of the grant still running only.
    expect(
      (audit.review?.owners ?? []).flatMap((owner) =>
        owner.items.filter((item) => item.kind === 'privileged-access').map((item) => item.identity),
      ),
    ).toEqual(['ahead']);
  });
  it('the audit lists who may assume a role as of now: an ended trust statement admits no one', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        role('vendor_ended', trustedUntil('2026-06-01T00:00:00Z')),
        role('vendor_ahead', trustedUntil('2027-01-01T00:00:00Z')),
      ]),
    );
    const catalog = defaultCatalog();
    const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    expect(
      audit.identities.map(
        (identity) =>
          `${identity.name}: ${identity.trust.map((entry) => `${entry.kind} ${entry.principal} ${entry.conditions.join(' & ')}`).join('; ')}`,
      ),
    ).toEqual([
      'vendor_ahead: aws-account arn:aws:iam::999999999999:root DateLessThan aws:CurrentTime = 2027-01-01T00:00:00Z',
      'vendor_ended: ',
    ]);
  });
});
