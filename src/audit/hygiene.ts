/**
 * Catalog hygiene: what the catalog declares that nothing uses, and what has run out or is about to.
 * Computed over the audit rows, so planned and catalog-only identities count alike.
 */
import type { Catalog } from '../../catalog/types.js';
import type { AuditException, AuditIdentity, AuditSecret, AuditUnapprovedWaiver, CatalogHygiene } from './types.js';

export function catalogHygiene(
  catalog: Catalog,
  identities: readonly AuditIdentity[],
  secrets: readonly AuditSecret[],
  exceptions: readonly AuditException[],
  unapprovedWaivers: readonly AuditUnapprovedWaiver[] = [],
): CatalogHygiene {
  const held = new Set(identities.flatMap((identity) => identity.entitlements.map((entitlement) => entitlement.id)));
  const owning = new Set([...identities.map((identity) => identity.owner), ...secrets.map((secret) => secret.owner)]);
  return {
    unusedEntitlements: catalog.entitlements.map((entitlement) => entitlement.id).filter((id) => !held.has(id)),
    ownersWithoutIdentities: catalog.owners.map((owner) => owner.id).filter((id) => !owning.has(id)),
    expiringExceptions: exceptions.filter((exception) => exception.status === 'expiring'),
    expiredExceptions: exceptions.filter((exception) => exception.status === 'expired'),
    expiredIdentities: identities.flatMap(({ id, name, expiry }) =>
      expiry?.expired ? [{ id, name, expires: expiry.date, daysAgo: -(expiry.daysLeft ?? 0) }] : [],
    ),
    standingPrivilege: identities.flatMap((identity) =>
      identity.entitlements
        .filter((entitlement) => entitlement.standing)
        .map((entitlement) => ({
          id: identity.id,
          name: identity.name,
          ...(identity.class ? { class: identity.class } : {}),
          entitlement: entitlement.id,
        })),
    ),
    unusedExceptions: exceptions.filter((exception) => exception.unused),
    overBroadExceptions: exceptions.filter((exception) => exception.tooBroad !== undefined),
    unapprovedWaivers: [...unapprovedWaivers],
  };
}
