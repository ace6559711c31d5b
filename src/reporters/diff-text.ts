import type { IdentityDiff, PrivilegeDiff } from '../audit/types.js';
import { escapeControlCharacters } from '../util/control-characters.js';

/** The privilege diff for a terminal: the verdict, then one block per identity, privileged ones first. */
export function formatDiffText(diff: PrivilegeDiff): string {
  const s = diff.summary;
  const lines = [
    s.blockingNew > 0
      ? `BLOCKED: the head adds ${s.blockingNew} blocking finding${s.blockingNew === 1 ? '' : 's'}`
      : 'OK: the head adds no blocking finding',
    `identities +${s.identitiesAdded} -${s.identitiesRemoved} ~${s.identitiesChanged} (renamed ${s.identitiesRenamed}); grants +${s.grantsAdded} -${s.grantsRemoved}; credentials +${s.credentialsAdded} -${s.credentialsRemoved}; trust widened ${s.trustWidened}, narrowed ${s.trustNarrowed}; findings new ${s.findingsNew}, resolved ${s.findingsResolved}`,
  ];
  for (const identity of diff.identities) lines.push('', ...identityLines(identity));
  if (diff.renamed.length) lines.push('', 'renamed (the same identity, no change in privilege):');
  for (const r of diff.renamed)
    lines.push(`  ${r.fromResource ?? r.from} -> ${r.toResource ?? r.to} [${r.key}, by ${r.matchedBy}]`);
  for (const e of diff.exceptions)
    lines.push(
      `exception ${e.change}: ${e.id} (${e.rule} on ${e.target}, expires ${e.expires}${e.was ? `, was ${e.was}` : ''})`,
    );
  for (const f of diff.otherFindings.new)
    lines.push(`new finding: ${f.blocking ? 'BLOCKING ' : ''}${f.ruleId} ${f.detail ?? ''} on ${f.resource}`);
  for (const f of diff.otherFindings.resolved)
    lines.push(`resolved finding: ${f.ruleId} ${f.detail ?? ''} on ${f.resource}`);
  return `${lines.map(escapeControlCharacters).join('\n')}\n`;
}

function identityLines(identity: IdentityDiff): string[] {
  const lines = [
    `${identity.privileged ? '! ' : ''}${identity.name} (${identity.change}${identity.kind ? ` ${identity.kind}` : ''}) [${identity.key}]`,
  ];
  const r = identity.renamed;
  if (r) lines.push(`  renamed ${r.fromResource ?? r.from} -> ${r.toResource ?? r.to} (by ${r.matchedBy})`);
  for (const g of identity.grants.added)
    lines.push(
      `  + grant ${g.statement}${g.privileged.length ? ` [privileged: ${g.privileged.join(', ')}]` : ''} via ${g.grant}`,
    );
  for (const g of identity.grants.removed)
    lines.push(
      `  - grant ${g.statement}${g.privileged.length ? ` [privileged: ${g.privileged.join(', ')}]` : ''} via ${g.grant}`,
    );
  for (const c of identity.credentials.added)
    lines.push(
      `  + credential ${c.kind} (${c.lifetime}${c.expiresAt ? `, expires ${c.expiresAt}` : ''}) ${c.resource}`,
    );
  for (const c of identity.credentials.removed) lines.push(`  - credential ${c.kind} (${c.lifetime}) ${c.resource}`);
  for (const t of identity.trust.widened) lines.push(`  + trust ${t.kind} ${t.principal} (${t.reason})`);
  for (const t of identity.trust.narrowed) lines.push(`  - trust ${t.kind} ${t.principal} (${t.reason})`);
  for (const e of identity.exceptions) lines.push(`  exception ${e.change}: ${e.id} (expires ${e.expires})`);
  for (const f of identity.findings.new)
    lines.push(
      `  + finding ${f.blocking ? 'BLOCKING ' : ''}${f.ruleId}${f.detail ? ` ${f.detail}` : ''}${f.waivedBy ? ` (waived by ${f.waivedBy})` : ''}`,
    );
  for (const f of identity.findings.resolved) lines.push(`  - finding ${f.ruleId}${f.detail ? ` ${f.detail}` : ''}`);
  return lines;
}
