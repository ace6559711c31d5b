import type { Catalog, Entitlement } from './types.js';

/**
 * The catalog's entitlements by id, the first of each id (as a search of the list would find it). Rules and the audit
 * look an identity's entitlements up for every identity, so the index is built once per catalog.
 */
const indexes = new WeakMap<Catalog, Map<string, Entitlement>>();

/** The catalog's entitlement with this id, or undefined when it defines none. */
export function entitlementById(catalog: Catalog, id: string): Entitlement | undefined {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map();
    for (const entitlement of catalog.entitlements)
      if (!index.has(entitlement.id)) index.set(entitlement.id, entitlement);
    indexes.set(catalog, index);
  }
  return index.get(id);
}
