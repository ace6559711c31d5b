/**
 * Resource policies in a Pulumi program (iam/aws/resource-policy-grants.ts): run under the SDK's mocks as `pulumi up`
 * plans it, each policy that names the stack's role is judged as the role's policy against examples/catalog.yaml; as
 * `pulumi preview` plans it, the role's ARN and so each policy are unknown, and each policy that waits for the role is
 * the role's grant not verifiable until apply (re-checked at `pulumi up`), not a grant to no one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const findingsIn = programFindings(path('./programs/resource-policies.ts'), CATALOG);

function verdicts(mode: 'update' | 'preview') {
  return findingsIn(mode)
    .filter((finding) => finding.ruleId !== 'exception-expiry')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();
}

describe('resource policies in a Pulumi program', () => {
  it('are judged as the role’s policies once the role’s ARN is known (pulumi up)', () => {
    expect(verdicts('update')).toEqual([
      'require-entitlement mandatory alertsPolicy Policy::alertsPolicy',
      'require-entitlement mandatory exportsPolicy Policy::exportsPolicy',
      'require-entitlement mandatory ledger Policy::ledger',
      'require-entitlement mandatory payouts Policy::payouts',
      // A secret's policy grants what it allows, as a bucket's does (it was judged only as trust before).
      'require-entitlement mandatory platformDbPolicy Policy::platformDbPolicy',
    ]);
  });

  it('are the role’s grants not verifiable until apply while its ARN is unknown (pulumi preview)', () => {
    const found = verdicts('preview');
    for (const policy of ['alertsPolicy', 'exportsPolicy', 'ledger', 'payouts', 'platformDbPolicy'])
      expect(found).toContain(`require-entitlement advisory ${policy} Grant::unknown pending`);
    expect(found.every((line) => line.endsWith(' pending'))).toBe(true);
  });
});
