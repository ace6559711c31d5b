import { readFileSync, statSync } from 'node:fs';
import { buildAudit } from '../audit/index.js';
import type { Audit, AuditSource } from '../audit/types.js';
import { AuditFileError, diffAudits, looksLikeAudit, parseAuditJson } from '../diff/index.js';
import { formatDiffMarkdown } from '../reporters/diff-markdown.js';
import { formatDiffText } from '../reporters/diff-text.js';
import { EXIT, type CommandResult } from './command-result.js';
import { evaluateChange, loadChange, type LoadOptions } from './load-inputs.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions extends Omit<LoadOptions, 'paths'> {
  base: string;
  head: string;
  format: DiffFormat;
  now?: Date;
  /** Where the head's change came from (CI lineage, `--source`): recorded when the head is audited now. */
  source?: AuditSource;
  /** The full report's URL, linked from the Markdown when it does not fit a pull-request comment. */
  reportUrl?: string;
}

/**
 * `entitlement-guard diff <base> <head>`: what the change does to privilege. Each side is an audit JSON written earlier
 * (`audit --format json`) or an input to check now (cdk.out, templates, manifests, a Terraform plan, a stack export),
 * audited with `--catalog`. Exit 1 when the head adds a blocking finding (as `check` would block it), 0 otherwise,
 * 2 when a side cannot be read.
 */
export function runDiff(options: DiffOptions): CommandResult {
  const now = options.now ?? new Date();
  const base = auditOf(options.base, options, now);
  if (!('schema' in base)) return base;
  const head = auditOf(options.head, options, now, options.source);
  if (!('schema' in head)) return head;
  const diff = diffAudits(base, head);
  const output =
    options.format === 'json'
      ? `${JSON.stringify(diff, null, 2)}\n`
      : options.format === 'markdown'
        ? formatDiffMarkdown(diff, options.reportUrl !== undefined ? { fullReport: options.reportUrl } : {})
        : formatDiffText(diff);
  return { exitCode: diff.summary.blockingNew > 0 ? EXIT.blocked : EXIT.clean, output, errors: [] };
}

/**
 * The audit a path stands for: read back when it is an audit JSON, else its inputs audited now (with `source` as
 * their lineage). A located error (exit 2) when it can be neither.
 */
export function auditOf(
  path: string,
  options: Omit<LoadOptions, 'paths'>,
  now: Date,
  source?: AuditSource,
): Audit | CommandResult {
  const text = auditText(path);
  if (text !== undefined) {
    try {
      return parseAuditJson(text, path);
    } catch (error) {
      if (error instanceof AuditFileError) return { exitCode: EXIT.error, output: '', errors: [error.message] };
      throw error;
    }
  }
  const loaded = loadChange({ ...options, paths: [path] });
  if (!('model' in loaded)) return loaded;
  const result = evaluateChange(loaded, { now, ...(options.progress ? { progress: options.progress } : {}) });
  return buildAudit(loaded.model, result, loaded.catalog, now, source ? { source } : {});
}

/** The file's text when it is an audit JSON; undefined for anything else (read then as an input to check). */
function auditText(path: string): string | undefined {
  try {
    if (!statSync(path).isFile() || !path.toLowerCase().endsWith('.json')) return undefined;
    const text = readFileSync(path, 'utf8');
    return looksLikeAudit(text) ? text : undefined;
  } catch {
    return undefined; // a missing path: loadChange reports it, located, like `check` does
  }
}
