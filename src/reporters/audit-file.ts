import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Catalog } from '../../catalog/types.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import type { Model } from '../model/model.js';
import { buildAudit } from '../audit/build.js';
import type { AuditExtras } from '../audit/types.js';
import { auditFormatForFile, renderAudit } from './audit.js';
import { sourceFromEnvironment } from '../audit/lineage.js';

/**
 * Writes the audit view of one evaluation to a file whose extension names the format (.json, .md, .html):
 * what the Pulumi pack and the CDK aspect do when their config names an audit file. The audit records where the change
 * came from when the CI's environment says so (src/audit/lineage.ts), as the CLI's does.
 */
export function writeAuditFile(
  file: string,
  model: Model,
  result: EvaluationResult,
  catalog: Catalog,
  now: Date,
  extras: AuditExtras = {},
): void {
  const format = auditFormatForFile(file);
  if (!format) throw new Error(`audit file ${file}: expected a .json, .md or .html file name`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    renderAudit(buildAudit(model, result, catalog, now, { ...extras, ...withSource(extras) }), format),
  );
}

function withSource(extras: AuditExtras): Pick<AuditExtras, 'source'> {
  const source = extras.source ?? sourceFromEnvironment(process.env);
  return source ? { source } : {};
}
