/**
 * Resource Access Manager shares in a Pulumi program, run under the SDK's mocks: the principal associations are linked
 * to their share by its ARN (at up) or by their dependency on it (in preview, where the ARN is not known yet), so the
 * account the share names is reported with the subnet it shares, the catalog's organization passes, and the subnet
 * added to a share the stack does not create is pending: whom that share gives it to cannot be seen. The account's
 * finding names the stack's customer managed permission the share names (linked by its ARN, or in preview by the
 * dependency of permissionArns), and the share that allows no external principals passes the account it names with
 * the organization the catalog trusts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from '../support/builders.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = catalog({
  trust: {
    accounts: [{ id: '444455556666', owner: 'team-platform' }],
    organizations: [{ id: 'o-exampleorg1', owner: 'team-platform' }],
    oidc: [],
  },
});
const findingsIn = programFindings(path('./programs/resource-shares.ts'), CATALOG);

function trustFindings(mode: 'update' | 'preview') {
  return findingsIn(mode).filter((finding) => finding.ruleId === 'restrict-trust');
}

const SUBNET = 'arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-';

describe('Resource Access Manager shares in a Pulumi program', () => {
  it('reports the account the share names and the subnet added to a share outside the stack (pulumi up)', () => {
    const found = trustFindings('update');
    expect(
      found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`).sort(),
    ).toEqual(['mandatory intoElsewhere Principal::unseen pending', 'mandatory partner Account::999999999999']);
    const partner = found.find((f) => f.resource.name === 'partner')?.message ?? '';
    expect(partner.startsWith(`Resource share network shares ${SUBNET}`)).toBe(true);
    expect(partner).toMatch(
      /shares arn:aws:ec2:eu-west-1:111122223333:subnet\/subnet-[0-9a-f]{17} under customer managed permission subnet-tagging \(Action ec2:DescribeSubnets, ec2:CreateTags; not read-only: ec2:CreateTags\) with account 999999999999 \(999999999999\), which the catalog \(test-catalog.yaml\) does not list under trust.accounts \(listed: 444455556666\)/,
    );
    expect(found.find((f) => f.resource.name === 'intoElsewhere')?.message).toMatch(
      /^Resource association intoElsewhere adds arn:aws:ec2:eu-west-1:111122223333:subnet\/subnet-[0-9a-f]{17} to resource share arn:aws:ram:eu-west-1:111122223333:resource-share\/elsewhere, which this change does not create, so whom the share gives them to cannot be seen\./,
    );
  });

  it('links the associations to the share by their dependency while its ARN is not known (pulumi preview)', () => {
    const found = trustFindings('preview');
    expect(
      found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`).sort(),
    ).toEqual(['advisory intoElsewhere Principal::unseen pending', 'mandatory partner Account::999999999999']);
    expect(found.find((f) => f.resource.name === 'partner')?.message).toBe(
      'Resource share network shares <sharedSubnet.resourceArn (output of aws:ec2/subnet:Subnet shared) is not ' +
        'known until apply> under customer managed permission subnet-tagging (Action ec2:DescribeSubnets, ' +
        'ec2:CreateTags; not read-only: ec2:CreateTags) with account 999999999999 (999999999999), which the catalog ' +
        '(test-catalog.yaml) does ' +
        'not list under trust.accounts (listed: 444455556666): its principals may use them with no policy of the own ' +
        'account involved. Remove the principal from the share, or record the account with its owner under ' +
        'trust.accounts after review.',
    );
  });
});
