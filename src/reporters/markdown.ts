import type { EvaluationResult } from '../engine/evaluate.js';
import { isBlocking, sortFindings, type Finding } from '../model/finding.js';
import type { ResourceRef } from '../model/model.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { plural } from '../util/plural.js';

/** GitHub rejects comments over 65,536 characters; details stop well before, with a note saying how many are left out. */
const MAX_COMMENT_CHARS = 60_000;

/**
 * Markdown for a pull-request comment: the verdict and counts first, a per-rule table, then every finding folded in
 * `<details>` grouped by resource. All user-controlled text (names, messages) is escaped, so a resource name cannot
 * inject HTML or Markdown into the comment.
 */
export function formatMarkdown(result: EvaluationResult): string {
  const s = result.summary;
  const lines = [
    `### ${s.blocking > 0 ? '❌ Entitlement Guard: blocked' : '✅ Entitlement Guard: passed'}`,
    '',
    `**${s.blocking}** blocking · **${s.advisory - countWaivedAdvisory(result.findings)}** advisory · **${s.waived}** waived · **${s.pending}** pending — ${plural(s.identities, 'identity', 'identities')}, ${plural(s.secrets, 'secret')} checked`,
    '',
  ];
  if (result.findings.length === 0) return `${lines.join('\n')}\n`;
  lines.push('| rule | blocking | advisory | waived |', '|---|---:|---:|---:|');
  for (const [ruleId, findings] of groupBy(sortFindings(result.findings), (finding) => finding.ruleId).sort(
    ([a], [b]) => (a < b ? -1 : 1),
  )) {
    const blocking = findings.filter(isBlocking).length;
    const waived = findings.filter((finding) => finding.waivedBy).length;
    lines.push(`| ${markdownCode(ruleId)} | ${blocking} | ${findings.length - blocking - waived} | ${waived} |`);
  }
  lines.push('', `<details><summary>${plural(result.findings.length, 'finding')} by resource</summary>`, '');
  const details: string[] = [];
  let size = lines.join('\n').length;
  let shown = 0;
  for (const [resource, findings] of groupBy(sortFindings(result.findings), (finding) =>
    resourceLabel(finding.resource),
  )) {
    const block = [`#### ${escapeMarkdown(resource)}`, '', ...findings.map(findingLine), ''];
    const blockSize = block.join('\n').length;
    if (size + blockSize > MAX_COMMENT_CHARS) break;
    details.push(...block);
    size += blockSize;
    shown += findings.length;
  }
  lines.push(...details);
  if (shown < result.findings.length)
    lines.push(`_${result.findings.length - shown} more findings not shown; see the full report (JSON or SARIF)._`, '');
  lines.push('</details>');
  return `${lines.join('\n')}\n`;
}

function findingLine(finding: Finding): string {
  const mark = finding.waivedBy ? '➖' : isBlocking(finding) ? '❌' : '⚠️';
  const detail = finding.detail ? ` ${markdownCode(finding.detail)}` : '';
  const notes = [
    finding.pending ? 'pending: cannot be verified until the value is known' : '',
    finding.waivedBy ? `waived by ${finding.waivedBy}` : '',
  ]
    .filter(Boolean)
    .map((note) => ` _(${escapeMarkdown(note)})_`)
    .join('');
  return `- ${mark} **${escapeMarkdown(finding.ruleId)}**${detail}: ${escapeMarkdown(finding.message)}${notes}`;
}

/** The summary counts waived advisory findings as advisory; the comment counts them once, as waived. */
function countWaivedAdvisory(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.level === 'advisory' && finding.waivedBy).length;
}

function resourceLabel(resource: ResourceRef): string {
  const where = resource.path ?? resource.urn ?? `${resource.stack ? `${resource.stack}/` : ''}${resource.name}`;
  return `${resource.type} ${where}${resource.file ? ` (${resource.file}${resource.line ? `:${resource.line}:${resource.column ?? 1}` : ''})` : ''}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.entries()];
}
