import type { EvaluationResult } from '../engine/evaluate.js';
import { isBlocking, noWaiverTarget, sortFindings, type Finding } from '../model/finding.js';
import type { ResourceRef } from '../model/model.js';
import { escapeControlCharacters as shown } from '../util/control-characters.js';
import { plural } from '../util/plural.js';

export interface TextOptions {
  /** ANSI colors; the CLI turns them on only for a terminal. */
  color?: boolean;
}

const ANSI = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;

/**
 * Human-readable report: findings grouped by resource, then by rule (its fix and how to waive it said once),
 * then one summary line. Marks: ✖ blocks, ! advisory, ~ waived by a catalog exception.
 */
export function formatText(result: EvaluationResult, options: TextOptions = {}): string {
  const paint = (style: keyof typeof ANSI, text: string) =>
    options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
  const lines: string[] = [];
  for (const [resource, findings] of groupBy(sortFindings(result.findings), resourceKey)) {
    lines.push(paint('bold', resourceHeading(resource.resource)));
    for (const [first, ruleFindings] of groupBy(findings, (finding) => finding.ruleId)) {
      lines.push(`  ${first.ruleId} (${first.level})`);
      for (const finding of ruleFindings) {
        const mark = finding.waivedBy
          ? paint('dim', '~')
          : isBlocking(finding)
            ? paint('red', '✖')
            : paint('yellow', '!');
        const pending = finding.pending ? paint('yellow', ' (pending: the value is not known before deployment)') : '';
        const waived = finding.waivedBy ? paint('dim', ` (waived by ${shown(finding.waivedBy)})`) : '';
        lines.push(
          `    ${mark} ${finding.detail ? `[${shown(finding.detail)}] ` : ''}${shown(finding.message)}${pending}${waived}`,
        );
      }
      lines.push(`    fix: ${first.remediation}`);
      // Only what blocks needs a waiver; advisory findings are reported, never enforced.
      const blocking = ruleFindings.filter(isBlocking);
      if (blocking.length > 0) lines.push(`    to waive: ${waiverHint(first.ruleId, blocking)}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(result, paint));
  return `${lines.join('\n')}\n`;
}

/** The exception that would waive these findings, by the targets that bind to what they are about (catalog/waivers.ts). */
function waiverHint(ruleId: string, findings: Finding[]): string {
  const targets = new Set<string>();
  for (const finding of findings) {
    if (finding.waiverTarget === undefined) return noWaiverTarget(finding);
    targets.add(finding.waiverTarget);
  }
  return (
    [...targets].map((target) => `a catalog exception { rule: ${ruleId}, target: ${shown(target)} }`).join(', or ') +
    ' with owner, approvedBy and expires'
  );
}

/** Groups in first-seen order, keyed by the first member. */
function groupBy<T>(items: T[], key: (item: T) => string): [T, T[]][] {
  const groups = new Map<string, [T, T[]]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group[1].push(item);
    else groups.set(key(item), [item, [item]]);
  }
  return [...groups.values()];
}

function resourceKey(finding: Finding): string {
  const r = finding.resource;
  return [r.stack, r.file, r.urn, r.type, r.name].join('\u0000');
}

/** `file:line:column` from the parser's source positions, where the front-end read the resource from a file. */
function resourceHeading(resource: ResourceRef): string {
  const where = resource.file
    ? ` ${resource.file}${resource.line ? `:${resource.line}:${resource.column ?? 1}` : ''}`
    : '';
  const path = resource.path ? ` (${resource.path})` : resource.urn ? ` (${resource.urn})` : '';
  // Every part is the change's own text: none may write control characters to the terminal.
  return shown(`${resource.type} ${resource.stack ? `${resource.stack}/` : ''}${resource.name}${path}${where}`);
}

function summaryLine(result: EvaluationResult, paint: (style: keyof typeof ANSI, text: string) => string): string {
  const s = result.summary;
  const counts = `${plural(s.total, 'finding')}: ${s.blocking} blocking, ${s.advisory} advisory, ${s.waived} waived, ${s.pending} pending (${plural(s.identities, 'identity', 'identities')}, ${plural(s.secrets, 'secret')} checked)`;
  return s.blocking > 0 ? paint('red', `✖ blocked: ${counts}`) : paint('green', `✔ passed: ${counts}`);
}
