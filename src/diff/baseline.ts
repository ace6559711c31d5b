/**
 * `audit --baseline FILE`: the audit of a change shown against an audit written earlier (the last reviewed state):
 * the privilege diff from the baseline to this audit, and each review item marked new, changed or unchanged since.
 */
import { diffMatched } from './compute.js';
import { matchIdentities, stableKey } from '../audit/match.js';
import { compareWithBaseline, reviewQueue } from '../audit/review.js';
import type { Audit } from '../audit/types.js';

export function withBaseline(audit: Audit, baseline: Audit): Audit {
  // Matched once: the diff and the review queue's new/changed marks rest on the same pairs.
  const pairs = matchIdentities(baseline.identities, audit.identities);
  const diff = diffMatched(baseline, audit, pairs);
  const previous = new Map<string, string>();
  const renamed = new Map<string, string>();
  for (const pair of pairs) {
    if (!pair.base || !pair.head) continue;
    const headKey = stableKey(pair.head) ?? pair.head.id;
    previous.set(headKey, stableKey(pair.base) ?? pair.base.id);
    const from = pair.base.resource?.name;
    const to = pair.head.resource?.name;
    if (from && to && from !== to && /^[A-Za-z0-9]+$/.test(from)) renamed.set(from, to);
  }
  // A construct rename changes the logical ids grant labels name (`policy cdk-deploy (CiDeployerRole)`), not the grant.
  const asHeadNames = (text: string) =>
    renamed.size ? text.replace(/[A-Za-z0-9]+/g, (word) => renamed.get(word) ?? word) : text;
  const queue = audit.review ?? reviewQueue(audit.identities, audit.exceptions);
  const baseQueue = baseline.review ?? reviewQueue(baseline.identities, baseline.exceptions);
  return {
    ...audit,
    review: compareWithBaseline(queue, baseQueue, (key) => previous.get(key), asHeadNames),
    baseline: {
      generatedAt: baseline.generatedAt,
      catalog: baseline.catalog,
      ...(baseline.source ? { source: baseline.source } : {}),
      identities: baseline.identities.length,
      diff,
    },
  };
}
