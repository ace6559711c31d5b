/**
 * The review queue: what a reviewer must look at, grouped by the owner who answers for it.
 *
 * - one item per identity and privileged entitlement it holds (planned or declared only in the catalog), with how it is
 *   held (standing, just in time, or pending until apply), who approves it (`approval.by`), what it grants, who or
 *   what can assume the identity, its long-lived credentials and the exceptions covering it;
 * - one item per identity whose privileged grants no privileged entitlement covers (`iam:PassRole on *` in a policy);
 * - one item per identity holding long-lived credentials (access keys, client secrets, service account keys);
 * - one item per catalog exception, under the exception's owner, reviewed by whoever approved it.
 *
 * Each item has a review id that stays the same across runs while the identity keeps its key (catalog id, physical
 * name or declaration; see src/audit/match.ts) and the item its subject, so a ticketing system can track it. Against a
 * baseline (`audit --baseline`), each item says whether it is new, changed or unchanged since then.
 */
import { createHash } from 'node:crypto';
import { stableKey } from './match.js';
import type {
  AuditEntitlement,
  AuditException,
  AuditIdentity,
  ReviewItem,
  ReviewMode,
  ReviewQueue,
  ReviewSince,
} from './types.js';

export type { ReviewEvidence, ReviewItem, ReviewMode, ReviewOwner, ReviewQueue, ReviewSince } from './types.js';

export const REVIEW_SCHEMA_VERSION = 'entitlement-guard/review/v1';
export const NO_OWNER = '(no owner)';

type IdentityItemKind = Exclude<ReviewItem['kind'], 'exception'>;

export function reviewQueue(
  identities: readonly AuditIdentity[],
  exceptions: readonly AuditException[],
  contacts: ReadonlyMap<string, string> = new Map(),
): ReviewQueue {
  const items: { owner: string; item: ReviewItem }[] = [];
  for (const identity of identities)
    for (const item of identityItems(identity)) items.push({ owner: identity.owner ?? NO_OWNER, item });
  for (const exception of exceptions) items.push({ owner: exception.owner, item: exceptionItem(exception) });
  return groupQueue(items, contacts);
}

/** Sets `since` on every item from the baseline's queue; `previousKey` maps a head identity's key to its key in the base. */
export function compareWithBaseline(
  queue: ReviewQueue,
  baseline: ReviewQueue,
  previousKey: (key: string) => string | undefined,
  /** The base's text as the head names things (renamed logical ids in grant labels and statements). */
  asHeadNames: (text: string) => string = (text) => text,
): ReviewQueue {
  const before = new Map(baseline.owners.flatMap((group) => group.items.map((item) => [item.id, item] as const)));
  const owners = queue.owners.map((group) => ({
    ...group,
    items: group.items
      .map((item) => {
        const baseKey = item.identityKey !== undefined ? previousKey(item.identityKey) : undefined;
        const was =
          before.get(item.id) ??
          (baseKey !== undefined && item.identityKey !== undefined
            ? before.get(reviewId(item.kind, baseKey, item.subject))
            : undefined);
        const since: ReviewSince = !was ? 'new' : sameEvidence(was, item, asHeadNames) ? 'unchanged' : 'changed';
        return { ...item, since };
      })
      .sort(byUrgency),
  }));
  return {
    ...queue,
    newOrChanged: owners.reduce(
      (sum, group) => sum + group.items.filter((item) => item.since !== 'unchanged').length,
      0,
    ),
    owners,
  };
}

/** The queue as a flat list for a ticketing system: one record per item with its owner. */
export function reviewExport(
  queue: ReviewQueue,
  meta: { generatedAt: string; catalog: string; source?: object },
): object {
  return {
    schema: REVIEW_SCHEMA_VERSION,
    generatedAt: meta.generatedAt,
    catalog: meta.catalog,
    ...(meta.source ? { source: meta.source } : {}),
    items: queue.owners.flatMap((group) =>
      group.items.map((item) => ({
        owner: group.owner,
        ...(group.contact ? { ownerContact: group.contact } : {}),
        ...item,
      })),
    ),
  };
}

export function reviewId(kind: ReviewItem['kind'], key: string, subject: string): string {
  return `R-${createHash('sha256').update(`${kind}\u0000${key}\u0000${subject}`).digest('hex').slice(0, 10)}`;
}

function identityItems(identity: AuditIdentity): ReviewItem[] {
  const key = stableKey(identity) ?? identity.id;
  const statements = identity.grants.flatMap((grant) => grant.statements.map((statement) => ({ grant, statement })));
  const shared = {
    identity: identity.name,
    identityKey: key,
    ...(cloudsOf(identity).length ? { clouds: cloudsOf(identity) } : {}),
  };
  const context = {
    assumableBy: identity.trust.map(
      (entry) =>
        `${entry.kind} ${entry.principal}${entry.conditions.length ? ` if ${entry.conditions.join(' and ')}` : ''}`,
    ),
    runsOn: identity.runsOn,
    credentials: identity.credentials
      .filter((credential) => credential.lifetime === 'long-lived')
      .map(
        (credential) =>
          `${credential.kind} ${credential.source.path ?? credential.source.urn ?? credential.source.name}${credential.expiresAt ? ` (expires ${credential.expiresAt})` : ' (no expiry)'}`,
      ),
    exceptions: identity.exceptions.map(
      (exception) =>
        `${exception.id} (${exception.rule}, ${exception.status}, expires ${exception.expires}, approved by ${exception.approvedBy})`,
    ),
    blocking: identity.findings.filter((finding) => finding.blocking).length,
  };
  const ownerReviews = (): string[] => [identity.owner ?? NO_OWNER];
  /** One item about this identity: every kind has the same id scheme, identity fields and evidence context. */
  const item = (
    kind: IdentityItemKind,
    subject: string,
    mode: ReviewMode,
    reviewers: string[],
    evidence: { entitlement?: string; grants: string[]; gaps: string[] },
  ): ReviewItem => ({
    id: reviewId(kind, key, subject),
    kind,
    subject,
    ...shared,
    mode,
    reviewers,
    evidence: {
      ...(evidence.entitlement !== undefined ? { entitlement: evidence.entitlement } : {}),
      grants: evidence.grants,
      ...context,
      gaps: evidence.gaps,
    },
  });
  const items: ReviewItem[] = [];
  const privilegedIds = new Set<string>();
  for (const entitlement of identity.entitlements.filter((candidate) => candidate.privileged)) {
    privilegedIds.add(entitlement.id);
    const covered = statements
      .filter(({ statement }) => statement.entitlements.includes(entitlement.id))
      .map(({ grant, statement }) => `${statement.text} (${grant.label})`);
    items.push(
      item(
        'privileged-access',
        `entitlement ${entitlement.id}`,
        modeOf(entitlement),
        entitlement.approvers?.length ? entitlement.approvers : ownerReviews(),
        {
          entitlement: `${entitlement.id}${entitlement.privilegedBy ? ` (privileged by what it grants: ${entitlement.privilegedBy})` : ''}${entitlement.maxDuration ? `, at most ${entitlement.maxDuration} per approval` : ''}`,
          grants: covered.length ? covered : entitlement.allows,
          gaps:
            entitlement.holding?.gaps ??
            (entitlement.standing ? ['standing privilege where the class forbids it'] : []),
        },
      ),
    );
  }
  const beyond = statements.flatMap(({ grant, statement }) => {
    const privileged = statement.privileged;
    return privileged?.length && !statement.entitlements.some((id) => privilegedIds.has(id))
      ? [{ grant, statement, privileged }]
      : [];
  });
  if (beyond.length) {
    items.push(
      item('privileged-access', 'privileged grants', 'standing', ownerReviews(), {
        grants: beyond.map(
          ({ grant, statement, privileged }) => `${statement.text} [${privileged.join(', ')}] (${grant.label})`,
        ),
        gaps: beyond.some(({ statement }) => statement.beyondEntitlements)
          ? ['beyond every entitlement the identity holds']
          : ['no privileged entitlement covers it'],
      }),
    );
  }
  if (identity.credentials.some((credential) => credential.lifetime === 'long-lived')) {
    items.push(
      item('long-lived-credential', 'long-lived credentials', 'standing', ownerReviews(), {
        grants: statements.map(({ grant, statement }) => `${statement.text} (${grant.label})`),
        gaps: identity.exceptions.length ? [] : ['no exception covers it'],
      }),
    );
  }
  return items;
}

function exceptionItem(exception: AuditException): ReviewItem {
  const subject = `exception ${exception.id}`;
  const gaps = [
    ...(exception.status !== 'active' ? [exception.status] : []),
    ...(exception.unused ? ['waives nothing in this change'] : []),
    ...(exception.tooBroad !== undefined
      ? [`names ${exception.tooBroad} identities, more than the exception policy allows`]
      : []),
  ];
  return {
    id: reviewId('exception', exception.id, subject),
    kind: 'exception',
    subject,
    reviewers: [exception.approvedBy],
    evidence: {
      grants: [],
      assumableBy: [],
      runsOn: [],
      credentials: [],
      exceptions: [
        `${exception.rule} on ${exception.target}: ${exception.reason}; approved by ${exception.approvedBy}${exception.approved ? ` on ${exception.approved}` : ''}${exception.ticket ? ` (${exception.ticket})` : ''}, expires ${exception.expires}, waives ${exception.waives}`,
      ],
      gaps,
      blocking: 0,
    },
  };
}

function modeOf(entitlement: AuditEntitlement): ReviewMode {
  if (entitlement.holding) return entitlement.holding.mode;
  return entitlement.maxDuration !== undefined && !entitlement.standing ? 'just-in-time' : 'standing';
}

function cloudsOf(identity: AuditIdentity): string[] {
  if (identity.placements?.length)
    return [
      ...new Set(
        identity.placements.map((placement) => placement.cloud).filter((cloud): cloud is string => cloud !== undefined),
      ),
    ];
  return identity.cloud !== undefined ? [identity.cloud] : [];
}

function groupQueue(
  entries: { owner: string; item: ReviewItem }[],
  contacts: ReadonlyMap<string, string>,
): ReviewQueue {
  const byOwner = new Map<string, ReviewItem[]>();
  for (const { owner, item } of entries) byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  const owners = [...byOwner.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([owner, items]) => {
      const contact = contacts.get(owner);
      return { owner, ...(contact !== undefined ? { contact } : {}), items: items.sort(byUrgency) };
    });
  return {
    items: entries.length,
    standing: entries.filter(({ item }) => item.mode === 'standing').length,
    owners,
  };
}

const KIND_ORDER: Record<ReviewItem['kind'], number> = {
  'privileged-access': 0,
  'long-lived-credential': 1,
  exception: 2,
};
const MODE_ORDER: Record<ReviewMode, number> = { standing: 0, pending: 1, 'just-in-time': 2 };
const SINCE_ORDER: Record<ReviewSince, number> = { new: 0, changed: 1, unchanged: 2 };
const EXCEPTION_ORDER: Record<string, number> = { expired: 0, invalid: 1, expiring: 2, active: 3 };

/** Privileged access before exceptions; standing before pending before just in time; new before changed before unchanged. */
function byUrgency(a: ReviewItem, b: ReviewItem): number {
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (kind) return kind;
  const mode = (a.mode ? MODE_ORDER[a.mode] : 3) - (b.mode ? MODE_ORDER[b.mode] : 3);
  if (mode) return mode;
  const since = (a.since ? SINCE_ORDER[a.since] : 3) - (b.since ? SINCE_ORDER[b.since] : 3);
  if (since) return since;
  if (a.kind === 'exception') {
    const status =
      (EXCEPTION_ORDER[a.evidence.gaps[0] ?? 'active'] ?? 3) - (EXCEPTION_ORDER[b.evidence.gaps[0] ?? 'active'] ?? 3);
    if (status) return status;
  }
  return compare(a.identity ?? '', b.identity ?? '') || compare(a.subject, b.subject);
}

/** Same evidence, reviewers and mode: what a reviewer approved has not moved. */
function sameEvidence(base: ReviewItem, head: ReviewItem, asHeadNames: (text: string) => string): boolean {
  return (
    asHeadNames(JSON.stringify([base.mode, base.reviewers, base.evidence])) ===
    JSON.stringify([head.mode, head.reviewers, head.evidence])
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
