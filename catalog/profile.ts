import { recordMatches, type Catalog, type CatalogIdentity } from './types.js';
import { IDENTITY_CLASSES, type Identity, type IdentityClass, type Model, type Secret } from '../src/model/model.js';
import { globMatch } from '../src/util/glob.js';
import { entitlementById } from './entitlement-index.js';
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
  /**
   * Privileged entitlements the entitlements tag names (read where no catalog record lists the identity's
   * entitlements): not held. The tag is written by whoever writes the IaC, and a privileged entitlement is what the
   * catalog's review exists to grant; only a catalog record's entitlements give one.
   */
  claimedByTag?: string[];
  /**
   * Privileged entitlements of a record that matched the subject only by its bare resource name (a CloudFormation
   * logical id, a Pulumi resource name): not held. Every stack picks those names freely, so such a match claims the
   * record's facts as a tag would (see `matchCatalogRecord`), and a privileged entitlement is granted only to the
   * identity the record names by what the catalog controls (a physical name, ARN, construct path, location or URN).
   */
  claimedByName?: string[];
  /**
   * Privileged entitlements of a record that matched the subject only by its tags (`match: { tags: … }` with no name,
   * or a name that did not match): not held. The catalog author chose the tags, but the stack author writes them on
   * any resource of any stack, so such a match names no one identity: a record's tags may give its owner, class and
   * non-privileged entitlements, while a privileged one is granted only where the record also names the identity by
   * what the catalog controls, as for `claimedByName`.
   */
  claimedByRecordTags?: string[];
  /**
   * Whether the class came from a catalog record that names the subject by what the catalog controls (a binding name):
   * then it may relax what a rule asks of the class (people's and break-glass accounts' administrator policies are left
   * to their own rules). A class from a tag, or from a record matched only by the bare resource name or only by tags
   * (which the stack author writes on any resource), is the author's claim: it sets what the identity may hold, never
   * an exemption.
   */
  classReviewed: boolean;
  /** Set when the record matched the subject only by its bare resource name or only by its tags (see `classReviewed`). */
  recordMatchedBy?: 'bareName' | 'tags';
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
): CatalogMatch {
  const prepared = matchersOf(catalog.identities);
  for (const matcher of candidatesFor(prepared, names)) {
    if (matcher.cloud && matcher.cloud !== subject.cloud) continue;
    if (matcher.tags && !matcher.tags.every(([key, value]) => subject.tags[key] === value)) continue;
    if (!matcher.name) return { record: matcher.record, bound: false, bareName: false };
    let bound: boolean | undefined;
    for (const { value, binds } of names) {
      if (matcher.name(value)) bound = binds;
      if (bound === true) break;
    }
    if (bound !== undefined) return { record: matcher.record, bound, bareName: !bound };
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
 * The catalog record a subject matches, whether it matched through a name that binds exceptions, and whether it
 * matched only through the bare resource name (`bareName`; false for a bound match and for a record matched by its
 * tags alone, which is neither: see `claimedByRecordTags`).
 */
export type CatalogMatch = { record: CatalogIdentity; bound: boolean; bareName: boolean } | undefined;

/** How a record matched its subject: by a name that binds, by the bare resource name only, or by its tags only. */
type MatchedBy = 'binding' | 'bareName' | 'tags';

function matchedBy(match: NonNullable<CatalogMatch>): MatchedBy {
  return match.bound ? 'binding' : match.bareName ? 'bareName' : 'tags';
}

/**
 * The tags by which `record` matches `subject` (`team=payments`), for a message about a record matched by tags alone:
 * those of the record's first match that has no name and whose cloud and tags fit the subject.
 */
export function matchedTags(record: CatalogIdentity, subject: Identity | Secret): string {
  for (const match of recordMatches(record)) {
    if (match.name || !match.tags) continue;
    if (match.cloud && match.cloud !== subject.cloud) continue;
    const tags = Object.entries(match.tags);
    if (tags.every(([key, value]) => subject.tags[key] === value))
      return tags.map(([key, value]) => `${key}=${value}`).join(', ');
  }
  return '';
}

/**
 * What `profileOf` reads of a subject besides its record: each fact the record does not give (a record's owner, class
 * and entitlements, when set, are all the profile reads of them). Two subjects with the same record (or none) and the
 * same facts have equal profiles.
 */
interface ProfileFacts {
  ownerName: string | undefined;
  /** Read only where the record gives no class (else undefined). */
  classTag: string | undefined;
  /** Read only where the record gives no entitlements (else undefined). */
  entitlementTag: string | undefined;
  purpose: string | undefined;
  expires: string | undefined;
}

function profileFacts(catalog: Catalog, subject: Identity | Secret, record: CatalogIdentity | undefined): ProfileFacts {
  const tags = subject.tags;
  const keys = catalog.tags;
  return {
    ownerName: record?.owner ?? tags[keys.owner] ?? firstPlatformOwner(subject),
    classTag: record?.class === undefined ? tags[keys.class] : undefined,
    entitlementTag: record?.entitlements === undefined ? tags[keys.entitlements] : undefined,
    purpose: record?.purpose ?? tags[keys.purpose],
    expires: record?.expires ?? tags[keys.expires],
  };
}

/** The facts of a subject that reads nothing but its record (see profileSharing). */
function recordFacts(record: CatalogIdentity): ProfileFacts {
  return {
    ownerName: record.owner,
    classTag: undefined,
    entitlementTag: undefined,
    purpose: record.purpose,
    expires: record.expires,
  };
}

function profileFrom(
  catalog: Catalog,
  record: CatalogIdentity | undefined,
  facts: ProfileFacts,
  /** How the record matched (unused without a record). */
  how: MatchedBy,
): IdentityProfile {
  const bareName = record !== undefined && how === 'bareName';
  const { ownerName, classTag, entitlementTag } = facts;
  const knownOwner = ownerName !== undefined && isKnownOwner(catalog, ownerName);
  const classFromTag =
    classTag && (IDENTITY_CLASSES as readonly string[]).includes(classTag) ? (classTag as IdentityClass) : undefined;
  // entitlementTag is read only where no record lists entitlements (profileFacts).
  const tagged = entitlementTag ? entitlementTag.split(/[\s,+]+/).filter(Boolean) : [];
  const isPrivileged = (id: string) => entitlementById(catalog, id)?.privileged === true;
  const claimedByTag = [...new Set(tagged.filter(isPrivileged))];
  // A record matched by a bare name or by tags alone gives what a tag could: its privileged entitlements stay with the
  // identity it names by what the catalog controls.
  const unpinned = record !== undefined && how !== 'binding';
  const notHeld = unpinned ? [...new Set(record.entitlements.filter(isPrivileged))] : [];
  const claimedByName = bareName ? notHeld : [];
  const claimedByRecordTags = unpinned && !bareName ? notHeld : [];
  const recordEntitlements =
    record && notHeld.length ? record.entitlements.filter((id) => !notHeld.includes(id)) : record?.entitlements;
  return {
    record,
    owner: knownOwner ? ownerName : undefined,
    unknownOwner: ownerName !== undefined && !knownOwner ? ownerName : undefined,
    class: record?.class ?? classFromTag,
    classReviewed: record !== undefined && how === 'binding',
    ...(record !== undefined && how !== 'binding' ? { recordMatchedBy: how } : {}),
    invalidClass: !record && classTag && !classFromTag ? classTag : undefined,
    entitlements:
      recordEntitlements ?? (claimedByTag.length ? tagged.filter((id) => !claimedByTag.includes(id)) : tagged),
    ...(claimedByTag.length ? { claimedByTag } : {}),
    ...(claimedByName.length ? { claimedByName } : {}),
    ...(claimedByRecordTags.length ? { claimedByRecordTags } : {}),
    purpose: facts.purpose,
    expires: facts.expires,
    source: record ? 'catalog' : ownerName || classTag || entitlementTag ? 'tags' : 'none',
  };
}

/** The catalog's facts about a subject. */
export function profileOf(catalog: Catalog, subject: Identity | Secret): IdentityProfile {
  const match = matchCatalogRecord(catalog, subject);
  const record = match?.record;
  return profileFrom(catalog, record, profileFacts(catalog, subject, record), match ? matchedBy(match) : 'binding');
}

/** A subject's profile and the catalog match it was made from (what its binding starts from, see `bindingOf`). */
export interface SubjectProfile {
  readonly profile: IdentityProfile;
  readonly match: CatalogMatch;
}

/**
 * Each subject's profile and match for one catalog, as `profileOf` and `matchCatalogRecord` give them, but shared:
 * the subjects that match the same record the same way and read the same facts (`ProfileFacts`: most read none but
 * their record) get one object, so an evaluation of a hundred thousand identities keeps a handful of profiles instead
 * of one each. The caller keeps the answer per subject; nothing here is per subject. The objects are shared: read them,
 * never change them (not frozen: freezing them measured 6 % more work for the whole evaluation under callgrind).
 */
export function profileSharing(
  catalog: Catalog,
): (subject: Identity | Secret, names?: readonly SubjectName[]) => SubjectProfile {
  /** Per record (null: none), then per bound and facts (`factsKey`). */
  const shared = new Map<CatalogIdentity | null, Map<string, SubjectProfile>>();
  /** Per record and bound: the subjects that read nothing but the record (most), with no key to build. */
  const recordOnly = new Map<
    CatalogIdentity,
    { bound?: SubjectProfile; unbound?: SubjectProfile; bareName?: SubjectProfile }
  >();
  const keys = catalog.tags;
  return (subject, names = subjectNames(subject)) => {
    const match = matchCatalogRecord(catalog, subject, names);
    if (
      match !== undefined &&
      (match.record.purpose !== undefined || subject.tags[keys.purpose] === undefined) &&
      (match.record.expires !== undefined || subject.tags[keys.expires] === undefined)
    ) {
      // The profile reads the record's owner, class and entitlements (all set in a record), and purpose and expiry
      // from the record or, where it has none, tags this subject does not have: the record's alone.
      const only = match.record;
      let slots = recordOnly.get(only);
      if (!slots) recordOnly.set(only, (slots = {}));
      if (match.bound)
        return (slots.bound ??= { profile: profileFrom(catalog, only, recordFacts(only), 'binding'), match });
      if (match.bareName)
        return (slots.bareName ??= { profile: profileFrom(catalog, only, recordFacts(only), 'bareName'), match });
      return (slots.unbound ??= { profile: profileFrom(catalog, only, recordFacts(only), 'tags'), match });
    }
    const record = match?.record;
    const facts = profileFacts(catalog, subject, record);
    let byFacts = shared.get(record ?? null);
    if (!byFacts) shared.set(record ?? null, (byFacts = new Map<string, SubjectProfile>()));
    const key = factsKey(match, record, facts);
    let found = byFacts.get(key);
    if (!found)
      byFacts.set(
        key,
        (found = { profile: profileFrom(catalog, record, facts, match ? matchedBy(match) : 'binding'), match }),
      );
    return found;
  };
}

/**
 * The facts a record leaves to the subject, each written with its length (an absent one as `-`), so that no two lists
 * of facts give one key. What the record gives is the same for all its subjects and left out.
 */
function factsKey(match: CatalogMatch, record: CatalogIdentity | undefined, facts: ProfileFacts): string {
  let key = match?.bound ? 'b' : match?.bareName ? 'n' : 'u';
  if (record?.owner === undefined) key += lengthPrefixed(facts.ownerName);
  key += lengthPrefixed(facts.classTag) + lengthPrefixed(facts.entitlementTag);
  if (record?.purpose === undefined) key += lengthPrefixed(facts.purpose);
  if (record?.expires === undefined) key += lengthPrefixed(facts.expires);
  return key;
}

function lengthPrefixed(value: string | undefined): string {
  return value === undefined ? '-' : `${value.length}:${value}`;
}

function firstPlatformOwner(subject: Identity | Secret): string | undefined {
  return 'platformOwners' in subject ? subject.platformOwners?.[0] : undefined;
}

export function bindingOf(
  subject: Subject,
  catalog: Catalog,
  model?: Pick<Model, 'accountIds'>,
  matched?: Pick<SubjectProfile, 'match'>,
  /** `subjectNames(subject, model)`, when the caller has them already. */
  names: readonly SubjectName[] = subjectNames(subject, model),
): Binding {
  // The model's account ids add names (cloudIds): without any, the names are those `matched` was made from.
  return bindingFrom(
    names,
    matched && !model?.accountIds?.length ? matched.match : matchCatalogRecord(catalog, subject, names),
  );
}

function bindingFrom(names: readonly SubjectName[], match: CatalogMatch): Binding {
  const binding: string[] = [];
  for (const name of names) if (name.binds) binding.push(name.value);
  return match?.bound ? { recordId: match.record.id, names: [match.record.id, ...binding] } : { names: binding };
}
