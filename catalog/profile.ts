import { recordMatches, type Catalog, type CatalogIdentity } from './types.js';
import { IDENTITY_CLASSES, type Identity, type IdentityClass, type Model, type Secret } from '../src/model/model.js';
import { globMatch } from '../src/util/glob.js';
import { subjectNames, type Binding, type Subject, type SubjectName } from './waivers.js';

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
  const prepared = matchersOf(catalog.identities);
  for (const matcher of candidatesFor(prepared, names)) {
    if (matcher.cloud && matcher.cloud !== subject.cloud) continue;
    if (matcher.tags && !matcher.tags.every(([key, value]) => subject.tags[key] === value)) continue;
    if (!matcher.name) return { record: matcher.record, bound: false };
    let bound: boolean | undefined;
    for (const { value, binds } of names) {
      if (matcher.name(value)) bound = binds;
      if (bound === true) break;
    }
    if (bound !== undefined) return { record: matcher.record, bound };
  }
  return undefined;
}

/** A record's match, prepared once per catalog: every identity and secret is matched against every record. */
interface RecordMatcher {
  record: CatalogIdentity;
  /** Position in catalog order: the first record that matches wins. */
  index: number;
  cloud?: string;
  name?: (name: string) => boolean;
  tags?: [string, string][];
}

/**
 * The records that can match something, in catalog order, and an index of those whose name has no wildcard by that
 * name: a subject is compared only with the records of its own names and those with a pattern or tags alone, so a
 * catalog of thousands of records (as `catalog init` writes for an estate) is not scanned once per subject.
 */
interface PreparedMatchers {
  all: RecordMatcher[];
  exact: Map<string, RecordMatcher[]>;
  /** Records with a wildcard name or no name (tags only), which any subject may match. */
  others: RecordMatcher[];
}

const matchers = new WeakMap<readonly CatalogIdentity[], PreparedMatchers>();

function matchersOf(records: readonly CatalogIdentity[]): PreparedMatchers {
  let prepared = matchers.get(records);
  if (prepared) return prepared;
  prepared = { all: [], exact: new Map(), others: [] };
  for (const record of records) {
    // A record with per-cloud matches has one matcher each, in its order.
    for (const match of recordMatches(record)) {
      if (!(match.name || match.tags)) continue;
      const matcher: RecordMatcher = {
        record,
        index: prepared.all.length,
        cloud: match.cloud,
        name: match.name ? nameMatcher(match.name) : undefined,
        tags: match.tags ? Object.entries(match.tags) : undefined,
      };
      prepared.all.push(matcher);
      if (match.name && !/[*?]/.test(match.name)) {
        const list = prepared.exact.get(match.name);
        if (list) list.push(matcher);
        else prepared.exact.set(match.name, [matcher]);
      } else prepared.others.push(matcher);
    }
  }
  matchers.set(records, prepared);
  return prepared;
}

/** The records a subject with these names may match, in catalog order. */
function candidatesFor(prepared: PreparedMatchers, names: readonly SubjectName[]): RecordMatcher[] {
  if (prepared.exact.size === 0) return prepared.others;
  let found: RecordMatcher[] | undefined;
  let lists = 0;
  for (const { value } of names) {
    const list = prepared.exact.get(value);
    if (list) {
      found = found ? found.concat(list) : list;
      lists++;
    }
  }
  if (!found) return prepared.others;
  // One name's records alone are in catalog order already: nothing to merge.
  if (lists === 1 && prepared.others.length === 0) return found;
  const merged = [...new Set([...found, ...prepared.others])];
  return merged.sort((a, b) => a.index - b.index);
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

/**
 * A subject's names (without the model's account ids: `subjectNames(subject)`) and the catalog record they match: what
 * its profile and, where the model names no account ids, its binding both start from (see `profileOf`, `bindingOf`).
 */
export interface SubjectMatch {
  names: readonly SubjectName[];
  match: { record: CatalogIdentity; bound: boolean } | undefined;
}

export function subjectMatch(catalog: Catalog, subject: Identity | Secret): SubjectMatch {
  const names = subjectNames(subject);
  return { names, match: matchCatalogRecord(catalog, subject, names) };
}

/**
 * The catalog's facts about a subject. `matched` (from `subjectMatch` for this catalog and subject) saves matching the
 * subject again where its binding is worked out too.
 */
export function profileOf(catalog: Catalog, subject: Identity | Secret, matched?: SubjectMatch): IdentityProfile {
  const record = matched ? matched.match?.record : findCatalogRecord(catalog, subject);
  const tags = subject.tags;
  const keys = catalog.tags;
  const ownerName = record?.owner ?? tags[keys.owner] ?? firstPlatformOwner(subject);
  const knownOwner = ownerName !== undefined && isKnownOwner(catalog, ownerName);
  const classTag = tags[keys.class];
  const classFromTag =
    classTag && (IDENTITY_CLASSES as readonly string[]).includes(classTag) ? (classTag as IdentityClass) : undefined;
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

export function bindingOf(
  subject: Subject,
  catalog: Catalog,
  model?: Pick<Model, 'accountIds'>,
  matched?: SubjectMatch,
): Binding {
  // The model's account ids add names (cloudIds): without any, the subject's names are those `matched` was made from.
  if (matched && !model?.accountIds?.length) return bindingFrom(matched.names, matched.match);
  const names = subjectNames(subject, model);
  return bindingFrom(names, matchCatalogRecord(catalog, subject, names));
}

function bindingFrom(names: readonly SubjectName[], match: SubjectMatch['match']): Binding {
  const binding: string[] = [];
  for (const name of names) if (name.binds) binding.push(name.value);
  return match?.bound ? { recordId: match.record.id, names: [match.record.id, ...binding] } : { names: binding };
}
