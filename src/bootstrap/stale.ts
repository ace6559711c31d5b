/**
 * What `catalog init --update` reports as matching nothing any more: identity records whose match fits no identity
 * or secret of the inputs, and exceptions whose target names nothing there. Reported, never removed: the catalog
 * may describe more than these inputs (other repositories, other stacks), and removing is a person's decision.
 */
import { recordMatches, type Catalog } from '../../catalog/types.js';
import { exceptionTargets } from '../../catalog/exception-scope.js';
import { matchCatalogRecord } from '../../catalog/profile.js';
import { resourceBinding, targetMatches } from '../../catalog/waivers.js';
import type { Model } from '../model/model.js';

export interface StaleEntry {
  list: 'identities' | 'exceptions';
  index: number;
  message: string;
}

export function staleEntries(catalog: Catalog, model: Model): StaleEntry[] {
  const matched = new Set(
    [...model.identities, ...model.secrets].flatMap((subject) => {
      const record = matchCatalogRecord(catalog, subject)?.record;
      return record ? [record] : [];
    }),
  );
  const stale: StaleEntry[] = [];
  catalog.identities.forEach((record, index) => {
    // A record without match lives in the identity provider: inputs never show it.
    if (recordMatches(record).length === 0 || matched.has(record)) return;
    stale.push({
      list: 'identities',
      index,
      message: `identity ${JSON.stringify(record.id)} matches nothing in these inputs any more; remove it if it is gone`,
    });
  });
  const resources = [
    ...model.identities.map((identity) => identity.resource),
    ...model.unattachedPolicies.map((policy) => policy.source),
    ...model.secrets.flatMap((secret) => (secret.resourcePolicies ?? []).map((policy) => policy.source)),
    ...(model.unlinkedSecretPolicies ?? []).map((policy) => policy.source),
  ];
  catalog.exceptions.forEach((exception, index) => {
    if (exceptionTargets(exception, model, catalog).length > 0) return;
    if (resources.some((resource) => targetMatches(exception.target, resourceBinding(resource)))) return;
    stale.push({
      list: 'exceptions',
      index,
      message: `exception ${JSON.stringify(exception.id)} (${exception.rule} for ${exception.target}) names nothing in these inputs any more; remove it if what it waived is gone`,
    });
  });
  return stale;
}
