/**
 * What a catalog exception's target names in a change: the identities and secrets it binds to, by the same names a
 * waiver is matched with (waivers.ts). The exception policy bounds how many (`maxTargets`), and an exception that
 * binds something here but waives nothing is stale. Whether an exception is valid at all (unexpired, owned,
 * approved) is decided here too (isExceptionValid).
 */
import type { Catalog, CatalogException } from './types.js';
import type { Model } from '../src/model/model.js';
import { isPastDate } from './dates.js';
import { bindingOf, isKnownOwner } from './profile.js';
import { targetMatches, type Binding } from './waivers.js';

const scopes = new WeakMap<Model, Map<string, string[]>>();
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
  let byTarget = scopes.get(model);
  if (!byTarget) scopes.set(model, (byTarget = new Map<string, string[]>()));
  let names = byTarget.get(exception.target);
  if (!names) {
    names = [];
    if (!/[*?]/.test(exception.target)) {
      // A target without a wildcard names exactly: looked up by name instead of compared with every subject.
      for (const { name, binding } of subjectsByName(model, catalog).get(exception.target) ?? [])
        if (targetMatches(exception.target, binding)) names.push(name);
    } else
      for (const { name, binding } of subjectBindings(model, catalog))
        if (targetMatches(exception.target, binding)) names.push(name);
    byTarget.set(exception.target, names);
  }
  return names;
}

/** True when the exception's target binds more of the change than the catalog's exception policy allows. */
export function isTooBroad(exception: CatalogException, model: Model, catalog: Catalog): boolean {
  const maxTargets = catalog.exceptionPolicy?.maxTargets;
  return maxTargets !== undefined && exceptionTargets(exception, model, catalog).length > maxTargets;
}

/** An exception waives a finding only while it is valid: not expired, owned by a known owner, approved. */
export function isExceptionValid(exception: CatalogException, catalog: Catalog, now: Date): boolean {
  return (
    !isPastDate(exception.expires, now) && isKnownOwner(catalog, exception.owner) && exception.approvedBy.trim() !== ''
  );
}
