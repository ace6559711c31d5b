/**
 * What a catalog exception's target names in a change: the identities and secrets it binds to, by the same names a
 * waiver is matched with (waivers.ts). The exception policy bounds how many (`maxTargets`), and an exception that
 * binds something here but waives nothing is stale. Whether an exception is valid at all (unexpired, owned,
 * approved) is decided here too (isExceptionValid).
 */
import { recordMatches, type Catalog, type CatalogException } from './types.js';
import type { Model } from '../src/model/model.js';
import { isLaterDay, isPastDate } from './dates.js';
import { bindingOf, isKnownOwner } from './profile.js';
import { PATH_PREFIX, targetMatches, type Binding, type Subject } from './waivers.js';
import { globMatch } from '../src/util/glob.js';
import { inAccount, OWN_ACCOUNT } from '../src/model/deployment.js';

/** The subjects each target binds, per model and catalog (a model may be judged against more than one catalog). */
const scopes = new WeakMap<Model, WeakMap<Catalog, Map<string, string[]>>>();
/**
 * Each subject's binding, worked out once per model and catalog: finding a subject's record scans the catalog's
 * records, and every exception asks about every subject (a catalog with thousands of exceptions, as `catalog init`
 * writes for an estate, made that quadratic in records times exceptions).
 */
const bindingLists = new WeakMap<Model, WeakMap<Catalog, { name: string; binding: Binding }[]>>();

function subjectBindings(model: Model, catalog: Catalog): { name: string; binding: Binding }[] {
  let byCatalog = bindingLists.get(model);
  if (!byCatalog) bindingLists.set(model, (byCatalog = new WeakMap()));
  let list = byCatalog.get(catalog);
  if (!list)
    byCatalog.set(
      catalog,
      (list = [...model.identities, ...model.secrets].map((subject) => ({
        name: subject.name,
        binding: bindingOf(subject, catalog, model),
      }))),
    );
  return list;
}

const byNameLists = new WeakMap<object, Map<string, { name: string; binding: Binding }[]>>();

/** The subjects by each of their binding names, in model order. */
function subjectsByName(model: Model, catalog: Catalog): Map<string, { name: string; binding: Binding }[]> {
  const list = subjectBindings(model, catalog);
  let byName = byNameLists.get(list);
  if (!byName) {
    byNameLists.set(list, (byName = new Map<string, { name: string; binding: Binding }[]>()));
    for (const entry of list) {
      for (const name of new Set(entry.binding.names)) {
        const same = byName.get(name);
        if (same) same.push(entry);
        else byName.set(name, [entry]);
      }
    }
  }
  return byName;
}

/** The distinct identities and secrets of the change the exception's target binds to (their names). */
export function exceptionTargets(exception: CatalogException, model: Model, catalog: Catalog): string[] {
  let byCatalog = scopes.get(model);
  if (!byCatalog) scopes.set(model, (byCatalog = new WeakMap()));
  let byTarget = byCatalog.get(catalog);
  if (!byTarget) byCatalog.set(catalog, (byTarget = new Map<string, string[]>()));
  let names = byTarget.get(exception.target);
  if (!names) {
    names = [];
    const target = exception.target;
    const exact = !/[*?]/.test(target);
    if (exact && !bindingLists.get(model)?.has(catalog)) {
      // A target without a wildcard binds a subject only through a name equal to it: its own binding name, or a name
      // by which a catalog record of that id matches it (equal to the record's match name, or matching its pattern).
      // Subjects that have none of these names are passed over without working out their binding (a catalog record
      // match for each), which one exception would otherwise cost for every identity and secret of the change.
      // Each pattern's literal start is worked out once per target, not once per subject; indexed loops without
      // callbacks, as this runs for every subject mostly before V8 optimizes it.
      const { names: exactNames, patterns } = namesBinding(target, catalog);
      const prepared = patterns.map(preparedPattern);
      const subjects = subjectsOf(model);
      for (let index = 0; index < subjects.length; index++) {
        const subject = subjects[index];
        if (
          subject !== undefined &&
          (mayBindAnyName(subject, exactNames, model) || mayBindAnyPattern(subject, prepared, model)) &&
          targetMatches(target, bindingOf(subject, catalog, model))
        )
          names.push(subject.name);
      }
    } else if (exact) {
      for (const { name, binding } of subjectsByName(model, catalog).get(target) ?? [])
        if (targetMatches(target, binding)) names.push(name);
    } else
      for (const { name, binding } of subjectBindings(model, catalog))
        if (targetMatches(target, binding)) names.push(name);
    byTarget.set(target, names);
  }
  return names;
}

function subjectsOf(model: Model): Subject[] {
  return [...model.identities, ...model.secrets];
}

/**
 * What a subject bound by this exact target must have among its binding names: a name equal to the target or to the
 * exact `match.name` of a catalog record with the target as id, or one that matches such a record's `match.name`
 * pattern (a record binds only through a binding name that matched it).
 */
function namesBinding(target: string, catalog: Catalog): { names: string[]; patterns: string[] } {
  const names = [target];
  const patterns: string[] = [];
  for (const record of catalog.identities) {
    if (record.id !== target) continue;
    for (const match of recordMatches(record)) {
      // A match by tags alone binds nothing (matchCatalogRecord: bound only through a binding name).
      if (match.name === undefined) continue;
      if (/[*?]/.test(match.name)) patterns.push(match.name);
      else names.push(match.name);
    }
  }
  return { names, patterns };
}

/** A record's `match.name` pattern with its literal start (the text before its first wildcard). */
interface PreparedPattern {
  pattern: string;
  start: string;
  /** Whether its literal start agrees with `path:`: only then can it match a construct path. */
  mayMatchPath: boolean;
}

function preparedPattern(pattern: string): PreparedPattern {
  const wildcard = pattern.search(/[*?]/);
  const start = wildcard < 0 ? pattern : pattern.slice(0, wildcard);
  return { pattern, start, mayMatchPath: PATH_PREFIX.startsWith(start.slice(0, PATH_PREFIX.length)) };
}

function fits(prepared: PreparedPattern, name: string): boolean {
  return name.startsWith(prepared.start) && globMatch(prepared.pattern, name);
}

function mayBindAnyName(subject: Subject, names: readonly string[], model: Model): boolean {
  for (let index = 0; index < names.length; index++) {
    const name = names[index];
    if (name !== undefined && mayBindName(subject, name, model)) return true;
  }
  return false;
}

function mayBindAnyPattern(subject: Subject, patterns: readonly PreparedPattern[], model: Model): boolean {
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index];
    if (pattern !== undefined && mayBindPattern(subject, pattern, model)) return true;
  }
  return false;
}

/**
 * False when none of the subject's binding names (see mayBindName) can match this pattern; true when one may
 * (bindingOf then decides). Every binding name is one of the names tried here, which may be more.
 */
function mayBindPattern(subject: Subject, pattern: PreparedPattern, model: Model): boolean {
  if (fits(pattern, subject.name)) return true;
  const resource = subject.resource;
  if (
    (resource.urn !== undefined && fits(pattern, resource.urn)) ||
    (resource.location !== undefined && fits(pattern, resource.location))
  )
    return true;
  if (resource.path !== undefined && pattern.mayMatchPath) {
    // The construct path and its parent (`Stack/Role` of `Stack/Role/Resource`): constructPaths in waivers.ts.
    const parent = /^(.+)\/(Resource|Default)$/.exec(resource.path)?.[1];
    if (fits(pattern, PATH_PREFIX + resource.path) || (parent !== undefined && fits(pattern, PATH_PREFIX + parent)))
      return true;
  }
  const arn = 'arn' in subject ? subject.arn : undefined;
  if (typeof arn !== 'string') return false;
  if (fits(pattern, arn)) return true;
  if (!arn.includes(OWN_ACCOUNT)) return false;
  const accounts = model.accountIds ?? [];
  for (let index = 0; index < accounts.length; index++) {
    const account = accounts[index];
    if (account !== undefined && fits(pattern, inAccount(arn, account))) return true;
  }
  return false;
}

/**
 * False when none of the subject's binding names (subjectNames in waivers.ts: its physical name, cloud ids, construct
 * paths, location, URN) can be this one; true when one may be (bindingOf then decides).
 */
function mayBindName(subject: Subject, name: string, model: Model): boolean {
  if (subject.name === name) return true;
  const resource = subject.resource;
  if (resource.urn === name || resource.location === name) return true;
  if (resource.path !== undefined && name.startsWith(PATH_PREFIX)) {
    const path = name.slice(PATH_PREFIX.length);
    if (resource.path === path || resource.path.startsWith(`${path}/`)) return true;
  }
  const arn = 'arn' in subject ? subject.arn : undefined;
  if (typeof arn !== 'string') return false;
  if (arn === name) return true;
  if (!arn.includes(OWN_ACCOUNT)) return false;
  const accounts = model.accountIds ?? [];
  for (let index = 0; index < accounts.length; index++) {
    const account = accounts[index];
    if (account !== undefined && inAccount(arn, account) === name) return true;
  }
  return false;
}

/** True when the exception's target binds more of the change than the catalog's exception policy allows. */
export function isTooBroad(exception: CatalogException, model: Model, catalog: Catalog): boolean {
  const maxTargets = catalog.exceptionPolicy.maxTargets;
  return maxTargets !== undefined && exceptionTargets(exception, model, catalog).length > maxTargets;
}

/**
 * An exception waives a finding only while it is valid: not expired, owned by a known owner, approved, and approved
 * already. An approval dated later than today is not in force yet: exceptionPolicy.maxLifetime counts from the
 * approval day, so a later day written there would otherwise stretch the exception past the lifetime the policy
 * allows (approved a year ahead, expiring a year after that: two years of waiver from today).
 */
export function isExceptionValid(exception: CatalogException, catalog: Catalog, now: Date): boolean {
  return (
    !isPastDate(exception.expires, now) &&
    isKnownOwner(catalog, exception.owner) &&
    exception.approvedBy.trim() !== '' &&
    !isApprovedLater(exception, now)
  );
}

/** Whether the exception records its approval on a day that has not begun anywhere yet (catalog/dates.ts isLaterDay). */
export function isApprovedLater(exception: CatalogException, now: Date): boolean {
  return exception.approved !== undefined && isLaterDay(exception.approved, now);
}
