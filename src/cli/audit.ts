import { buildAudit } from '../audit/index.js';
import { withBaseline } from '../diff/index.js';
import { renderAudit, type AuditFormat } from '../reporters/audit.js';
import type { AuditSource } from '../audit/types.js';
import { EXIT, type CommandResult } from './command-result.js';
import { evaluateChange, loadChange, type LoadOptions } from './load-inputs.js';
import { auditOf } from './diff.js';

export interface AuditOptions extends LoadOptions {
  format: AuditFormat;
  /** The time expiries and days left are counted from; defaults to now. */
  now?: Date;
  /** An audit JSON written earlier, or inputs to audit now: the change is shown against it (diff, review queue since). */
  baseline?: string;
  /** Where the change came from (CI lineage, `--source`). */
  source?: AuditSource;
  /** Where the full report is published, linked from the Markdown and HTML. */
  reportUrl?: string;
}

/**
 * `entitlement-guard audit`: the same loading and evaluation as `check`, rendered as the audit view (every identity
 * of the change and of the catalog, with catalog hygiene and the review queue; against a baseline, the privilege diff
 * from it). The audit is a report, not a gate: it exits 0 whatever it finds, and 2 only when an input cannot be read.
 */
export function runAudit(options: AuditOptions): CommandResult {
  const loaded = loadChange(options);
  if (!('model' in loaded)) return loaded;
  const now = options.now ?? new Date();
  let baseline;
  if (options.baseline !== undefined) {
    baseline = auditOf(options.baseline, options, now);
    if (!('schema' in baseline)) return baseline;
  }
  const result = evaluateChange(loaded, { now, ...(options.progress ? { progress: options.progress } : {}) });
  const audit = buildAudit(loaded.model, result, loaded.catalog, now, options.source ? { source: options.source } : {});
  const shown = baseline ? withBaseline(audit, baseline) : audit;
  return {
    exitCode: EXIT.clean,
    output: renderAudit(shown, options.format, options.reportUrl !== undefined ? { reportUrl: options.reportUrl } : {}),
    errors: [],
    result,
  };
}
