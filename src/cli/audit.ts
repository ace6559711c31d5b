import { buildAudit, renderAudit, type AuditFormat } from '../audit/index.js';
import { EXIT, evaluateChange, loadChange, type CheckOptions, type CommandResult } from './check.js';

export interface AuditOptions extends Pick<CheckOptions, 'paths' | 'catalogPath' | 'cwd' | 'progress'> {
  format: AuditFormat;
  /** The time expiries and days left are counted from; defaults to now. */
  now?: Date;
}

/**
 * `entitlement-guard audit`: the same loading and evaluation as `check`, rendered as the audit view (every identity
 * of the change and of the catalog, with catalog hygiene). The audit is a report, not a gate: it exits 0 whatever
 * it finds, and 2 only when an input cannot be read.
 */
export function runAudit(options: AuditOptions): CommandResult {
  const loaded = loadChange(options);
  if (!('model' in loaded)) return loaded;
  const now = options.now ?? new Date();
  const result = evaluateChange(loaded, { now, ...(options.progress ? { progress: options.progress } : {}) });
  const audit = buildAudit(loaded.model, result, loaded.catalog, now);
  return { exitCode: EXIT.clean, output: renderAudit(audit, options.format), errors: [], result };
}
