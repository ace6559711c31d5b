/**
 * Which identity of the head is which identity of the base. Keys that survive a rename are tried first, each only
 * where it names one identity on each side:
 *   1. the catalog record (`catalog:<id>`), which the catalog controls;
 *   2. the physical name the cloud keeps unique (an IAM role or user name, a GCP service account id), per cloud and kind;
 *   3. the declaration (stack and logical id, Pulumi resource name): a physical name changed in place;
 *   4. the same privileges (grants, credentials, trust, entitlements) in the same stack, for identities without a
 *      physical name: a CDK construct rename changes the logical id and the generated name, but not what it grants.
 * Whatever is still unmatched was added (head) or removed (base).
 */
import { replaceResourceValues } from '../model/deployment.js';
import type { AuditIdentity } from './types.js';

export type MatchedBy = 'catalog-id' | 'physical-name' | 'declaration' | 'same-privileges';

export interface IdentityPair {
  key: string;
  base?: AuditIdentity;
  head?: AuditIdentity;
  matchedBy?: MatchedBy;
}

const PASSES: { by: MatchedBy; key: (identity: AuditIdentity) => string | undefined }[] = [
  { by: 'catalog-id', key: catalogKey },
  { by: 'physical-name', key: physicalKey },
  { by: 'declaration', key: declarationKey },
  { by: 'same-privileges', key: privilegesKey },
];

export function matchIdentities(base: readonly AuditIdentity[], head: readonly AuditIdentity[]): IdentityPair[] {
  const pairs: IdentityPair[] = [];
  let baseLeft = [...base];
  let headLeft = [...head];
  for (const pass of PASSES) {
    if (baseLeft.length === 0 || headLeft.length === 0) break;
    // Identities with the same privileges are interchangeable: paired in declaration order, as many as both sides have.
    const interchangeable = pass.by === 'same-privileges';
    const baseByKey = groupByKey(baseLeft, pass.key, interchangeable);
    const headByKey = groupByKey(headLeft, pass.key, interchangeable);
    const matchedBase = new Set<AuditIdentity>();
    const matchedHead = new Set<AuditIdentity>();
    for (const [key, group] of baseByKey) {
      const heads = headByKey.get(key);
      if (!heads) continue;
      for (const [index, b] of group.entries()) {
        const h = heads[index];
        if (h === undefined) break;
        pairs.push({ key: stableKey(h) ?? key, base: b, head: h, matchedBy: pass.by });
        matchedBase.add(b);
        matchedHead.add(h);
      }
    }
    baseLeft = baseLeft.filter((identity) => !matchedBase.has(identity));
    headLeft = headLeft.filter((identity) => !matchedHead.has(identity));
  }
  for (const b of baseLeft) pairs.push({ key: stableKey(b) ?? b.id, base: b });
  for (const h of headLeft) pairs.push({ key: stableKey(h) ?? h.id, head: h });
  return pairs;
}

/** The key an identity is reported under: its catalog record, else its physical name, else its declaration. */
export function stableKey(identity: AuditIdentity): string | undefined {
  return catalogKey(identity) ?? physicalKey(identity) ?? declarationKey(identity);
}

function catalogKey(identity: AuditIdentity): string | undefined {
  return identity.catalogId !== undefined ? `catalog:${identity.catalogId}` : undefined;
}

function physicalKey(identity: AuditIdentity): string | undefined {
  return identity.uniqueName && identity.cloud
    ? `${identity.cloud}:${identity.kind ?? ''}:${identity.name}`
    : undefined;
}

function declarationKey(identity: AuditIdentity): string | undefined {
  if (identity.origin !== 'change' || !identity.resource) return undefined;
  const where =
    identity.resource.urn ?? `${identity.resource.stack ?? ''}/${identity.resource.type}/${identity.resource.name}`;
  return `declared:${where}`;
}

/**
 * What the identity holds, with references to other resources of the template (`<Arn of OtherRole>`, `<id of Bucket>`) left
 * out: a construct rename renames those too.
 */
function privilegesKey(identity: AuditIdentity): string | undefined {
  if (identity.origin !== 'change') return undefined;
  return withoutReferences(
    JSON.stringify([
      identity.cloud,
      identity.kind,
      identity.resource?.stack,
      identity.entitlements.map((entitlement) => entitlement.id).sort(),
      identity.grants.flatMap((grant) => grant.statements.map((statement) => statement.text)).sort(),
      identity.credentials
        .map((credential) => `${credential.kind} ${credential.accepts ?? ''} ${credential.expiresAt ?? ''}`)
        .sort(),
      identity.trust.map((entry) => `${entry.kind} ${entry.principal} ${entry.conditions.join(' & ')}`).sort(),
      identity.session?.maxSeconds,
    ]),
  );
}

/**
 * The text with the values of other resources named by a logical id (`<Arn of Bucket>`, `<id of OtherRole>`) alike: a
 * construct rename changes them all.
 */
function withoutReferences(text: string): string {
  return replaceResourceValues(text, (resource, attribute) =>
    /^[A-Za-z0-9]+$/.test(resource) ? '<>' : `<${attribute} of ${resource}>`,
  );
}

/** Identities by key; unless `interchangeable`, a key that names more than one identity on this side matches nothing. */
function groupByKey(
  identities: readonly AuditIdentity[],
  keyOf: (identity: AuditIdentity) => string | undefined,
  interchangeable: boolean,
): Map<string, AuditIdentity[]> {
  const byKey = new Map<string, AuditIdentity[]>();
  for (const identity of identities) {
    const key = keyOf(identity);
    if (key === undefined) continue;
    const group = byKey.get(key);
    if (group) group.push(identity);
    else byKey.set(key, [identity]);
  }
  if (!interchangeable) for (const [key, group] of byKey) if (group.length > 1) byKey.delete(key);
  return byKey;
}
