/** The audit of an example, built the way every front-end builds it: templates → model → evaluation → audit. */
import { join, relative } from 'node:path';
import { loadCatalog } from '../../catalog/index.js';
import { loadTemplates } from '../../src/adapters/cloudformation/load.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { buildAudit } from '../../src/audit/index.js';
import { evaluate } from '../../src/engine/index.js';

export const REPO = join(import.meta.dirname, '../..');
/**
 * The examples' catalog has EXC-101, approved on 2026-07-01, until 2027-06-30, and EXC-087 expired on 2026-01-31.
 * The clock is the day of EXC-101's approval: before it the exception is not in force yet (isExceptionValid).
 */
export const NOW = new Date('2026-07-01T00:00:00Z');

export function exampleCatalog() {
  return { ...loadCatalog(join(REPO, 'examples/catalog.yaml')), source: 'examples/catalog.yaml' };
}

export function auditOf(templates: string[], now = NOW) {
  const inputs = templates.flatMap((template) => loadTemplates(join(REPO, template)));
  for (const input of inputs) if (input.file) input.file = relative(REPO, input.file);
  const model = modelFromTemplates(inputs);
  const catalog = exampleCatalog();
  const evaluation = evaluate(model, { catalog, now });
  return { model, catalog, evaluation, audit: buildAudit(model, evaluation, catalog, now) };
}
