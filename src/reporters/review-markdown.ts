/**
 * The audit's review sections in Markdown: where the change came from, the change since the baseline (the privilege
 * diff), the review queue per owner, and each cloud of a catalog identity deployed on several.
 */
import { describeSource } from '../audit/lineage.js';
import type { Audit, AuditIdentity, ReviewItem, ReviewQueue } from '../audit/types.js';
import { formatDiffMarkdown } from './diff-markdown.js';
import { escapeMarkdown, markdownCode } from './escape.js';

/** Lines under the audit's title: the change's lineage and the full report's link, when known. */
export function lineageLines(audit: Audit, reportUrl?: string): string[] {
  const lines: string[] = [];
  if (audit.source)
    lines.push(
      `Change: ${escapeMarkdown(describeSource(audit.source))}${audit.source.url ? ` · [CI run](${linkTarget(audit.source.url)})` : ''}`,
      '',
    );
  if (reportUrl !== undefined) lines.push(`Full report: [${escapeMarkdown(reportUrl)}](${linkTarget(reportUrl)})`, '');
  return lines;
}

/** `audit --baseline`: the privilege diff from the baseline, its headings one level down. */
export function baselineSection(audit: Audit, reportUrl?: string): string[] {
  const baseline = audit.baseline;
  if (!baseline) return [];
  const since = `${escapeMarkdown(baseline.generatedAt.slice(0, 10))}${baseline.source ? `, ${escapeMarkdown(describeSource(baseline.source))}` : ''}`;
  const diff = formatDiffMarkdown(baseline.diff, reportUrl !== undefined ? { fullReport: reportUrl } : {})
    .trimEnd()
    .split('\n')
    .map((line) => (/^#{3,5} /.test(line) ? `#${line}` : line));
  // split gives at least one line: the diff's title.
  const [title = '', ...rest] = diff;
  return [
    title.replace(/^#### Privilege diff: /, '#### Since the baseline: '),
    '',
    `Baseline: audit of ${since}, ${baseline.identities} identities.`,
    ...rest,
    '',
  ];
}

/** The review queue: per owner, privileged access (standing first, new first) and exceptions, each with its evidence. */
export function reviewSection(queue: ReviewQueue | undefined): string[] {
  if (!queue) return [];
  const head = `#### To review: ${queue.items} item${queue.items === 1 ? '' : 's'} (${queue.standing} standing${queue.newOrChanged !== undefined ? `, ${queue.newOrChanged} new or changed since the baseline` : ''})`;
  if (queue.items === 0) return [head, '', 'Nothing privileged and no exception to review.', ''];
  const lines = [head, ''];
  for (const group of queue.owners) {
    lines.push(`##### ${escapeMarkdown(group.owner)}${group.contact ? ` (${escapeMarkdown(group.contact)})` : ''}`, '');
    for (const item of group.items) lines.push(...reviewItemLines(item));
    lines.push('');
  }
  return lines;
}

function reviewItemLines(item: ReviewItem): string[] {
  const tags = [
    item.mode
      ? item.mode === 'standing'
        ? '**standing**'
        : item.mode === 'pending'
          ? 'pending until apply'
          : 'just in time'
      : undefined,
    item.since ? (item.since === 'unchanged' ? 'unchanged' : `**${item.since}**`) : undefined,
  ]
    .filter((tag): tag is string => tag !== undefined)
    .join(', ');
  const about =
    item.identity !== undefined
      ? ` of ${escapeMarkdown(item.identity)}${item.clouds?.length ? ` (${item.clouds.map(escapeMarkdown).join(', ')})` : ''}`
      : '';
  const e = item.evidence;
  const facts = [
    e.entitlement !== undefined ? `entitlement ${escapeMarkdown(e.entitlement)}` : undefined,
    e.grants.length ? `grants ${e.grants.map(markdownCode).join(', ')}` : undefined,
    e.assumableBy.length ? `assumable by ${e.assumableBy.map(markdownCode).join(', ')}` : undefined,
    e.runsOn.length ? `runs on ${e.runsOn.map(escapeMarkdown).join(', ')}` : undefined,
    e.credentials.length ? `long-lived credentials ${e.credentials.map(escapeMarkdown).join(', ')}` : undefined,
    e.exceptions.length
      ? `${item.kind === 'exception' ? '' : 'exceptions '}${e.exceptions.map(escapeMarkdown).join('; ')}`
      : undefined,
    e.gaps.length ? `⚠️ ${e.gaps.map(escapeMarkdown).join('; ')}` : undefined,
    e.blocking ? `${e.blocking} blocking finding${e.blocking === 1 ? '' : 's'}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  return [
    `- ${markdownCode(item.id)} ${escapeMarkdown(item.subject)}${about}${tags ? ` — ${tags}` : ''} — review: ${item.reviewers.map(escapeMarkdown).join(', ')}`,
    ...facts.map((fact) => `  - ${fact}`),
  ];
}

/** A catalog identity on several clouds: each cloud's identity in one line of the table cell. */
export function placementsCell(identity: AuditIdentity): string {
  return (identity.placements ?? [])
    .map((placement) => {
      const account = accountOf(placement);
      return `${escapeMarkdown(placement.cloud ?? '')} ${escapeMarkdown(placement.name)}${account ? ` in ${escapeMarkdown(account)}` : ''}`;
    })
    .join('<br>');
}

/** The account, project or namespace an identity is in, as its cloud id says. */
export function accountOf(identity: AuditIdentity): string | undefined {
  const arn = identity.arn;
  if (arn === undefined) return undefined;
  const aws = /^arn:[^:]+:iam::(\d{12}):/.exec(arn);
  if (aws) return `account ${aws[1]}`;
  const gcp = /@([^.]+)\.iam\.gserviceaccount\.com$/.exec(arn);
  if (gcp) return `project ${gcp[1]}`;
  const k8s = /^system:serviceaccount:([^:]+):/.exec(arn);
  if (k8s) return `namespace ${k8s[1]}`;
  return undefined;
}

function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, encodeURIComponent);
}
