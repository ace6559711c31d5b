import { sharedKeyStatus } from '../audit/credentials.js';
import type {
  Audit,
  AuditDefinition,
  AuditException,
  AuditHolding,
  AuditIdentity,
  AuditResourceShare,
  AuditSharedKey,
} from '../audit/types.js';
import { claimTexts } from './audit-claims.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { plural } from '../util/plural.js';
import type { AuditRenderOptions } from './audit-options.js';
import { accountOf, baselineSection, lineageLines, reviewSection } from './review-markdown.js';

/**
 * The audit as Markdown (a PR comment or a wiki page): counts first, one table row per identity, catalog hygiene,
 * then each identity's grants, credentials, trust, exceptions and findings folded in `<details>`.
 */
export function formatAuditMarkdown(audit: Audit, options: AuditRenderOptions = {}): string {
  const s = audit.summary;
  const lines = [
    `### Entitlement audit — ${escapeMarkdown(audit.generatedAt.slice(0, 10))}`,
    '',
    `${plural(s.identities, 'identity', 'identities')} (${s.catalogOnly} declared only in the catalog, ${s.privileged} privileged), ${plural(s.secrets, 'secret')} · ` +
      `findings: **${s.findings.blocking}** blocking, ${s.findings.advisory} advisory, ${s.findings.waived} waived · catalog ${markdownCode(audit.catalog)} · ` +
      `AWS managed policies as of ${escapeMarkdown(audit.awsManagedPolicies.date)} (${escapeMarkdown(`${audit.awsManagedPolicies.source} ${audit.awsManagedPolicies.version}`)})`,
    '',
    ...lineageLines(audit, options.reportUrl),
    '| identity | origin | owner | class | entitlements | credentials | trust | exceptions | findings |',
    '|---|---|---|---|---|---|---|---|---|',
    ...audit.identities.map(identityRow),
    '',
    ...baselineSection(audit, options.reportUrl),
    ...reviewSection(audit.review),
    ...hygieneSection(audit),
    ...(audit.burnDown?.length ? burnDownSection(audit) : []),
    ...(audit.definitions?.length ? definitionsSection(audit.definitions) : []),
    ...(audit.sharedKeys?.length ? sharedKeysSection(audit.sharedKeys) : []),
    ...(audit.resourceShares?.length ? resourceSharesSection(audit.resourceShares) : []),
    ...(audit.removed?.length
      ? [
          '#### Removed by the change',
          '',
          ...audit.removed.map((ref) => `- ${escapeMarkdown(ref.type)} ${markdownCode(ref.name)}`),
          '',
        ]
      : []),
    '<details><summary>Identity details</summary>',
    '',
    ...audit.identities.flatMap(identityDetails),
    '</details>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Each role definition and federation provider of the change with what it grants and who holds it. */
function definitionsSection(definitions: AuditDefinition[]): string[] {
  return [
    '#### Role definitions and federation providers',
    '',
    '| kind | name | scope | grants | bound by | findings |',
    '|---|---|---|---|---|---|',
    ...definitions.map((definition) => {
      const grants =
        definition.grants
          .map((grant) => `${escapeMarkdown(grant.category)}: ${grant.examples.map(markdownCode).join(', ')}`)
          .join('; ') || 'nothing privileged';
      const aggregates = definition.aggregates?.length
        ? ` (aggregates ${definition.aggregates.map(markdownCode).join(', ')})`
        : '';
      const bound = definition.boundBy.map(escapeMarkdown).join('; ') || 'not bound in this change';
      const blocking = definition.findings.filter((finding) => finding.blocking).length;
      const findings = definition.findings.length ? `${blocking} blocking / ${definition.findings.length}` : '0';
      return `| ${escapeMarkdown(definition.kind)} | ${markdownCode(definition.name)}${aggregates} | ${escapeMarkdown(definition.scope ?? '')} | ${grants} | ${bound} | ${findings} |`;
    }),
    '',
  ];
}

/** Keys resources hold of their own: long-lived credentials listed on the resource, since no identity holds them. */
function sharedKeysSection(sharedKeys: AuditSharedKey[]): string[] {
  return [
    '#### Resource keys (long-lived, held by no identity)',
    '',
    '| resource | keys | status | findings |',
    '|---|---|---|---|',
    ...sharedKeys.map((keys) => {
      const blocking = keys.findings.filter((finding) => finding.blocking).length;
      const findings = keys.findings.length ? `${blocking} blocking / ${keys.findings.length}` : '0';
      return `| ${escapeMarkdown(keys.source.type)} ${markdownCode(keys.source.name)} | ${escapeMarkdown(keys.kind)} ${markdownCode(keys.name)} (${keys.lifetime}) | ${escapeMarkdown(sharedKeyStatus(keys))} | ${findings} |`;
    }),
    '',
  ];
}

/** Each Resource Access Manager share: whom it shares which resources with, and under which permissions. */
function resourceSharesSection(shares: AuditResourceShare[]): string[] {
  return [
    '#### Resource Access Manager shares',
    '',
    '| share | shared with | resources | permissions | external principals | findings |',
    '|---|---|---|---|---|---|',
    ...shares.map((share) => {
      const name = `${markdownCode(share.name)}${share.outside ? ' (not created by this change)' : ''}`;
      const whom =
        share.sharedWith
          .map(
            (entry) =>
              `${escapeMarkdown(entry.kind)} ${markdownCode(entry.principal)}${entry.conditions.length ? ` if ${escapeMarkdown(entry.conditions.join(' and '))}` : ''}`,
          )
          .join(', ') || '—';
      const resources = share.resources.map(markdownCode).join(', ') || '—';
      const permissions = share.permissions.map(escapeMarkdown).join('; ');
      const external =
        share.allowExternal === 'unknown' ? 'known at deployment' : share.allowExternal ? 'allowed' : 'not allowed';
      const blocking = share.findings.filter((finding) => finding.blocking).length;
      const findings = share.findings.length ? `${blocking} blocking / ${share.findings.length}` : '0';
      return `| ${name} | ${whom} | ${resources} | ${permissions} | ${external} | ${findings} |`;
    }),
    '',
  ];
}

function identityRow(identity: AuditIdentity): string {
  const name = `${identity.privilegedPaths.length ? '🔴 ' : ''}${escapeMarkdown(identity.name)}`;
  const owner = identity.owner
    ? escapeMarkdown(identity.owner)
    : identity.unknownOwner
      ? `unknown: ${escapeMarkdown(identity.unknownOwner)}`
      : '—';
  const entitlements =
    identity.entitlements
      .map(
        (e) =>
          `${escapeMarkdown(e.id)}${e.standing ? ' (standing)' : e.holding?.mode === 'just-in-time' ? ' (just in time)' : ''}`,
      )
      .join(', ') || '—';
  const credentials = identity.credentials.map((c) => `${escapeMarkdown(c.kind)} (${c.lifetime})`).join(', ') || '—';
  const trust = identity.trust.map((t) => `${escapeMarkdown(t.kind)} ${escapeMarkdown(t.principal)}`).join(', ') || '—';
  const exceptions = identity.exceptions.map(exceptionCell).join(', ') || '—';
  const blocking = identity.findings.filter((f) => f.blocking).length;
  const findings = identity.findings.length ? `${blocking} blocking / ${identity.findings.length}` : '0';
  const origin = identity.placements?.length
    ? `${identity.origin} (${identity.placements.map((p) => escapeMarkdown(p.cloud ?? '')).join(', ')})`
    : identity.origin;
  return `| ${name} | ${origin} | ${owner} | ${identity.class ?? 'undeclared'} | ${entitlements} | ${credentials} | ${trust} | ${exceptions} | ${findings} |`;
}

function exceptionCell(exception: AuditException): string {
  return `${escapeMarkdown(exception.id)} (${countdown(exception)})`;
}

function countdown(exception: AuditException): string {
  if (exception.daysLeft === undefined) return `${exception.status}, unreadable date`;
  if (exception.daysLeft < 0) return `expired ${-exception.daysLeft} days ago`;
  return `${exception.status === 'invalid' ? 'invalid, ' : ''}${exception.daysLeft} days left`;
}

/** `just in time: session 1h, maxDuration 1h, …` or `standing: why`, with the evidence read from the plan. */
function holdingText(holding: AuditHolding): string {
  const mode =
    holding.mode === 'just-in-time'
      ? 'just in time'
      : holding.mode === 'pending'
        ? 'pending until apply'
        : '**standing**';
  const evidence = [
    `session ${holding.session ? escapeMarkdown(holding.session) : 'none (not a role)'}`,
    `maxDuration ${holding.maxDuration ? escapeMarkdown(holding.maxDuration) : 'none'}`,
    `approved by ${holding.approvers.length ? holding.approvers.map(escapeMarkdown).join(', ') : 'nobody named'}`,
    `approval path ${holding.via.length ? holding.via.map(markdownCode).join(', ') : 'none named'}`,
    `assumable by ${holding.trust.length ? holding.trust.map(markdownCode).join(', ') : 'nobody'}`,
  ];
  return `${mode}: ${evidence.join('; ')}${holding.gaps.length ? ` — ${holding.gaps.map(escapeMarkdown).join('; ')}` : ''}`;
}

/** The exceptions catalog init wrote, per owner, with their days left. */
function burnDownSection(audit: Audit): string[] {
  const lines = [
    '#### Burn-down (exceptions written by catalog init)',
    '',
    '| owner | open | expired | next expiry | exceptions |',
    '|---|---|---|---|---|',
  ];
  for (const owner of audit.burnDown ?? []) {
    const next =
      owner.nextExpiryDays === undefined
        ? '—'
        : owner.nextExpiryDays < 0
          ? `${-owner.nextExpiryDays} days ago`
          : `in ${owner.nextExpiryDays} days`;
    const items = owner.exceptions.map(
      (x) =>
        `${escapeMarkdown(x.id)} (${escapeMarkdown(x.rule)} for ${escapeMarkdown(x.target)}: ${x.daysLeft === undefined ? 'unreadable date' : x.daysLeft < 0 ? `expired ${-x.daysLeft} days ago` : `${x.daysLeft} days left`})`,
    );
    lines.push(
      `| ${escapeMarkdown(owner.owner)} | ${owner.open} | ${owner.expired} | ${next} | ${items.join('<br>')} |`,
    );
  }
  return [...lines, ''];
}

function hygieneSection(audit: Audit): string[] {
  const h = audit.hygiene;
  const items = [
    ['Entitlements nobody holds', h.unusedEntitlements.map(escapeMarkdown)],
    ['Owners with no identities', h.ownersWithoutIdentities.map(escapeMarkdown)],
    [
      'Exceptions expiring within 30 days',
      h.expiringExceptions.map((e) => `${escapeMarkdown(e.id)} (${countdown(e)})`),
    ],
    ['Expired exceptions', h.expiredExceptions.map((e) => `${escapeMarkdown(e.id)} (${countdown(e)})`)],
    [
      'Identities past expiry',
      h.expiredIdentities.map((i) => `${escapeMarkdown(i.name)} (expired ${escapeMarkdown(i.expires)})`),
    ],
    [
      'Privileged entitlements held as standing privilege',
      h.standingPrivilege.map((p) => `${escapeMarkdown(p.name)}: ${escapeMarkdown(p.entitlement)}`),
    ],
    [
      'Exceptions that waive nothing in this change',
      h.unusedExceptions.map(
        (e) => `${escapeMarkdown(e.id)} (${escapeMarkdown(e.rule)} for ${escapeMarkdown(e.target)})`,
      ),
    ],
    [
      'Exceptions broader than the exception policy',
      h.overBroadExceptions.map((e) => `${escapeMarkdown(e.id)} (names ${e.tooBroad})`),
    ],
    [
      'Unapproved waivers (suppressions no catalog exception backs)',
      h.unapprovedWaivers.map(
        (w) =>
          `${markdownCode(w.id)} at ${escapeMarkdown(w.at)} hides ${escapeMarkdown(w.ruleId)} on ${escapeMarkdown(w.resource.path ?? w.resource.name)}`,
      ),
    ],
  ] as const;
  return [
    '#### Catalog hygiene',
    '',
    ...items.map(([title, values]) => `- ${title}: ${values.length ? values.join(', ') : 'none'}`),
    '',
  ];
}

function identityDetails(identity: AuditIdentity): string[] {
  const where = identity.placements?.length
    ? ` — one catalog identity on ${identity.placements.length} clouds`
    : identity.resource
      ? ` — ${markdownCode(`${identity.resource.type} ${identity.resource.path ?? identity.resource.name}`)}`
      : ' — declared in the catalog only';
  const lines = [`#### ${escapeMarkdown(identity.name)}${where}`, ''];
  for (const placement of identity.placements ?? []) {
    const account = accountOf(placement);
    const blocking = placement.findings.filter((finding) => finding.blocking).length;
    lines.push(
      `- on ${escapeMarkdown(placement.cloud ?? '')}: ${escapeMarkdown(placement.name)}${account ? ` in ${escapeMarkdown(account)}` : ''}${placement.resource ? ` (${markdownCode(`${placement.resource.type} ${placement.resource.path ?? placement.resource.urn ?? placement.resource.name}`)})` : ''}: ` +
        `${plural(
          placement.grants.reduce((sum, grant) => sum + grant.statements.length, 0),
          'grant',
        )}, ${plural(placement.credentials.length, 'credential')}, ${plural(placement.findings.length, 'finding')} (${blocking} blocking)`,
    );
  }
  if (identity.purpose) lines.push(`- purpose: ${escapeMarkdown(identity.purpose)}`);
  if (identity.expiry)
    lines.push(`- expires: ${escapeMarkdown(identity.expiry.date)}${identity.expiry.expired ? ' (expired)' : ''}`);
  if (identity.setAtDeployment?.length) {
    lines.push('- set at deployment, not read:');
    for (const tag of identity.setAtDeployment)
      lines.push(`  - ${tag.fact}: tag ${markdownCode(tag.tag)} from ${escapeMarkdown(tag.setBy)}`);
  }
  for (const claim of claimTexts(identity.claims)) lines.push(`- claimed by the IaC: ${escapeMarkdown(claim)}`);
  for (const entitlement of identity.entitlements) {
    lines.push(
      `- entitlement ${escapeMarkdown(entitlement.id)}${entitlement.known ? '' : ' (not in the catalog)'}${entitlement.privileged ? ' (privileged)' : ''}: ${entitlement.allows.map(markdownCode).join('; ') || '—'}`,
    );
    if (entitlement.privilegedBy)
      lines.push(
        `  - privileged by what it grants (${escapeMarkdown(entitlement.privilegedBy)}), though the catalog does not say so`,
      );
    if (entitlement.holding) lines.push(`  - ${holdingText(entitlement.holding)}`);
    else if (entitlement.approvers?.length)
      lines.push(
        `  - approved by ${entitlement.approvers.map(escapeMarkdown).join(', ')}${entitlement.maxDuration ? `, at most ${escapeMarkdown(entitlement.maxDuration)} per approval` : ''}`,
      );
  }
  for (const grant of identity.grants) {
    for (const statement of grant.statements) {
      const via = statement.entitlements.length
        ? `by ${statement.entitlements.map(escapeMarkdown).join(', ')}`
        : statement.beyondEntitlements
          ? '**beyond every entitlement**'
          : '';
      lines.push(`- ${escapeMarkdown(grant.label)}: ${markdownCode(statement.text)} ${via}`.trimEnd());
    }
  }
  for (const path of identity.privilegedPaths) lines.push(`- 🔴 ${escapeMarkdown(path)}`);
  for (const credential of identity.credentials)
    lines.push(
      `- credential ${escapeMarkdown(credential.kind)} (${credential.lifetime}${credential.expiresAt ? `, expires ${escapeMarkdown(credential.expiresAt)}` : ', no expiry'})`,
    );
  for (const trust of identity.trust)
    lines.push(
      `- assumable by ${escapeMarkdown(trust.kind)} ${markdownCode(trust.principal)}${trust.conditions.length ? ` if ${trust.conditions.map(markdownCode).join(' and ')}` : ''}`,
    );
  for (const exception of identity.exceptions) {
    lines.push(
      `- exception ${escapeMarkdown(exception.id)} (${escapeMarkdown(exception.rule)}), approved by ${escapeMarkdown(exception.approvedBy)}, expires ${escapeMarkdown(exception.expires)} (${countdown(exception)})`,
    );
  }
  for (const finding of identity.findings) {
    const mark = finding.waivedBy ? '➖' : finding.blocking ? '❌' : '⚠️';
    lines.push(
      `- ${mark} ${escapeMarkdown(finding.ruleId)}${finding.detail ? ` ${markdownCode(finding.detail)}` : ''}: ${escapeMarkdown(finding.message)}`,
    );
  }
  return [...lines, ''];
}
