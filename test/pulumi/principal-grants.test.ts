/**
 * Grants to the principals a resource lists, and a resource policy of a type that was not read, in a Pulumi program run
 * under the SDK's mocks: a layer version permission to every account, an endpoint service's allowed principal of
 * another account and a MediaStore container policy that lets anyone in are reported at up and in preview; the
 * allowed-principal resource naming the stack's own role passes at up and waits for its ARN in preview.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../support/builders.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { capturePrograms, type CapturedResource } from './support/analyzer-client.mjs';
import { stackResources } from '../multicloud/support/capture.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = catalog({
  trust: { accounts: [{ id: '444455556666', owner: 'team-platform' }], organizations: [], oidc: [] },
});
const captured: Record<'update' | 'preview', CapturedResource[]> = { update: [], preview: [] };

beforeAll(async () => {
  const program = path('./programs/principal-grants.ts');
  [captured.update, captured.preview] = await capturePrograms([
    { program, mode: 'update' },
    { program, mode: 'preview' },
  ]);
}, 120_000);

function trustFindings(mode: 'update' | 'preview') {
  const model = modelFromPulumiResources(stackResources(captured[mode]));
  const { findings } = evaluate(model, {
    catalog: CATALOG,
    now: new Date('2026-06-01T00:00:00Z'),
    pending: mode === 'preview' ? 'verify-later' : 'fail-closed',
  });
  return findings
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
