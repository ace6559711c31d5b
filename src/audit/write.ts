import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Catalog } from '../../catalog/types.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import type { Model } from '../model/model.js';
import { buildAudit } from './build.js';
import type { AuditExtras } from './types.js';
import { auditFormatForFile, renderAudit } from './render.js';

/**
 * Writes the audit view of one evaluation to a file whose extension names the format (.json, .md, .html):
 * what the Pulumi pack and the CDK aspect do when their config names an audit file.
 */
export function writeAuditFile(file: string, model: Model, result: EvaluationResult, catalog: Catalog, now: Date, extras: AuditExtras = {}): void {
  const format = auditFormatForFile(file);
  if (!format) throw new Error(`audit file ${file}: expected a .json, .md or .html file name`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderAudit(buildAudit(model, result, catalog, now, extras), format));
}
