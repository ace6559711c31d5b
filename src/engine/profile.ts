import type { Catalog, CatalogIdentity } from '../../catalog/types.js';
import { IDENTITY_CLASSES, type Identity, type IdentityClass, type Secret } from '../model/model.js';
import { globMatch } from '../util/glob.js';
import { subjectNames, type SubjectName } from './waivers.js';

/** An identity (or secret) as the catalog sees it. Facts come from the catalog record first, then from tags. */
export interface IdentityProfile {
  record?: CatalogIdentity;
  owner?: string;
  /** Set when the owner is named (record or tag) but is not an owner the catalog knows. */
  unknownOwner?: string;
  class?: IdentityClass;
  /** Set when a class tag holds something that is not a class. */
  invalidClass?: string;
  entitlements: string[];
  purpose?: string;
  expires?: string;
  /** Where the facts came from. */
  source: 'catalog' | 'tags' | 'none';
}

export function findCatalogRecord(catalog: Catalog, subject: Identity | Secret): CatalogIdentity | undefined {
  return matchCatalogRecord(catalog, subject)?.record;
}

/**
 * The first record whose match fits the subject, and whether it fit through a name that binds exceptions (see
 * `subjectNames` in waivers.ts): a record matched only by the bare resource name or by tags claims catalog facts,
 * as tags on the resource can, but binds no exception.
 */
export function matchCatalogRecord(
  catalog: Catalog,
  subject: Identity | Secret,
  names: readonly SubjectName[] = subjectNames(subject),
): { record: CatalogIdentity; bound: boolean } | undefined {
  for (const matcher of matchersOf(catalog.identities)) {
    if (matcher.cloud && matcher.cloud !== subject.cloud) continue;
    if (matcher.tags && !matcher.tags.every(([key, value]) => subject.tags[key] === value)) continue;
    if (!matcher.name) return { record: matcher.record, bound: false };
    let bound: boolean | undefined;
    for (let index = 0; index < names.length && bound !== true; index++) {
      if (matcher.name(names[index]!.value)) bound = names[index]!.binds;
    }
    if (bound !== undefined) return { record: matcher.record, bound };
  }
  return undefined;
}

/** A record's match, prepared once per catalog: every identity and secret is matched against every record. */
interface RecordMatcher {
  record: CatalogIdentity;
  cloud?: string;
  name?: (name: string) => boolean;
  tags?: [string, string][];
}

const matchers = new WeakMap<readonly CatalogIdentity[], RecordMatcher[]>();

/** The records that can match something (they have a name or tags to match on), in catalog order. */
function matchersOf(records: readonly CatalogIdentity[]): RecordMatcher[] {
  let prepared = matchers.get(records);
  if (prepared) return prepared;
  prepared = [];
  for (const record of records) {
    const match = record.match;
    if (!match || !(match.name || match.tags)) continue;
    prepared.push({
      record,
      cloud: match.cloud,
      name: match.name ? nameMatcher(match.name) : undefined,
      tags: match.tags ? Object.entries(match.tags) : undefined,
    });
  }
  matchers.set(records, prepared);
  return prepared;
}

/** globMatch for one pattern, with its literal start checked first: most names fail on the first characters. */
function nameMatcher(pattern: string): (name: string) => boolean {
  const wildcard = pattern.search(/[*?]/);
  if (wildcard < 0) return (name) => name === pattern;
  const start = pattern.slice(0, wildcard);
  return (name) => name.startsWith(start) && globMatch(pattern, name);
}

/** Owner ids per catalog owner list, for the lookup every subject makes. */
const ownerIds = new WeakMap<Catalog['owners'], Set<string>>();

/** Whether `id` is one of the catalog's owners. */
export function isKnownOwner(catalog: Catalog, id: string): boolean {
  let ids = ownerIds.get(catalog.owners);
  if (!ids) ownerIds.set(catalog.owners, (ids = new Set(catalog.owners.map((owner) => owner.id))));
  return ids.has(id);
}

export function profileOf(catalog: Catalog, subject: Identity | Secret): IdentityProfile {
  const record = findCatalogRecord(catalog, subject);
  const tags = subject.tags;
  const keys = catalog.tags;
  const ownerName = record?.owner ?? tags[keys.owner] ?? firstPlatformOwner(subject);
  const knownOwner = ownerName !== undefined && isKnownOwner(catalog, ownerName);
  const classTag = tags[keys.class];
  const classFromTag = classTag && (IDENTITY_CLASSES as readonly string[]).includes(classTag) ? (classTag as IdentityClass) : undefined;
  const entitlementTag = tags[keys.entitlements];
  return {
    record,
    owner: knownOwner ? ownerName : undefined,
    unknownOwner: ownerName !== undefined && !knownOwner ? ownerName : undefined,
    class: record?.class ?? classFromTag,
    invalidClass: !record && classTag && !classFromTag ? classTag : undefined,
    entitlements: record?.entitlements ?? (entitlementTag ? entitlementTag.split(/[\s,+]+/).filter(Boolean) : []),
    purpose: record?.purpose ?? tags[keys.purpose],
    expires: record?.expires ?? tags[keys.expires],
    source: record ? 'catalog' : ownerName || classTag || entitlementTag ? 'tags' : 'none',
  };
}

function firstPlatformOwner(subject: Identity | Secret): string | undefined {
  return 'platformOwners' in subject ? subject.platformOwners?.[0] : undefined;
}
