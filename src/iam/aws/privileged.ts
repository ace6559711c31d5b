/**
 * Which AWS actions are privileged: every action AWS itself classes as Permissions management, plus the
 * actions the catalog's `privilegedActions` list names for AWS (the built-in defaults carry such a list too).
 */
import type { Catalog, PrivilegedAction } from '../../../catalog/types.js';
import { expandActionPattern, type AwsAction } from './actions.js';

export type PrivilegedCategory = PrivilegedAction['category'];

/** Per catalog list: action name -> the first entry naming it. Built once, so a `*` expansion is cheap to classify. */
const indexes = new WeakMap<readonly PrivilegedAction[], Map<string, PrivilegedAction>>();

/** 'permissions-management' for AWS's Permissions management access level, else the category of the catalog entry naming the action. */
export function privilegedCategory(action: AwsAction, catalog: Catalog): PrivilegedCategory | undefined {
  if (action.accessLevel === 'Permissions management') return 'permissions-management';
  return privilegedEntry(action, catalog)?.category;
}

/** The catalog's privileged-action entry whose AWS patterns match the action (first in catalog order). */
export function privilegedEntry(action: AwsAction, catalog: Catalog): PrivilegedAction | undefined {
  return indexOf(catalog.privilegedActions).get(action.name);
}

function indexOf(entries: readonly PrivilegedAction[]): Map<string, PrivilegedAction> {
  let index = indexes.get(entries);
  if (index) return index;
  index = new Map();
  for (const entry of entries) {
    for (const pattern of entry.aws ?? []) {
      for (const action of expandActionPattern(pattern)) if (!index.has(action.name)) index.set(action.name, entry);
    }
  }
  indexes.set(entries, index);
  return index;
}
