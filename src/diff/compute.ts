/**
 * The privilege diff of two audits: identities added, removed and renamed; per identity the grant statements,
 * credentials, trust, exceptions and findings that differ. Each list is compared as a multiset of keys that carry no
 * logical id or construct path (a statement's text, a credential's kind and lifetime, a finding's rule, detail and
 * verdict), so a rename alone changes nothing.
 */
import type {
  Audit,
  AuditCredential,
  AuditException,
  AuditFinding,
  AuditIdentity,
  AuditTrust,
} from '../audit/types.js';
import { globCovers } from '../util/glob.js';
import { matchIdentities, type IdentityPair, type MatchedBy } from '../audit/match.js';
import {
  DIFF_SCHEMA_VERSION,
  type CredentialChange,
  type DiffSummary,
  type ExceptionChange,
  type FindingChange,
  type FindingChanges,
  type GrantChange,
  type IdentityDiff,
  type IdentityRename,
  type PrivilegeDiff,
  type TrustChange,
} from '../audit/types.js';

export function diffAudits(base: Audit, head: Audit): PrivilegeDiff {
  return diffMatched(base, head, matchIdentities(base.identities, head.identities));
}

/** The diff of two audits whose identities are already matched (`audit --baseline` matches once for the diff and the queue). */
export function diffMatched(base: Audit, head: Audit, pairs: IdentityPair[]): PrivilegeDiff {
  const rewrite = renamer(logicalIdRenames(pairs));
  const identities = pairs
    .map((pair) => identityDiff(pair, rewrite))
    .filter((diff): diff is IdentityDiff => diff !== undefined)
    .sort(byPriority);
  const renamed = pairs
    .map((pair) => (pair.base && pair.head ? renameOf(pair.key, pair.base, pair.head, matchedBy(pair)) : undefined))
    .filter((rename): rename is IdentityRename => rename !== undefined)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const otherFindings = diffFindings(
    [...base.otherFindings, ...base.secrets.flatMap((s) => s.findings)],
    [...head.otherFindings, ...head.secrets.flatMap((s) => s.findings)],
  );
  return {
    schema: DIFF_SCHEMA_VERSION,
    base: side(base),
    head: side(head),
    summary: summarize(identities, renamed.length, otherFindings),
    identities,
    renamed,
    exceptions: diffExceptions(base.exceptions, head.exceptions),
    otherFindings,
  };
}

function side(audit: Audit): PrivilegeDiff['base'] {
  return {
    generatedAt: audit.generatedAt,
    catalog: audit.catalog,
    identities: audit.identities.length,
    ...(audit.source ? { source: audit.source } : {}),
  };
}

export function isEmptyDiff(diff: PrivilegeDiff): boolean {
  return (
    diff.identities.length === 0 &&
    diff.renamed.length === 0 &&
    diff.exceptions.length === 0 &&
    diff.otherFindings.new.length === 0 &&
    diff.otherFindings.resolved.length === 0
  );
}

/**
 * Logical ids renamed between the two sides (per stack), to read the base's statements, trust and findings as the head
 * names things: a statement on `${OtherRole.Arn}` is the same statement after OtherRole's construct is renamed.
 */
function logicalIdRenames(pairs: IdentityPair[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const { base, head } of pairs) {
    const from = base?.resource;
    const to = head?.resource;
    if (from && to && from.name !== to.name && from.stack === to.stack && /^[A-Za-z0-9]+$/.test(from.name))
      renames.set(from.name, to.name);
  }
  return renames;
}

function renamedReferences(identity: AuditIdentity, rewrite: ((text: string) => string) | undefined): AuditIdentity {
  if (!rewrite) return identity;
  const texts = [
    ...identity.grants.flatMap((grant) => [grant.label, ...grant.statements.map((statement) => statement.text)]),
    ...identity.trust.flatMap((entry) => [entry.principal, ...entry.conditions]),
    ...identity.findings.flatMap((finding) => (finding.detail === undefined ? [] : [finding.detail])),
  ];
  // Most identities name no renamed logical id: they are compared as they are, without a copy.
  if (texts.every((text) => rewrite(text) === text)) return identity;
  return {
    ...identity,
    grants: identity.grants.map((grant) => ({
      ...grant,
      label: rewrite(grant.label),
      statements: grant.statements.map((statement) => ({ ...statement, text: rewrite(statement.text) })),
    })),
    trust: identity.trust.map((entry) => ({
      ...entry,
      principal: rewrite(entry.principal),
      conditions: entry.conditions.map(rewrite),
    })),
    findings: identity.findings.map((finding) =>
      finding.detail === undefined ? finding : { ...finding, detail: rewrite(finding.detail) },
    ),
  };
}

/**
 * Each word (a run of letters and digits) that is a renamed logical id replaced by its new name. One expression of all
 * the renamed ids finds them: a 5,000-identity diff rewrote every word of every statement one callback at a time.
 * Ids are letters and digits only (logicalIdRenames), and a match must be a whole word, as `[A-Za-z0-9]+` splits.
 */
function renamer(renames: Map<string, string>): ((text: string) => string) | undefined {
  if (renames.size === 0) return undefined;
  const words = new RegExp(`(?<![A-Za-z0-9])(?:${[...renames.keys()].join('|')})(?![A-Za-z0-9])`, 'g');
  return (text) => text.replace(words, (word) => renames.get(word) ?? word);
}

/** How the matcher paired two identities: it names it for every pair of a base and a head. */
function matchedBy(pair: IdentityPair): MatchedBy {
  if (pair.matchedBy === undefined)
    throw new Error(`internal error in the privilege diff: the pair ${pair.key} of a base and a head has no matchedBy`);
  return pair.matchedBy;
}

function identityDiff(pair: IdentityPair, rewrite: ((text: string) => string) | undefined): IdentityDiff | undefined {
  const { head } = pair;
  const base = pair.base && renamedReferences(pair.base, rewrite);
  const shown = head ?? base;
  if (!shown)
    throw new Error(`internal error in the privilege diff: the pair ${pair.key} has neither a base nor a head`);
  const none: AuditIdentity = { ...shown, grants: [], credentials: [], trust: [], exceptions: [], findings: [] };
  const before = base ?? none;
  const after = head ?? none;
  const grants = diffBy(grantChanges(before), grantChanges(after), (grant) => grant.statement);
  const credentials = diffBy(
    before.credentials.map(credentialChange),
    after.credentials.map(credentialChange),
    credentialKey,
  );
  const trust = diffTrust(before.trust, after.trust, !base);
  const exceptions = diffExceptions(before.exceptions, after.exceptions);
  const renamed = base && head ? renameOf(pair.key, base, head, matchedBy(pair)) : undefined;
  const findings = diffFindings(
    renamed && base && head ? before.findings.map((finding) => underNewName(finding, base, head)) : before.findings,
    after.findings,
  );
  const change = !base ? 'added' : !head ? 'removed' : 'changed';
  const empty =
    grants.added.length +
      grants.removed.length +
      credentials.added.length +
      credentials.removed.length +
      trust.widened.length +
      trust.narrowed.length +
      exceptions.length +
      findings.new.length +
      findings.resolved.length ===
    0;
  if (change === 'changed' && empty) return undefined;
  const privileged =
    [...grants.added, ...grants.removed].some((grant) => grant.privileged.length > 0) ||
    credentials.added.some((credential) => credential.lifetime === 'long-lived') ||
    trust.widened.length > 0 ||
    findings.new.some((finding) => finding.blocking);
  return {
    key: pair.key,
    change,
    name: shown.name,
    ...(shown.cloud !== undefined ? { cloud: shown.cloud } : {}),
    ...(shown.kind !== undefined ? { kind: shown.kind } : {}),
    ...(shown.owner !== undefined ? { owner: shown.owner } : {}),
    ...(shown.class !== undefined ? { class: shown.class } : {}),
    ...(shown.catalogId !== undefined ? { catalogId: shown.catalogId } : {}),
    ...(shown.resource ? { resource: shown.resource } : {}),
    ...(renamed ? { renamed } : {}),
    privileged,
    grants: { added: privilegedFirst(grants.added), removed: privilegedFirst(grants.removed) },
    credentials,
    trust,
    exceptions,
    findings,
  };
}

/** A rename: the same identity under another name or declaration. A catalog-only row now planned by the change is not one. */
function renameOf(
  key: string,
  base: AuditIdentity,
  head: AuditIdentity,
  matchedBy: IdentityRename['matchedBy'],
): IdentityRename | undefined {
  if (base.origin !== head.origin) return undefined;
  const from = declaredAs(base);
  const to = declaredAs(head);
  if (base.name === head.name && from === to) return undefined;
  return {
    key,
    from: base.name,
    to: head.name,
    ...(from !== undefined ? { fromResource: from } : {}),
    ...(to !== undefined ? { toResource: to } : {}),
    matchedBy,
  };
}

/**
 * A base finding as the renamed identity would carry it: some details name the logical id
 * (`Policy::CiDeployerRole/cdk-deploy`), which a rename changes without changing the finding.
 */
function underNewName(finding: AuditFinding, base: AuditIdentity, head: AuditIdentity): AuditFinding {
  const from = base.resource?.name;
  const to = head.resource?.name;
  if (finding.detail === undefined || from === undefined || to === undefined || from === to) return finding;
  const detail = finding.detail
    .split(/(::|\/)/)
    .map((segment) => (segment === from ? to : segment))
    .join('');
  return detail === finding.detail ? finding : { ...finding, detail };
}

function declaredAs(identity: AuditIdentity): string | undefined {
  const resource = identity.resource;
  if (!resource) return undefined;
  return resource.urn ?? resource.path ?? `${resource.stack ? `${resource.stack}/` : ''}${resource.name}`;
}

function grantChanges(identity: AuditIdentity): GrantChange[] {
  return identity.grants.flatMap((grant) =>
    grant.statements.map((statement) => ({
      statement: statement.text,
      grant: grant.label,
      entitlements: statement.entitlements,
      beyondEntitlements: statement.beyondEntitlements,
      privileged: statement.privileged ?? [],
    })),
  );
}

function privilegedFirst(grants: GrantChange[]): GrantChange[] {
  return grants
    .map((grant, index) => ({ grant, index }))
    .sort((a, b) => Number(b.grant.privileged.length > 0) - Number(a.grant.privileged.length > 0) || a.index - b.index)
    .map(({ grant }) => grant);
}

function credentialChange(credential: AuditCredential): CredentialChange {
  return {
    kind: credential.kind,
    lifetime: credential.lifetime,
    resource: credential.source.path ?? credential.source.urn ?? credential.source.name,
    ...(credential.expiresAt !== undefined ? { expiresAt: credential.expiresAt } : {}),
    ...(credential.daysLeft !== undefined ? { daysLeft: credential.daysLeft } : {}),
    ...(credential.accepts !== undefined ? { accepts: credential.accepts } : {}),
  };
}

function credentialKey(credential: CredentialChange): string {
  return `${credential.kind}\u0000${credential.lifetime}\u0000${credential.accepts ?? ''}\u0000${credential.expiresAt ?? ''}`;
}

/**
 * Trust per principal: a principal only in the head widens it, one only in the base narrows it. A principal on both
 * sides whose conditions changed widens it when the head admits a caller the base did not (a condition dropped, a value
 * the base's values do not cover), else narrows it.
 */
function diffTrust(
  base: AuditTrust[],
  head: AuditTrust[],
  newIdentity: boolean,
): { widened: TrustChange[]; narrowed: TrustChange[] } {
  const group = (entries: AuditTrust[]) => {
    const byPrincipal = new Map<string, [AuditTrust, ...AuditTrust[]]>();
    for (const entry of entries) {
      const key = `${entry.kind}\u0000${entry.principal}`;
      const known = byPrincipal.get(key);
      if (known) known.push(entry);
      else byPrincipal.set(key, [entry]);
    }
    return byPrincipal;
  };
  const before = group(base);
  const after = group(head);
  const widened: TrustChange[] = [];
  const narrowed: TrustChange[] = [];
  for (const [key, entries] of after) {
    const [first] = entries;
    const conditions = entries.flatMap((entry) => entry.conditions);
    const was = before.get(key);
    if (!was) {
      widened.push({
        kind: first.kind,
        principal: first.principal,
        conditions,
        reason: newIdentity ? 'new identity' : 'new principal',
      });
      continue;
    }
    const wasConditions = was.flatMap((entry) => entry.conditions);
    if (sameList(conditions, wasConditions)) continue;
    const wider = admitsMore(wasConditions, conditions);
    const change = {
      kind: first.kind,
      principal: first.principal,
      conditions,
      was: wasConditions,
      reason: wider ?? 'conditions tightened',
    };
    (wider ? widened : narrowed).push(change);
  }
  for (const [key, entries] of before) {
    if (after.has(key)) continue;
    const [first] = entries;
    narrowed.push({
      kind: first.kind,
      principal: first.principal,
      conditions: entries.flatMap((entry) => entry.conditions),
      reason: 'principal removed',
    });
  }
  return { widened, narrowed };
}

/**
 * Why the head's conditions admit more callers than the base's, or undefined when they do not. Clauses are compared per
 * condition key whatever the operator (StringEquals becoming StringLike on the same key is one clause), values as
 * patterns: a positive clause widens when the head drops it or admits a value the base's values do not cover; a
 * negated one (`StringNotEquals`) widens when the head drops a value it excluded.
 */
function admitsMore(base: string[], head: string[]): string | undefined {
  const headClauses = parseConditions(head);
  for (const [key, clause] of parseConditions(base)) {
    const now = headClauses.get(key);
    if (!now) return `condition dropped: ${clause.text}`;
    if (clause.negated !== now.negated) return `${key}: operator changed`;
    const [outer, inner] = clause.negated ? [now.values, clause.values] : [clause.values, now.values];
    const uncovered = inner.find((value) => !outer.some((allowed) => globCovers(allowed, value)));
    if (uncovered !== undefined)
      return clause.negated ? `${key} no longer excludes ${uncovered}` : `${key} now admits ${uncovered}`;
  }
  return undefined;
}

/** The audit writes a condition as `Operator key = value | value`. */
function parseConditions(conditions: string[]): Map<string, { negated: boolean; values: string[]; text: string }> {
  const clauses = new Map<string, { negated: boolean; values: string[]; text: string }>();
  for (const condition of conditions) {
    const at = condition.indexOf(' = ');
    const [operator = '', key = ''] = (at < 0 ? condition : condition.slice(0, at)).split(' ');
    const values = at < 0 ? [] : condition.slice(at + 3).split(' | ');
    const negated = /^(ForAllValues:|ForAnyValue:)?(StringNot|ArnNot)/.test(operator);
    const seen = clauses.get(key);
    clauses.set(key, {
      negated: seen?.negated ?? negated,
      values: [...(seen?.values ?? []), ...values],
      text: condition,
    });
  }
  return clauses;
}

function diffExceptions(base: AuditException[], head: AuditException[]): ExceptionChange[] {
  const before = new Map(base.map((exception) => [exception.id, exception]));
  const after = new Map(head.map((exception) => [exception.id, exception]));
  const changes: ExceptionChange[] = [];
  for (const exception of head) {
    const was = before.get(exception.id);
    if (!was) changes.push(exceptionChange('added', exception));
    else if (exception.status === 'expired' && was.status !== 'expired')
      changes.push(exceptionChange('expired', exception, was.expires));
    else if (exception.expires > was.expires) changes.push(exceptionChange('renewed', exception, was.expires));
    else if (exception.expires < was.expires) changes.push(exceptionChange('shortened', exception, was.expires));
  }
  for (const exception of base) if (!after.has(exception.id)) changes.push(exceptionChange('removed', exception));
  return changes;
}

function exceptionChange(change: ExceptionChange['change'], exception: AuditException, was?: string): ExceptionChange {
  return {
    change,
    id: exception.id,
    rule: exception.rule,
    target: exception.target,
    approvedBy: exception.approvedBy,
    expires: exception.expires,
    ...(was !== undefined && was !== exception.expires ? { was } : {}),
    status: exception.status,
  };
}

function diffFindings(base: AuditFinding[], head: AuditFinding[]): FindingChanges {
  const changes = diffBy(base.map(findingChange), head.map(findingChange), findingKey);
  return { new: changes.added, resolved: changes.removed };
}

function findingChange(finding: AuditFinding): FindingChange {
  return {
    ruleId: finding.ruleId,
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
    level: finding.level,
    blocking: finding.blocking,
    resource: `${finding.resource.type} ${finding.resource.path ?? finding.resource.urn ?? finding.resource.name}`,
    message: finding.message,
    ...(finding.waivedBy !== undefined ? { waivedBy: finding.waivedBy } : {}),
  };
}

/** A finding is the same finding when its rule, detail, resource type and verdict are: a waiver that lapses is a new blocking finding. */
function findingKey(finding: FindingChange): string {
  return `${finding.ruleId}\u0000${finding.detail ?? ''}\u0000${finding.resource.slice(0, finding.resource.indexOf(' '))}\u0000${finding.level}\u0000${finding.blocking}\u0000${finding.waivedBy ?? ''}`;
}

/** Multiset difference by key, keeping each side's order. */
function diffBy<T>(base: T[], head: T[], keyOf: (item: T) => string): { added: T[]; removed: T[] } {
  const baseKeys = base.map(keyOf);
  const headKeys = head.map(keyOf);
  // The same keys in the same order, as most identities of a change have: nothing to count.
  if (baseKeys.length === headKeys.length && baseKeys.every((key, index) => key === headKeys[index]))
    return { added: [], removed: [] };
  return { added: uncounted(head, headKeys, baseKeys), removed: uncounted(base, baseKeys, headKeys) };
}

/** The items whose key is left over once each key of `other` has taken one item with that key. */
function uncounted<T>(items: T[], keys: string[], other: string[]): T[] {
  const counts = new Map<string, number>();
  for (const key of other) counts.set(key, (counts.get(key) ?? 0) + 1);
  const left: T[] = [];
  for (const [index, item] of items.entries()) {
    const key = keys[index];
    if (key === undefined) throw new Error('internal error in the privilege diff: an item without its key');
    const available = counts.get(key) ?? 0;
    if (available > 0) counts.set(key, available - 1);
    else left.push(item);
  }
  return left;
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((value, index) => value === sortedB[index]);
}

const CHANGE_ORDER = { added: 0, changed: 1, removed: 2 } as const;

function byPriority(a: IdentityDiff, b: IdentityDiff): number {
  return (
    Number(b.privileged) - Number(a.privileged) ||
    CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function summarize(identities: IdentityDiff[], renamed: number, other: FindingChanges): DiffSummary {
  const sum = (count: (identity: IdentityDiff) => number) =>
    identities.reduce((total, identity) => total + count(identity), 0);
  return {
    identitiesAdded: identities.filter((identity) => identity.change === 'added').length,
    identitiesRemoved: identities.filter((identity) => identity.change === 'removed').length,
    identitiesChanged: identities.filter((identity) => identity.change === 'changed').length,
    identitiesRenamed: renamed,
    privilegedChanges: identities.filter((identity) => identity.privileged).length,
    grantsAdded: sum((identity) => identity.grants.added.length),
    grantsRemoved: sum((identity) => identity.grants.removed.length),
    credentialsAdded: sum((identity) => identity.credentials.added.length),
    credentialsRemoved: sum((identity) => identity.credentials.removed.length),
    trustWidened: sum((identity) => identity.trust.widened.length),
    trustNarrowed: sum((identity) => identity.trust.narrowed.length),
    findingsNew: sum((identity) => identity.findings.new.length) + other.new.length,
    findingsResolved: sum((identity) => identity.findings.resolved.length) + other.resolved.length,
    blockingNew:
      sum((identity) => identity.findings.new.filter((finding) => finding.blocking).length) +
      other.new.filter((finding) => finding.blocking).length,
  };
}
