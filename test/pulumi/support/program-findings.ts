/**
 * A Pulumi program's findings as `pulumi up` and `pulumi preview` plan it: the program run under the SDK's mocks in
 * both modes (one process, see capturePrograms: the SDK and the provider packages loaded once), its resources read
 * into the model and evaluated with the catalog on a fixed date, values preview does not know yet to be verified at
 * up (`verify-later`), none left unknown at up (`fail-closed`).
 */
import { beforeAll } from 'vitest';
import type { Catalog } from '../../../catalog/types.js';
import { modelFromPulumiResources } from '../../../src/adapters/pulumi/index.js';
import { evaluate } from '../../../src/engine/index.js';
import type { Finding } from '../../../src/model/finding.js';
import { stackResources } from '../../multicloud/support/capture.js';
import { capturePrograms, type CapturedResource } from './analyzer-client.mjs';

export type PlanMode = 'update' | 'preview';

/** The date the findings are evaluated on, so that expiries in the programs and catalogs do not age. */
export const EVALUATED_ON = new Date('2026-06-01T00:00:00Z');

/**
 * Registers the captures of `program` (an absolute path) to run before the file's tests, and gives the findings of
 * each mode. Called at the top level of a test file.
 */
export function programFindings(program: string, catalog: Catalog): (mode: PlanMode) => Finding[] {
  const captured: Record<PlanMode, CapturedResource[]> = { update: [], preview: [] };
  beforeAll(async () => {
    [captured.update, captured.preview] = await capturePrograms([
      { program, mode: 'update' },
      { program, mode: 'preview' },
    ]);
  }, 120_000);
  return (mode) =>
    evaluate(modelFromPulumiResources(stackResources(captured[mode])), {
      catalog,
      now: EVALUATED_ON,
      pending: mode === 'preview' ? 'verify-later' : 'fail-closed',
    }).findings;
}
