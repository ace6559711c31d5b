/**
 * Roles granted through Azure PIM in a Pulumi program run under the SDK's mocks (programs/azure-pim.ts): Owner on a
 * subscription for a group, assigned (standing privilege held by people) and made eligible through two
 * PimRoleEligibilitySchedules (held only once activated). Until session 49 each eligibility was reported as unseen
 * (no-unseen-content), whatever it granted.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from '../support/builders.js';
import { programFindings } from './support/program-findings.js';

const findingsIn = programFindings(fileURLToPath(new URL('./programs/azure-pim.ts', import.meta.url)), catalog());

const judged = (mode: 'update' | 'preview') =>
  findingsIn(mode)
    .filter((f) => f.ruleId === 'no-wildcard-privilege' || f.ruleId === 'no-unseen-content')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();

describe('Azure PIM eligibilities in a Pulumi program', () => {
  it('at pulumi up: the standing Owner assignment for the group is reported; the eligibilities pass', () => {
    expect(judged('update')).toEqual([
      'no-wildcard-privilege mandatory admins-owner Role::Owner/Member::Group:96850994-b803-46f5-8ffe-d591431b295c',
    ]);
  });

  it('in pulumi preview: the group id is not known yet, the eligibilities still pass (none is standing whatever its principal)', () => {
    expect(judged('preview')).toEqual([
      'no-wildcard-privilege mandatory admins-owner Role::Owner/Member::Group:admins-owner.principalId (output of azuread:index/group:Group platform-admins) is not known until apply',
    ]);
  });
});
