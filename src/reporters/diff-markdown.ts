import type { FindingChange, GrantChange, IdentityDiff, PrivilegeDiff, TrustChange } from '../audit/types.js';
import { escapeMarkdown, markdownCode } from './escape.js';

/** GitHub refuses a pull-request comment over 65,536 characters: the diff stays under this, with room for the note. */
export const MARKDOWN_DIFF_BUDGET = 65_000;
const OVERFLOW_RESERVE = 400;

export interface DiffMarkdownOptions {
  /** Where the full report is (a CI artifact URL): linked from the overflow note. */
  fullReport?: string;
  budget?: number;
}

/**
 * The privilege diff as a pull-request comment: the verdict and the privileged changes first, every identity's changes
 * folded in `<details>`. Identities that do not fit the budget are counted in a closing note that points at the full report.
 */
export function formatDiffMarkdown(diff: PrivilegeDiff, options: DiffMarkdownOptions = {}): string {
  const budget = (options.budget ?? MARKDOWN_DIFF_BUDGET) - OVERFLOW_RESERVE;
  const s = diff.summary;
  const head = [
    `### Privilege diff: ${s.blockingNew > 0 ? `❌ ${s.blockingNew} new blocking finding${s.blockingNew === 1 ? '' : 's'}` : '✅ no new blocking findings'}`,
    '',
    `Identities: **${s.identitiesAdded}** added, **${s.identitiesRemoved}** removed, ${s.identitiesChanged} changed (${s.identitiesRenamed} renamed) · ` +
      `grants +${s.grantsAdded} −${s.grantsRemoved} · credentials +${s.credentialsAdded} −${s.credentialsRemoved} · trust ${s.trustWidened} widened, ${s.trustNarrowed} narrowed · ` +
      `findings ${s.findingsNew} new, ${s.findingsResolved} resolved`,
    '',
    `Base ${markdownCode(diff.base.generatedAt.slice(0, 10))} (${diff.base.identities} identities, catalog ${markdownCode(diff.base.catalog)}) → head ${markdownCode(diff.head.generatedAt.slice(0, 10))} (${diff.head.identities} identities, catalog ${markdownCode(diff.head.catalog)})`,
    '',
  ];
  if (
    diff.identities.length === 0 &&
    diff.renamed.length === 0 &&
    diff.exceptions.length === 0 &&
    diff.otherFindings.new.length + diff.otherFindings.resolved.length === 0
  ) {
    return `${[...head, 'No change in privilege.'].join('\n')}\n`;
  }
  const out = new Budget(budget, head.join('\n'));
  const privileged = diff.identities.filter((identity) => identity.privileged);
  let omitted = 0;
  if (privileged.length) {
    out.push('#### Privileged changes\n');
    for (const identity of privileged) if (!out.push(privilegedLine(identity))) omitted++;
    out.push('');
  }
  if (diff.exceptions.length) {
    out.push('#### Catalog exceptions\n');
    for (const change of diff.exceptions)
      out.push(
        `- ${change.change} ${markdownCode(change.id)} (${escapeMarkdown(change.rule)} on ${markdownCode(change.target)}, approved by ${escapeMarkdown(change.approvedBy)}, expires ${escapeMarkdown(change.expires)}${change.was ? `, was ${escapeMarkdown(change.was)}` : ''})`,
      );
    out.push('');
  }
  if (diff.renamed.length) {
    out.push(
      `<details><summary>Renamed: ${diff.renamed.length} identit${diff.renamed.length === 1 ? 'y' : 'ies'}, the same identity under a new name (no change in privilege)</summary>\n`,
    );
    for (const r of diff.renamed)
      out.push(
        `- ${markdownCode(r.fromResource ?? r.from)} → ${markdownCode(r.toResource ?? r.to)} (${markdownCode(r.key)}, by ${r.matchedBy})`,
      );
    out.push('\n</details>\n');
  }
  out.push(
    `<details><summary>All changes (${diff.identities.length} identit${diff.identities.length === 1 ? 'y' : 'ies'})</summary>\n`,
  );
  let shown = 0;
  for (const identity of diff.identities) {
    if (out.push(identityDetails(identity))) shown++;
    else break;
  }
  const other = diff.otherFindings;
  if (other.new.length + other.resolved.length)
    out.push(
      [
        '##### Findings on no identity',
        ...findingLines(other.new, 'new'),
        ...findingLines(other.resolved, 'resolved'),
        '',
      ].join('\n'),
    );
  out.push('</details>');
  const notShown = diff.identities.length - shown + omitted;
  if (notShown > 0 || out.dropped) {
    const where = options.fullReport
      ? `[the full report](${options.fullReport.replace(/[()\s]/g, encodeURIComponent)})`
      : 'the full report (`entitlement-guard diff … --format json`)';
    out.force(
      `\n> ${diff.identities.length - shown} of ${diff.identities.length} identities' changes did not fit in this comment; see ${where}.`,
    );
  }
  return `${out.text}\n`;
}

/** Appends blocks while they fit the budget. */
class Budget {
  dropped = false;
  constructor(
    private readonly limit: number,
    public text: string,
  ) {}
  push(block: string): boolean {
    if (this.text.length + block.length + 1 > this.limit) {
      this.dropped = true;
      return false;
    }
    this.text += `\n${block}`;
    return true;
  }
  force(block: string): void {
    this.text += `\n${block}`;
  }
}

function title(identity: IdentityDiff): string {
  const owner = identity.owner ? `, ${escapeMarkdown(identity.owner)}` : '';
  return `**${escapeMarkdown(identity.name)}** (${identity.change}${identity.kind ? ` ${escapeMarkdown(identity.kind)}` : ''}${owner})`;
}

function privilegedLine(identity: IdentityDiff): string {
  const parts = [
    ...identity.grants.added
      .filter((g) => g.privileged.length)
      .map((g) => `+ ${markdownCode(g.statement)} (${escapeMarkdown(g.privileged.join(', '))})`),
    ...identity.grants.removed
      .filter((g) => g.privileged.length)
      .map((g) => `− ${markdownCode(g.statement)} (${escapeMarkdown(g.privileged.join(', '))})`),
    ...identity.credentials.added
      .filter((c) => c.lifetime === 'long-lived')
      .map((c) => `+ long-lived ${escapeMarkdown(c.kind)}`),
    ...identity.trust.widened.map(
      (t) => `trust widened: ${escapeMarkdown(t.kind)} ${markdownCode(t.principal)} (${escapeMarkdown(t.reason)})`,
    ),
    ...identity.findings.new
      .filter((f) => f.blocking)
      .map((f) => `blocks: ${escapeMarkdown(f.ruleId)}${f.detail ? ` ${markdownCode(f.detail)}` : ''}`),
  ];
  return `- 🔴 ${title(identity)}: ${parts.join(' · ')}`;
}

function identityDetails(identity: IdentityDiff): string {
  const lines = [
    `##### ${identity.privileged ? '🔴 ' : ''}${escapeMarkdown(identity.name)} — ${identity.change} ${markdownCode(identity.key)}`,
    '',
  ];
  if (identity.renamed) {
    const r = identity.renamed;
    lines.push(
      `- renamed: ${markdownCode(r.fromResource ?? r.from)} → ${markdownCode(r.toResource ?? r.to)} (same identity by ${r.matchedBy})`,
    );
  }
  lines.push(
    ...grantLines(identity.grants.added, 'grant added'),
    ...grantLines(identity.grants.removed, 'grant removed'),
  );
  for (const c of identity.credentials.added)
    lines.push(
      `- credential added: ${escapeMarkdown(c.kind)} (${c.lifetime}${c.expiresAt ? `, expires ${escapeMarkdown(c.expiresAt)}` : ''}${c.accepts ? `, accepts ${markdownCode(c.accepts)}` : ''}) ${markdownCode(c.resource)}`,
    );
  for (const c of identity.credentials.removed)
    lines.push(`- credential removed: ${escapeMarkdown(c.kind)} (${c.lifetime}) ${markdownCode(c.resource)}`);
  lines.push(
    ...trustLines(identity.trust.widened, 'trust widened'),
    ...trustLines(identity.trust.narrowed, 'trust narrowed'),
  );
  for (const e of identity.exceptions)
    lines.push(
      `- exception ${e.change}: ${markdownCode(e.id)} (${escapeMarkdown(e.rule)}, expires ${escapeMarkdown(e.expires)}${e.was ? `, was ${escapeMarkdown(e.was)}` : ''})`,
    );
  lines.push(
    ...findingLines(identity.findings.new, 'new'),
    ...findingLines(identity.findings.resolved, 'resolved'),
    '',
  );
  return lines.join('\n');
}

function grantLines(grants: GrantChange[], label: string): string[] {
  return grants.map(
    (g) =>
      `- ${label}: ${markdownCode(g.statement)}${g.privileged.length ? ` **privileged** (${escapeMarkdown(g.privileged.join(', '))})` : ''} via ${markdownCode(g.grant)}` +
      (g.entitlements.length ? `, within ${escapeMarkdown(g.entitlements.join(', '))}` : '') +
      (g.beyondEntitlements ? ', beyond its entitlements' : ''),
  );
}

function trustLines(changes: TrustChange[], label: string): string[] {
  return changes.map(
    (t) =>
      `- ${label}: ${escapeMarkdown(t.kind)} ${markdownCode(t.principal)} (${escapeMarkdown(t.reason)})${t.conditions.length ? ` when ${t.conditions.map(markdownCode).join(', ')}` : ''}`,
  );
}

function findingLines(findings: FindingChange[], label: string): string[] {
  return findings.map(
    (f) =>
      `- finding ${label}: ${f.blocking ? '**blocking** ' : ''}${escapeMarkdown(f.ruleId)}${f.detail ? ` ${markdownCode(f.detail)}` : ''}${f.waivedBy ? ` (waived by ${escapeMarkdown(f.waivedBy)})` : ''} on ${markdownCode(f.resource)}`,
  );
}
