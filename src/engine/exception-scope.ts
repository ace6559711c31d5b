/**
 * What a catalog exception's target names in a change: the identities and secrets it binds to, by the same names a
 * waiver is matched with (waivers.ts). The exception policy bounds how many (`maxTargets`), and an exception that
 * binds something here but waives nothing is stale.
 */
import type { Catalog, CatalogException } from '../../catalog/types.js';
import type { Model } from '../model/model.js';
import { bindingOf, targetMatches } from './waivers.js';

const scopes = new WeakMap<Model, Map<string, string[]>>();

/** The distinct identities and secrets of the change the exception's target binds to (their names). */
export function exceptionTargets(exception: CatalogException, model: Model, catalog: Catalog): string[] {
  let byTarget = scopes.get(model);
  if (!byTarget) scopes.set(model, (byTarget = new Map()));
  let names = byTarget.get(exception.target);
  if (!names) {
    names = [];
    for (const subject of [...model.identities, ...model.secrets]) {
      if (targetMatches(exception.target, bindingOf(subject, catalog, model))) names.push(subject.name);
    }
    byTarget.set(exception.target, names);
  }
  return names;
}

/** True when the exception's target binds more of the change than the catalog's exception policy allows. */
export function isTooBroad(exception: CatalogException, model: Model, catalog: Catalog): boolean {
  const maxTargets = catalog.exceptionPolicy?.maxTargets;
  return maxTargets !== undefined && exceptionTargets(exception, model, catalog).length > maxTargets;
}
