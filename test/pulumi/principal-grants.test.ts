/**
 * Grants to the principals a resource lists, and a resource policy of a type that was not read, in a Pulumi program run
 * under the SDK's mocks: a layer version permission to every account, an endpoint service's allowed principal of
 * another account and a MediaStore container policy that lets anyone in are reported at up and in preview; the
 * allowed-principal resource naming the stack's own role passes at up and waits for its ARN in preview.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from '../support/builders.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = catalog({
  trust: { accounts: [{ id: '444455556666', owner: 'team-platform' }], organizations: [], oidc: [] },
});
const findingsIn = programFindings(path('./programs/principal-grants.ts'), CATALOG);

function trustFindings(mode: 'update' | 'preview') {
  return findingsIn(mode)
    .filter((finding) => finding.ruleId === 'restrict-trust')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`);
}

describe('principal grants and a MediaStore container policy in a Pulumi program', () => {
  it('are reported at pulumi up; the own role passes', () => {
    expect(trustFindings('update')).toEqual([
      'mandatory service Account::999999999999',
      'mandatory publicLayer Principal::*',
      'mandatory mediaPolicy Principal::*',
    ]);
  });

  it('are reported in pulumi preview; the role ARN not known yet is to be verified at up', () => {
    expect(trustFindings('preview')).toEqual([
      'mandatory service Account::999999999999',
      'advisory ownWorker Principal::unknown pending',
      'mandatory publicLayer Principal::*',
      'mandatory mediaPolicy Principal::*',
    ]);
  });
});
