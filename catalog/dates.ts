import { isKnownOwner } from './profile.js';
import type { Catalog, CatalogException } from './types.js';

/** An exception waives a finding only while it is valid: not expired, owned by a known owner, approved. */
export function isExceptionValid(exception: CatalogException, catalog: Catalog, now: Date): boolean {
  return (
    !isPastDate(exception.expires, now) && isKnownOwner(catalog, exception.owner) && exception.approvedBy.trim() !== ''
  );
}

/** A date-only expiry (YYYY-MM-DD) is valid through the end of that day, UTC. */
export function isPastDate(date: string, now: Date): boolean {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date);
  return Number.isNaN(end) || end < now.getTime();
}
