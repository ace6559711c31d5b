/**
 * Public and cross-account resource policies in a Pulumi program, run under the SDK's mocks: as `pulumi up` plans it,
 * restrict-trust reports the bucket policy open to `*` and the key policy for another account, and passes the topic
 * policy narrowed to the own account (AWS:SourceOwner) and the queue policy tied to a bucket of the stack; as
 * `pulumi preview` plans it, the policies built from values not known yet are pending (fail closed, re-checked at up).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from '../support/builders.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
// Trusts a partner account, not the stack's own (111122223333, the mocks' caller identity): the own account passes as own.
const CATALOG = catalog({ trust: { accounts: [{ id: '444455556666', owner: 'team-platform' }], oidc: [] } });
const findingsIn = programFindings(path('./programs/public-resource-policies.ts'), CATALOG);

function trustFindings(mode: 'update' | 'preview') {
  return findingsIn(mode).filter((finding) => finding.ruleId === 'restrict-trust');
}

describe('public and cross-account resource policies in a Pulumi program', () => {
  it('reports the public bucket policy and the key shared with another account (pulumi up)', () => {
    const found = trustFindings('update');
    expect(
      found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`).sort(),
    ).toEqual([
      'mandatory legacy Principal::*',
      'mandatory shared Account::999999999999',
      'mandatory sitePolicy Principal::*',
    ]);
    expect(found.find((f) => f.resource.name === 'sitePolicy')?.message).toMatch(
      /^Resource policy sitePolicy allows any AWS principal \(Principal: "\*"\) Action s3:GetObject on arn:aws:s3:::public-site, and no condition narrows it/,
    );
    expect(found.find((f) => f.resource.name === 'shared')?.message).toMatch(
      /^Resource policy shared allows account 999999999999 \(arn:aws:iam::999999999999:root\) Action kms:Decrypt on .*, but the catalog \(test-catalog.yaml\) does not list that account under trust.accounts \(listed: 444455556666\)/,
    );
  });

  it('holds the policies whose values wait for apply as pending (pulumi preview)', () => {
    const found = trustFindings('preview');
    // The key's policy is a literal: judged in preview as at up. The others are built from outputs not known yet.
    // A preview's pending findings are advisory (verify-later): `pulumi up` re-checks them with the values.
    expect(
      found.map((f) => `${f.resource.name} ${f.level} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`).sort(),
    ).toEqual([
      'alertsPolicy advisory - pending',
      'legacy mandatory Principal::*',
      'shared mandatory Account::999999999999',
      'sitePolicy advisory - pending',
      'uploadEvents advisory - pending',
    ]);
    expect(found.find((f) => f.resource.name === 'sitePolicy')?.message).toBe(
      'Resource policy sitePolicy on arn:aws:s3:::public-site cannot be verified until apply: sitePolicy.policy ' +
        '(output of aws:s3/bucket:Bucket site) is not known until apply, so who may use the resource is not known.',
    );
  });
});
