import type {
  Audit,
  AuditDefinition,
  AuditException,
  AuditFinding,
  AuditHolding,
  AuditIdentity,
  AuditSecret,
  AuditResourceShare,
  AuditSharedKey,
} from '../audit/types.js';
import { sharedKeyStatus } from '../audit/credentials.js';
import { claimTexts } from './audit-claims.js';
import { escapeHtml as e } from './escape.js';
import type { AuditRenderOptions } from './audit-options.js';
import { baselineHtml, lineageHtml, placementsHtml, reviewHtml, REVIEW_STYLE } from './review-html.js';

/**
 * The audit as one self-contained HTML file: inline CSS, inline script, inline SVG charts, and a Content Security
 * Policy that forbids every network load. Every value from the change or the catalog is escaped; the script only
 * sorts and hides rows the server rendered, it never writes markup.
 */
export function formatAuditHtml(audit: Audit, options: AuditRenderOptions = {}): string {
  const s = audit.summary;
  const exceptions = audit.exceptions;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Entitlement audit — ${e(audit.generatedAt.slice(0, 10))}</title>
<style>${STYLE}${REVIEW_STYLE}</style>
</head>
<body>
<header>
<h1>Entitlement audit</h1>
<p class="meta">Generated ${e(audit.generatedAt)} against catalog <code>${e(audit.catalog)}</code>. Days left are counted from that time. AWS managed policies as of ${e(audit.awsManagedPolicies.date)} (${e(audit.awsManagedPolicies.source)} ${e(audit.awsManagedPolicies.version)}).</p>
${lineageHtml(audit, options.reportUrl)}
</header>
<section class="cards" aria-label="Summary">
${card('Identities', s.identities, `${s.catalogOnly} catalog-only`)}
${card('Privileged', s.privileged, 'hold privileged access', s.privileged ? 'warn' : '')}
${card('Blocking findings', s.findings.blocking, `${s.findings.advisory} advisory, ${s.findings.waived} waived`, s.findings.blocking ? 'bad' : 'good')}
${card('Exceptions', exceptions.length, `${audit.hygiene.expiringExceptions.length} expiring, ${audit.hygiene.expiredExceptions.length} expired`, audit.hygiene.expiredExceptions.length ? 'warn' : '')}
${card('Secrets', s.secrets, 'in the change')}
</section>
<section class="charts">
${barChart('Findings by rule', 'chart-by-rule', Object.entries(s.byRule))}
${barChart('Findings by owner', 'chart-by-owner', Object.entries(s.byOwner))}
</section>
<section>
<h2>Identities</h2>
<div class="filters" role="search">
<input id="filter" type="search" placeholder="Filter by any text…" aria-label="Filter identities">
${select('class-filter', 'Class', distinct(audit.identities.map((i) => i.class ?? 'undeclared')))}
${select('owner-filter', 'Owner', distinct(audit.identities.map((i) => i.owner ?? '(no owner)')))}
<label><input id="privileged-only" type="checkbox"> privileged only</label>
<label><input id="findings-only" type="checkbox"> with findings only</label>
<span id="row-count" aria-live="polite">${audit.identities.length} of ${audit.identities.length} identities</span>
</div>
<table id="identities">
<thead><tr>
${header('name', 'Identity', 'text')}${header('origin', 'Origin', 'text')}${header('owner', 'Owner', 'text')}${header('class', 'Class', 'text')}
<th>Entitlements</th><th>Credentials</th><th>Trust</th>
${header('exceptions', 'Exceptions', 'number')}${header('findings', 'Findings', 'number')}
</tr></thead>
<tbody>
${audit.identities.map(identityRow).join('\n')}
</tbody>
</table>
</section>
${baselineHtml(audit)}
${reviewHtml(audit.review)}
<section>
<h2>Exceptions</h2>
${exceptions.length ? exceptionTable(exceptions) : '<p>The catalog grants no exceptions.</p>'}
</section>
<section>
<h2>Catalog hygiene</h2>
${hygiene(audit)}
</section>${audit.burnDown?.length ? `\n<section><h2>Burn-down</h2>${burnDownTable(audit)}</section>` : ''}
${audit.secrets.length ? `<section><h2>Secrets</h2>${secretTable(audit.secrets)}</section>` : ''}${audit.definitions?.length ? `<section><h2>Role definitions and federation providers</h2>${definitionTable(audit.definitions)}</section>` : ''}
${audit.sharedKeys?.length ? `<section><h2>Resource keys (long-lived, held by no identity)</h2>${sharedKeyTable(audit.sharedKeys)}</section>\n` : ''}${audit.resourceShares?.length ? `<section><h2>Resource Access Manager shares</h2>${resourceShareTable(audit.resourceShares)}</section>\n` : ''}${audit.otherFindings.length ? `<section><h2>Other findings</h2>${findingList(audit.otherFindings)}</section>` : ''}${audit.removed?.length ? `<section><h2>Removed by the change</h2><ul id="removed">${audit.removed.map((ref) => `<li>${e(ref.type)} <code>${e(ref.name)}</code></li>`).join('')}</ul></section>` : ''}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Each definition with what it grants (privileged routes, actions, permissions, or its trust) and who holds it. */
function definitionTable(definitions: AuditDefinition[]): string {
  const rows = definitions.map((definition) => {
    const grants = definition.grants.length
      ? `<ul>${definition.grants.map((grant) => `<li><b>${e(grant.category)}</b>: ${grant.examples.map((example) => `<code>${e(example)}</code>`).join(', ')}</li>`).join('')}</ul>`
      : 'nothing privileged';
    const aggregates = definition.aggregates?.length
      ? `<br>aggregates ${definition.aggregates.map((name) => `<code>${e(name)}</code>`).join(', ')}`
      : '';
    const bound = definition.boundBy.length
      ? definition.boundBy.map((binding) => e(binding)).join('<br>')
      : 'not bound in this change';
    const blocking = definition.findings.filter((finding) => finding.blocking).length;
    return `<tr${definition.findings.length ? ' class="privileged"' : ''}><td>${e(definition.kind)}</td><td><code>${e(definition.name)}</code>${aggregates}</td><td>${e(definition.scope ?? '')}</td><td>${grants}</td><td>${bound}</td><td>${definition.findings.length ? `${blocking} blocking / ${definition.findings.length}` : '0'}</td></tr>`;
  });
  return `<table id="definitions"><thead><tr><th>kind</th><th>name</th><th>scope</th><th>grants</th><th>bound by</th><th>findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function card(title: string, value: number, note: string, tone = ''): string {
  return `<div class="card ${tone}"><div class="value">${value}</div><div class="title">${e(title)}</div><div class="note">${e(note)}</div></div>`;
}

function header(key: string, title: string, type: 'text' | 'number'): string {
  return `<th aria-sort="none"><button type="button" data-sort="${key}" data-type="${type}">${e(title)}</button></th>`;
}

function select(id: string, label: string, values: string[]): string {
  return `<label>${e(label)} <select id="${id}"><option value="">all</option>${values.map((v) => `<option value="${e(v)}">${e(v)}</option>`).join('')}</select></label>`;
}

function identityRow(identity: AuditIdentity): string {
  const privileged = identity.privilegedPaths.length > 0;
  const blocking = identity.findings.filter((f) => f.blocking).length;
  const owner = identity.owner ?? '(no owner)';
  const attributes = [
    `data-name="${e(identity.name)}"`,
    `data-origin="${identity.origin}"`,
    `data-owner="${e(owner)}"`,
    `data-class="${e(identity.class ?? 'undeclared')}"`,
    `data-privileged="${privileged}"`,
    `data-exceptions="${identity.exceptions.length}"`,
    // Sorts by blocking findings first, then by all findings.
    `data-findings="${blocking * 10_000 + identity.findings.length}"`,
  ].join(' ');
  return `<tr class="${privileged ? 'privileged' : ''}" ${attributes}>
<td class="identity"><strong>${e(identity.name)}</strong>${privileged ? ' <span class="badge bad">privileged</span>' : ''}
<div class="sub">${identity.placements?.length ? `one catalog identity on ${identity.placements.length} clouds${placementsHtml(identity)}` : identity.resource ? `${e(identity.resource.type)} <code>${e(identity.resource.path ?? identity.resource.urn ?? `${identity.resource.stack ? `${identity.resource.stack}/` : ''}${identity.resource.name}`)}</code>` : 'declared in the catalog only'}</div>
${identity.purpose ? `<div class="sub">${e(identity.purpose)}</div>` : ''}${(identity.setAtDeployment ?? []).map((tag) => `<div class="sub">${e(tag.fact)} set at deployment, not read: tag <code>${e(tag.tag)}</code> from ${e(tag.setBy)}</div>`).join('')}${claimTexts(
    identity.claims,
  )
    .map((claim) => `<div class="sub">claimed by the IaC: ${e(claim)}</div>`)
    .join(
      '',
    )}${identity.expiry ? `<div class="sub ${identity.expiry.expired ? 'bad-text' : ''}">expires ${e(identity.expiry.date)}${identity.expiry.expired ? ' (expired)' : ''}</div>` : ''}
${details(identity)}</td>
<td>${identity.origin === 'change' ? 'change' : 'catalog'}${identity.placements?.length ? ` <span class="sub">${e(identity.placements.map((p) => p.cloud ?? '').join(', '))}</span>` : ''}</td>
<td>${identity.owner ? e(identity.owner) : identity.unknownOwner ? `<span class="bad-text">unknown: ${e(identity.unknownOwner)}</span>` : '<span class="bad-text">none</span>'}</td>
<td>${e(identity.class ?? 'undeclared')}</td>
<td>${list(identity.entitlements.map((x) => `${e(x.id)}${x.privileged ? ` <span class="badge ${x.standing ? 'bad' : x.holding?.mode === 'just-in-time' ? 'good' : 'warn'}">${x.standing ? 'standing' : x.holding?.mode === 'just-in-time' ? 'just in time' : 'privileged'}</span>` : ''}${x.known ? '' : ' <span class="badge bad">unknown</span>'}`))}</td>
<td>${list(identity.credentials.map((c) => `${e(c.kind)} <span class="badge ${c.lifetime === 'long-lived' ? 'bad' : 'good'}">${c.lifetime}</span>`))}</td>
<td>${list(identity.trust.map((t) => `<span class="${t.kind === 'everyone' ? 'bad-text' : ''}">${e(t.kind)} <code>${e(t.principal)}</code></span>${t.conditions.length ? ` <span class="sub">if ${e(t.conditions.join(' and '))}</span>` : ''}`))}</td>
<td>${list(identity.exceptions.map((x) => `${e(x.id)} ${countdown(x)}`))}</td>
<td>${findingCounts(identity.findings)}</td>
</tr>`;
}

function details(identity: AuditIdentity): string {
  const parts: string[] = [];
  if (identity.privilegedPaths.length)
    parts.push(
      `<h4>Privileged paths</h4>${list(identity.privilegedPaths.map((p) => `<span class="bad-text">${e(p)}</span>`))}`,
    );
  if (identity.entitlements.length)
    parts.push(
      `<h4>Entitlements allow</h4>${list(identity.entitlements.map((x) => `${e(x.id)}: ${e(x.allows.join('; ') || (x.known ? 'nothing on these clouds' : 'not in the catalog'))}`))}`,
    );
  const held = identity.entitlements.flatMap((x) => (x.holding ? [holdingItem(x.id, x.holding)] : []));
  if (held.length) parts.push(`<h4>Standing or just in time</h4>${list(held)}`);
  if (identity.grants.length) {
    parts.push(
      `<h4>Grants</h4>${list(
        identity.grants.flatMap((grant) =>
          grant.statements.map(
            (st) =>
              `${e(grant.label)}: <code>${e(st.text)}</code> ${st.entitlements.length ? `by ${e(st.entitlements.join(', '))}` : st.beyondEntitlements ? '<span class="bad-text">beyond every entitlement</span>' : ''}`,
          ),
        ),
      )}`,
    );
  }
  if (identity.runsOn.length) parts.push(`<h4>Runs on</h4>${list(identity.runsOn.map(e))}`);
  if (identity.session) {
    const seconds = identity.session.maxSeconds;
    parts.push(
      `<h4>Session</h4><p>${seconds !== undefined ? `${seconds} s` : identity.session.unknown ? `unknown (${e(identity.session.unknown)})` : 'platform default'}${identity.session.classLimitSeconds !== undefined ? `, class limit ${identity.session.classLimitSeconds} s` : ''}</p>`,
    );
  }
  if (identity.findings.length) parts.push(`<h4>Findings</h4>${findingList(identity.findings)}`);
  return parts.length ? `<details><summary>details</summary>${parts.join('\n')}</details>` : '';
}

/** One privileged entitlement as the plan holds it, with the evidence: session, approval, path, who may assume it. */
function holdingItem(id: string, holding: AuditHolding): string {
  const mode =
    holding.mode === 'just-in-time' ? 'just in time' : holding.mode === 'pending' ? 'pending until apply' : 'standing';
  const tone = holding.mode === 'just-in-time' ? 'good' : holding.mode === 'pending' ? 'warn' : 'bad';
  const facts: [string, string][] = [
    ['session', holding.session ?? 'none (not a role)'],
    ['maxDuration', holding.maxDuration ?? 'none'],
    ['approvers', holding.approvers.join(', ') || 'none named'],
    ['approval path', holding.via.join(', ') || 'none named'],
    ['assumable by', holding.trust.join(', ') || 'nobody'],
  ];
  return `<span class="holding" data-entitlement="${e(id)}" data-mode="${holding.mode}">${e(id)} <span class="badge ${tone}">${mode}</span> ${facts
    .map(([key, value]) => `<span class="fact" data-fact="${e(key)}">${e(key)}: ${e(value)}</span>`)
    .join(
      '; ',
    )}${holding.gaps.length ? ` <span class="gaps ${tone}-text">${e(holding.gaps.join('; '))}</span>` : ''}</span>`;
}

function findingCounts(findings: AuditFinding[]): string {
  if (findings.length === 0) return '<span class="badge good">0</span>';
  const blocking = findings.filter((f) => f.blocking).length;
  const waived = findings.filter((f) => f.waivedBy).length;
  const other = findings.length - blocking - waived;
  return [
    blocking ? `<span class="badge bad">${blocking} blocking</span>` : '',
    other ? `<span class="badge warn">${other} advisory</span>` : '',
    waived ? `<span class="badge">${waived} waived</span>` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function findingList(findings: AuditFinding[]): string {
  return `<ul class="findings">${findings
    .map(
      (f) =>
        `<li class="${f.blocking ? 'blocking' : f.waivedBy ? 'waived' : 'advisory'}"><code>${e(f.ruleId)}</code>${f.detail ? ` <code>${e(f.detail)}</code>` : ''} ${e(f.message)}${
          f.waivedBy ? ` <em>(waived by ${e(f.waivedBy)})</em>` : f.pending ? ' <em>(pending)</em>' : ''
        }</li>`,
    )
    .join('')}</ul>`;
}

/** Days left as text and a bar over the next 90 days, coloured by the exception's state. */
function countdown(exception: AuditException): string {
  const days = exception.daysLeft;
  const text =
    days === undefined
      ? 'unreadable date'
      : days < 0
        ? `expired ${-days} days ago`
        : days === 0
          ? 'expires today'
          : `${days} days left`;
  const tone = exception.status === 'active' ? 'good' : exception.status === 'expiring' ? 'warn' : 'bad';
  const width = days === undefined || days < 0 ? 0 : Math.min(100, Math.round((days / 90) * 100));
  return `<span class="countdown ${tone}" title="expires ${e(exception.expires)}"><span class="bar"><span style="width:${width}%"></span></span>${e(text)}</span>`;
}

function exceptionTable(exceptions: AuditException[]): string {
  const rows = exceptions.map(
    (x) =>
      `<tr class="exception ${x.status}" data-exception="${e(x.id)}"><td>${e(x.id)}</td><td><code>${e(x.rule)}</code></td><td>${e(x.target)}</td><td>${e(x.owner)}</td><td>${e(x.approvedBy)}${x.ticket ? ` (${e(x.ticket)})` : ''}${x.approved ? ` on ${e(x.approved)}` : ''}</td><td>${e(x.expires)}</td><td>${countdown(x)}</td><td>${e(x.status)}</td><td>${x.waives}${x.unused ? ' <span class="badge warn">unused</span>' : ''}${x.tooBroad !== undefined ? ` <span class="badge bad">too broad: ${x.tooBroad}</span>` : ''}</td><td>${e(x.reason)}</td></tr>`,
  );
  return `<table id="exceptions"><thead><tr><th>Id</th><th>Rule</th><th>Target</th><th>Owner</th><th>Approved by</th><th>Expires</th><th>Countdown</th><th>Status</th><th>Waives</th><th>Reason</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** The exceptions catalog init wrote, per owner, each with its countdown. */
function burnDownTable(audit: Audit): string {
  const rows = (audit.burnDown ?? []).map((owner) => {
    const items = owner.exceptions
      .map(
        (x) =>
          `<li data-exception="${e(x.id)}">${e(x.id)} <code>${e(x.rule)}</code> for ${e(x.target)} ${countdown({ ...x, reason: '', owner: owner.owner, approvedBy: '' })}</li>`,
      )
      .join('');
    return `<tr data-owner="${e(owner.owner)}"><td>${e(owner.owner)}</td><td>${owner.open}</td><td>${owner.expired}</td><td><ul>${items}</ul></td></tr>`;
  });
  return `<p>Exceptions written by <code>catalog init</code> to document what existed at adoption, per owner, soonest expiry first.</p><table id="burn-down"><thead><tr><th>Owner</th><th>Open</th><th>Expired</th><th>Exceptions</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function hygiene(audit: Audit): string {
  const h = audit.hygiene;
  const items: [string, string[]][] = [
    ['Entitlements nobody holds', h.unusedEntitlements.map(e)],
    ['Owners with no identities', h.ownersWithoutIdentities.map(e)],
    ['Exceptions expiring within 30 days', h.expiringExceptions.map((x) => `${e(x.id)} ${countdown(x)}`)],
    ['Expired exceptions', h.expiredExceptions.map((x) => `${e(x.id)} ${countdown(x)}`)],
    [
      'Identities past expiry',
      h.expiredIdentities.map((i) => `${e(i.name)} (expired ${e(i.expires)}, ${i.daysAgo} days ago)`),
    ],
    [
      'Privileged entitlements held as standing privilege',
      h.standingPrivilege.map((p) => `${e(p.name)}: ${e(p.entitlement)}`),
    ],
    [
      'Exceptions that waive nothing in this change',
      h.unusedExceptions.map((x) => `${e(x.id)} (${e(x.rule)} for ${e(x.target)})`),
    ],
    [
      'Exceptions broader than the exception policy',
      h.overBroadExceptions.map((x) => `${e(x.id)} (names ${x.tooBroad})`),
    ],
    [
      'Unapproved waivers (suppressions no catalog exception backs)',
      h.unapprovedWaivers.map(
        (w) =>
          `<code>${e(w.id)}</code> at ${e(w.at)} hides <code>${e(w.ruleId)}</code> on ${e(w.resource.path ?? w.resource.name)}`,
      ),
    ],
  ];
  return `<dl id="hygiene">${items.map(([title, values]) => `<dt>${e(title)}</dt><dd>${values.length ? values.join(', ') : 'none'}</dd>`).join('')}</dl>`;
}

/** `set at deployment: Ref Owner (…)` for a secret whose owner tag the deployment chooses. */
function ownerSetAtDeployment(secret: AuditSecret): string | undefined {
  const owner = secret.setAtDeployment?.find((tag) => tag.fact === 'owner');
  return owner ? `set at deployment: ${owner.setBy}` : undefined;
}

function secretTable(secrets: AuditSecret[]): string {
  const rows = secrets.map(
    (secret) =>
      `<tr><td>${e(secret.name)} <div class="sub"><code>${e(secret.resource.stack ? `${secret.resource.stack}/` : '')}${e(secret.resource.name)}</code></div>${readers(secret)}</td><td>${e(secret.owner ?? ownerSetAtDeployment(secret) ?? '(no owner)')}</td><td>${
        secret.rotationDays === undefined ? '<span class="bad-text">never</span>' : e(String(secret.rotationDays))
      }</td><td>${findingCounts(secret.findings)}</td></tr>`,
  );
  return `<table id="secrets"><thead><tr><th>Secret</th><th>Owner</th><th>Rotation (days)</th><th>Findings</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** Keys resources hold of their own, on the resource that holds them: no identity holds them. */
function sharedKeyTable(sharedKeys: AuditSharedKey[]): string {
  const rows = sharedKeys.map(
    (keys) =>
      `<tr><td>${e(keys.source.type)} <code>${e(keys.source.name)}</code></td><td>${e(keys.kind)} <code>${e(keys.name)}</code> <span class="badge bad">${keys.lifetime}</span></td><td>${e(sharedKeyStatus(keys))}</td><td>${findingCounts(keys.findings)}</td></tr>`,
  );
  return `<table id="shared-keys"><thead><tr><th>Resource</th><th>Keys</th><th>Status</th><th>Findings</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** Each Resource Access Manager share: whom it shares which resources with, and under which permissions. */
function resourceShareTable(shares: AuditResourceShare[]): string {
  const rows = shares.map((share) => {
    const whom = list(
      share.sharedWith.map(
        (entry) =>
          `${e(entry.kind)} <code>${e(entry.principal)}</code>${entry.conditions.length ? ` <span class="sub">if ${e(entry.conditions.join(' and '))}</span>` : ''}`,
      ),
    );
    const external =
      share.allowExternal === 'unknown' ? 'known at deployment' : share.allowExternal ? 'allowed' : 'not allowed';
    return `<tr><td><code>${e(share.name)}</code>${share.outside ? ' <span class="sub">not created by this change</span>' : ''}</td><td>${whom}</td><td>${list(share.resources.map((resource) => `<code>${e(resource)}</code>`))}</td><td>${list(share.permissions.map((permission) => e(permission)))}</td><td>${external}</td><td>${findingCounts(share.findings)}</td></tr>`;
  });
  return `<table id="resource-shares"><thead><tr><th>Share</th><th>Shared with</th><th>Resources</th><th>Permissions</th><th>External principals</th><th>Findings</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** Who the secret's resource policies let read it, under its name; nothing when the change writes no policy on it. */
function readers(secret: AuditSecret): string {
  if (!secret.readableBy) return '';
  const principals = secret.readableBy.map(
    (reader) =>
      `<code>${e(reader.principal)}</code>${reader.conditions.length ? ` when ${e(reader.conditions.join(' and '))}` : ''}`,
  );
  return `<div class="sub">readable by: ${principals.length ? principals.join(', ') : 'nobody through its resource policy'}</div>`;
}

/** A horizontal bar chart as inline SVG, largest first; labels are escaped text nodes. */
function barChart(title: string, id: string, entries: [string, number][]): string {
  const sorted = [...entries].sort(([la, a], [lb, b]) => b - a || (la < lb ? -1 : 1));
  const max = Math.max(1, ...sorted.map(([, value]) => value));
  const row = 22;
  const labelWidth = 200;
  const barWidth = 260;
  const height = Math.max(1, sorted.length) * row + 8;
  const bars = sorted.map(([label, value], index) => {
    const y = index * row + 4;
    const width = Math.max(2, Math.round((value / max) * barWidth));
    return `<g class="bar-row" data-label="${e(label)}" data-value="${value}"><text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${e(label)}</text><rect x="${labelWidth}" y="${y + 2}" width="${width}" height="16" rx="2"></rect><text x="${labelWidth + width + 6}" y="${y + 14}">${value}</text></g>`;
  });
  const body = sorted.length ? bars.join('') : `<text x="8" y="18">no findings</text>`;
  return `<figure class="chart"><figcaption>${e(title)}</figcaption><svg id="${id}" role="img" aria-label="${e(title)}" width="${labelWidth + barWidth + 50}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg></figure>`;
}

function list(items: string[]): string {
  return items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '<span class="none">—</span>';
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

const STYLE = `
:root{--bad:#b42318;--bad-bg:#fee4e2;--warn:#b54708;--warn-bg:#fef0c7;--good:#067647;--good-bg:#dcfae6;--line:#d0d5dd;--muted:#475467}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 24px 48px;color:#101828;background:#fff}
h1{margin:20px 0 4px;font-size:24px}h2{margin:28px 0 10px;font-size:18px}h4{margin:8px 0 2px;font-size:13px}
.meta,.sub,.note{color:var(--muted);font-size:12px}code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;background:#f2f4f7;padding:0 3px;border-radius:3px;word-break:break-all}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:150px}
.card .value{font-size:26px;font-weight:700}.card.bad{border-color:var(--bad);background:var(--bad-bg)}.card.warn{border-color:var(--warn);background:var(--warn-bg)}.card.good{border-color:var(--good);background:var(--good-bg)}
.charts{display:flex;gap:24px;flex-wrap:wrap}.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:8px 12px}.chart figcaption{font-weight:600;margin-bottom:4px}
.chart rect{fill:#d92d20}#chart-by-owner rect{fill:#1570ef}.chart text{font-size:12px;fill:#101828}
.filters{display:flex;gap:14px;align-items:center;flex-wrap:wrap;margin-bottom:10px}.filters input[type=search]{padding:5px 8px;min-width:240px;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb;position:sticky;top:0}th button{font:inherit;font-weight:600;background:none;border:0;cursor:pointer;padding:0}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td ul{margin:0;padding-left:16px}td.identity{min-width:230px}#identities td:nth-child(3),#identities td:nth-child(4){white-space:nowrap}tr.privileged td:first-child{border-left:4px solid var(--bad)}tr.privileged{background:#fffbfa}
.badge{display:inline-block;border-radius:10px;padding:0 7px;font-size:11px;background:#f2f4f7;color:var(--muted);white-space:nowrap}
.badge.bad{background:var(--bad-bg);color:var(--bad)}.badge.warn{background:var(--warn-bg);color:var(--warn)}.badge.good{background:var(--good-bg);color:var(--good)}
.bad-text{color:var(--bad)}.none{color:var(--muted)}details summary{cursor:pointer;color:#1570ef;font-size:12px}
.countdown{display:inline-flex;align-items:center;gap:6px;white-space:nowrap;font-size:12px}.countdown .bar{display:inline-block;width:60px;height:6px;background:#eaecf0;border-radius:3px;overflow:hidden}
.countdown .bar span{display:block;height:100%}.countdown.good .bar span{background:var(--good)}.countdown.warn .bar span{background:var(--warn)}.countdown.bad{color:var(--bad)}
tr.exception.expired td,tr.exception.invalid td{background:var(--bad-bg)}tr.exception.expiring td{background:var(--warn-bg)}
ul.findings{padding-left:18px}ul.findings li.blocking{color:var(--bad)}ul.findings li.waived{color:var(--muted)}
dl#hygiene dt{font-weight:600;margin-top:6px}dl#hygiene dd{margin:0 0 0 16px}
`;

/** Sorting and filtering over the rendered rows; it reads data attributes and text, and never writes HTML. */
const SCRIPT = `
(() => {
  const tbody = document.querySelector('#identities tbody');
  const rows = Array.from(tbody.rows);
  const count = document.getElementById('row-count');
  const controls = ['filter', 'class-filter', 'owner-filter', 'privileged-only', 'findings-only'].map((id) => document.getElementById(id));
  const [text, cls, owner, privileged, withFindings] = controls;
  function applyFilter() {
    const needle = text.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const visible = (!needle || row.textContent.toLowerCase().includes(needle)) &&
        (!cls.value || row.dataset.class === cls.value) &&
        (!owner.value || row.dataset.owner === owner.value) &&
        (!privileged.checked || row.dataset.privileged === 'true') &&
        (!withFindings.checked || row.dataset.findings !== '0');
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' identities';
  }
  for (const control of controls) control.addEventListener('input', applyFilter);
  for (const button of document.querySelectorAll('#identities th button')) {
    button.addEventListener('click', () => {
      const th = button.parentElement;
      const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of document.querySelectorAll('#identities th')) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', direction);
      const key = button.dataset.sort;
      const numeric = button.dataset.type === 'number';
      const sign = direction === 'ascending' ? 1 : -1;
      const sorted = Array.from(tbody.rows).sort((a, b) => {
        const x = a.dataset[key], y = b.dataset[key];
        const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return sign * order || a.dataset.name.localeCompare(b.dataset.name);
      });
      for (const row of sorted) tbody.appendChild(row);
    });
  }
})();
`;
