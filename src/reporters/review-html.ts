/**
 * The audit's review sections in HTML: the change's lineage, the change since the baseline (the privilege diff), the
 * review queue grouped by owner, and each cloud of a catalog identity deployed on several. Every value is escaped.
 */
import { describeSource } from '../audit/lineage.js';
import type { Audit, AuditIdentity, ReviewItem, ReviewQueue } from '../audit/types.js';
import type { FindingChange, GrantChange, IdentityDiff, PrivilegeDiff, TrustChange } from '../audit/types.js';
import { escapeHtml as e } from './escape.js';
import { accountOf } from './review-markdown.js';

/** The change's lineage and the full report's link, under the title. */
export function lineageHtml(audit: Audit, reportUrl?: string): string {
  const parts: string[] = [];
  if (audit.source) {
    parts.push(
      `<p class="meta" id="lineage">Change: ${e(describeSource(audit.source))}${audit.source.url && /^https?:\/\//i.test(audit.source.url) ? ` · <a href="${e(audit.source.url)}" rel="noreferrer">CI run</a>` : ''}</p>`,
    );
  }
  if (reportUrl !== undefined)
    parts.push(
      `<p class="meta" id="report-url">Full report: <a href="${e(reportUrl)}" rel="noreferrer">${e(reportUrl)}</a></p>`,
    );
  return parts.join('\n');
}

/** `audit --baseline`: the privilege diff from the baseline, privileged changes first. */
export function baselineHtml(audit: Audit): string {
  const baseline = audit.baseline;
  if (!baseline) return '';
  const diff = baseline.diff;
  const s = diff.summary;
  const verdict =
    s.blockingNew > 0
      ? `<span class="badge bad">${s.blockingNew} new blocking</span>`
      : '<span class="badge good">no new blocking finding</span>';
  const summary = `<p id="baseline-summary">${verdict} identities +${s.identitiesAdded} −${s.identitiesRemoved} ~${s.identitiesChanged} (${s.identitiesRenamed} renamed) · grants +${s.grantsAdded} −${s.grantsRemoved} · credentials +${s.credentialsAdded} −${s.credentialsRemoved} · trust ${s.trustWidened} widened, ${s.trustNarrowed} narrowed · findings ${s.findingsNew} new, ${s.findingsResolved} resolved</p>`;
  const meta = `<p class="meta">Against the audit of ${e(baseline.generatedAt)}${baseline.source ? ` (${e(describeSource(baseline.source))})` : ''}, ${baseline.identities} identities, catalog <code>${e(baseline.catalog)}</code>. Removals are made by this change${audit.source ? ` (${e(describeSource(audit.source))})` : ''}.</p>`;
  const empty =
    diff.identities.length +
      diff.renamed.length +
      diff.exceptions.length +
      diff.otherFindings.new.length +
      diff.otherFindings.resolved.length ===
    0;
  return `<section id="baseline-diff">
<h2>Change since the baseline</h2>
${meta}
${summary}
${empty ? '<p>No change in privilege.</p>' : `${identityChangesTable(diff)}${renamedList(diff)}${exceptionChanges(diff)}${otherFindingChanges(diff)}`}
</section>`;
}

function identityChangesTable(diff: PrivilegeDiff): string {
  if (diff.identities.length === 0) return '';
  const rows = diff.identities.map(
    (identity) =>
      `<tr class="${identity.privileged ? 'privileged' : ''}" data-key="${e(identity.key)}" data-change="${identity.change}" data-privileged="${identity.privileged}"><td><strong>${e(identity.name)}</strong>${identity.privileged ? ' <span class="badge bad">privileged</span>' : ''}<div class="sub"><code>${e(identity.key)}</code></div></td><td>${identity.change}</td><td>${e(identity.owner ?? '(no owner)')}</td><td>${changeList(identity)}</td></tr>`,
  );
  return `<table id="identity-changes"><thead><tr><th>Identity</th><th>Change</th><th>Owner</th><th>What changed</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function changeList(identity: IdentityDiff): string {
  const items = [
    ...(identity.renamed
      ? [
          `<li class="renamed">renamed <code>${e(identity.renamed.fromResource ?? identity.renamed.from)}</code> → <code>${e(identity.renamed.toResource ?? identity.renamed.to)}</code></li>`,
        ]
      : []),
    ...identity.grants.added.map((grant) => grantItem(grant, 'added')),
    ...identity.grants.removed.map((grant) => grantItem(grant, 'removed')),
    ...identity.credentials.added.map(
      (c) =>
        `<li class="added" data-entry="credential">+ credential ${e(c.kind)} <span class="badge ${c.lifetime === 'long-lived' ? 'bad' : 'good'}">${c.lifetime}</span> <code>${e(c.resource)}</code></li>`,
    ),
    ...identity.credentials.removed.map(
      (c) =>
        `<li class="removed" data-entry="credential">− credential ${e(c.kind)} (${c.lifetime}) <code>${e(c.resource)}</code></li>`,
    ),
    ...identity.trust.widened.map((t) => trustItem(t, 'widened')),
    ...identity.trust.narrowed.map((t) => trustItem(t, 'narrowed')),
    ...identity.exceptions.map(
      (x) => `<li data-entry="exception">exception ${e(x.change)}: ${e(x.id)} (expires ${e(x.expires)})</li>`,
    ),
    ...identity.findings.new.map((f) => findingItem(f, 'new')),
    ...identity.findings.resolved.map((f) => findingItem(f, 'resolved')),
  ];
  return `<ul>${items.join('')}</ul>`;
}

function grantItem(grant: GrantChange, change: 'added' | 'removed'): string {
  return `<li class="${change}" data-entry="grant">${change === 'added' ? '+' : '−'} grant <code>${e(grant.statement)}</code>${grant.privileged.length ? ` <span class="badge bad">privileged: ${e(grant.privileged.join(', '))}</span>` : ''} <span class="sub">via ${e(grant.grant)}</span></li>`;
}

function trustItem(trust: TrustChange, change: 'widened' | 'narrowed'): string {
  return `<li class="${change === 'widened' ? 'added' : 'removed'}" data-entry="trust">trust ${change}: ${e(trust.kind)} <code>${e(trust.principal)}</code> <span class="sub">(${e(trust.reason)})</span></li>`;
}

function findingItem(finding: FindingChange, change: 'new' | 'resolved'): string {
  return `<li class="${change === 'new' ? (finding.blocking ? 'blocking' : 'added') : 'removed'}" data-entry="finding">${change} finding <code>${e(finding.ruleId)}</code>${finding.detail ? ` <code>${e(finding.detail)}</code>` : ''}${finding.blocking ? ' <span class="badge bad">blocking</span>' : ''}${finding.waivedBy ? ` <em>(waived by ${e(finding.waivedBy)})</em>` : ''}</li>`;
}

function renamedList(diff: PrivilegeDiff): string {
  if (!diff.renamed.length) return '';
  return `<h3>Renamed (no change in privilege)</h3><ul id="renamed">${diff.renamed.map((r) => `<li><code>${e(r.fromResource ?? r.from)}</code> → <code>${e(r.toResource ?? r.to)}</code> <span class="sub">by ${e(r.matchedBy)}</span></li>`).join('')}</ul>`;
}

function exceptionChanges(diff: PrivilegeDiff): string {
  if (!diff.exceptions.length) return '';
  return `<h3>Catalog exceptions</h3><ul id="exception-changes">${diff.exceptions.map((x) => `<li>${e(x.change)} ${e(x.id)} (${e(x.rule)} on <code>${e(x.target)}</code>, approved by ${e(x.approvedBy)}, expires ${e(x.expires)}${x.was ? `, was ${e(x.was)}` : ''})</li>`).join('')}</ul>`;
}

function otherFindingChanges(diff: PrivilegeDiff): string {
  const other = diff.otherFindings;
  if (!other.new.length && !other.resolved.length) return '';
  return `<h3>Findings on no identity</h3><ul>${[...other.new.map((f) => findingItem(f, 'new')), ...other.resolved.map((f) => findingItem(f, 'resolved'))].join('')}</ul>`;
}

/** The review queue, one table per owner, standing before just in time and new before unchanged. */
export function reviewHtml(queue: ReviewQueue | undefined): string {
  if (!queue) return '';
  const counts = `${queue.items} item${queue.items === 1 ? '' : 's'}, ${queue.standing} standing${queue.newOrChanged !== undefined ? `, ${queue.newOrChanged} new or changed since the baseline` : ''}`;
  if (queue.items === 0)
    return `<section id="review-queue"><h2>To review</h2><p>Nothing privileged and no exception to review.</p></section>`;
  const owners = queue.owners.map(
    (group) =>
      `<div class="review-owner" data-owner="${e(group.owner)}"><h3>${e(group.owner)}${group.contact ? ` <span class="sub">${e(group.contact)}</span>` : ''}</h3><table class="review"><thead><tr><th>Review id</th><th>What</th><th>Held</th><th>Since baseline</th><th>Review by</th><th>Evidence</th></tr></thead><tbody>${group.items.map(reviewRow).join('\n')}</tbody></table></div>`,
  );
  return `<section id="review-queue">
<h2>To review</h2>
<p class="meta" id="review-counts">${e(counts)}. Each item keeps its review id across runs while its identity keeps its catalog id, physical name or declaration; <code>--format review</code> writes the queue as JSON for a ticketing system.</p>
${owners.join('\n')}
</section>`;
}

function reviewRow(item: ReviewItem): string {
  const mode = item.mode
    ? `<span class="badge ${item.mode === 'standing' ? 'bad' : item.mode === 'pending' ? 'warn' : 'good'}">${item.mode === 'just-in-time' ? 'just in time' : item.mode}</span>`
    : '';
  const since = item.since
    ? `<span class="badge ${item.since === 'unchanged' ? '' : 'warn'}">${item.since}</span>`
    : '—';
  const ev = item.evidence;
  const facts = [
    ev.entitlement !== undefined ? `<li>entitlement ${e(ev.entitlement)}</li>` : '',
    ...ev.grants.map((grant) => `<li>grants <code>${e(grant)}</code></li>`),
    ...ev.assumableBy.map((who) => `<li>assumable by <code>${e(who)}</code></li>`),
    ...ev.runsOn.map((what) => `<li>runs on ${e(what)}</li>`),
    ...ev.credentials.map((credential) => `<li class="bad-text">long-lived ${e(credential)}</li>`),
    ...ev.exceptions.map((exception) => `<li>${item.kind === 'exception' ? '' : 'exception '}${e(exception)}</li>`),
    ...ev.gaps.map((gap) => `<li class="bad-text">${e(gap)}</li>`),
    ev.blocking ? `<li class="bad-text">${ev.blocking} blocking finding${ev.blocking === 1 ? '' : 's'}</li>` : '',
  ].filter(Boolean);
  const about =
    item.identity !== undefined
      ? `<div class="sub">${e(item.identity)}${item.clouds?.length ? ` (${e(item.clouds.join(', '))})` : ''}</div>`
      : '';
  return `<tr data-review-id="${e(item.id)}" data-kind="${item.kind}" data-mode="${item.mode ?? ''}" data-since="${item.since ?? ''}"><td><code>${e(item.id)}</code></td><td>${e(item.subject)}${about}</td><td>${mode}</td><td>${since}</td><td>${e(item.reviewers.join(', '))}</td><td><ul>${facts.join('')}</ul></td></tr>`;
}

/** Under a catalog identity on several clouds: each cloud's identity, with its account and what it holds. */
export function placementsHtml(identity: AuditIdentity): string {
  if (!identity.placements?.length) return '';
  const rows = identity.placements.map((placement) => {
    const account = accountOf(placement);
    const where = placement.resource
      ? `${e(placement.resource.type)} <code>${e(placement.resource.path ?? placement.resource.urn ?? placement.resource.name)}</code>`
      : '';
    const grants = placement.grants.reduce((sum, grant) => sum + grant.statements.length, 0);
    const blocking = placement.findings.filter((finding) => finding.blocking).length;
    return `<li class="placement" data-cloud="${e(placement.cloud ?? '')}"><b>${e(placement.cloud ?? '')}</b> ${e(placement.name)}${account ? ` in ${e(account)}` : ''} <span class="sub">${where}</span> · ${grants} grant${grants === 1 ? '' : 's'}, ${placement.credentials.length} credential${placement.credentials.length === 1 ? '' : 's'}, ${placement.findings.length} finding${placement.findings.length === 1 ? '' : 's'}${blocking ? ` (${blocking} blocking)` : ''}</li>`;
  });
  return `<ul class="placements">${rows.join('')}</ul>`;
}

export const REVIEW_STYLE = `
#identity-changes li.added{color:var(--bad)}#identity-changes li.blocking{color:var(--bad);font-weight:600}#identity-changes li.removed{color:var(--good)}
.review-owner h3{margin:16px 0 6px;font-size:15px}table.review td:first-child{white-space:nowrap}ul.placements{margin:4px 0 0;padding-left:16px;font-size:12px}
`;
