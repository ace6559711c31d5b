import type { Catalog, CatalogIdentity } from '../../catalog/types.js';
import { IDENTITY_CLASSES, type Identity, type IdentityClass, type Secret } from '../model/model.js';
import { globMatch } from '../util/glob.js';

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
  return catalog.identities.find((record) => {
    const match = record.match;
    if (!match) return false;
    if (match.cloud && match.cloud !== subject.cloud) return false;
    if (match.name && !globMatch(match.name, subject.name) && !globMatch(match.name, subject.resource.name)) return false;
    if (match.tags && !Object.entries(match.tags).every(([key, value]) => subject.tags[key] === value)) return false;
    return Boolean(match.name || match.tags);
  });
}

export function profileOf(catalog: Catalog, subject: Identity | Secret): IdentityProfile {
  const record = findCatalogRecord(catalog, subject);
  const tags = subject.tags;
  const keys = catalog.tags;
  const ownerName = record?.owner ?? tags[keys.owner] ?? firstPlatformOwner(subject);
  const knownOwner = ownerName !== undefined && catalog.owners.some((owner) => owner.id === ownerName);
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
