/** Days left until a catalog date, counted in whole UTC days the way the expiry rules count days since. */
import { isPastDate } from '../../catalog/dates.js';
import { daysSince, isExpiryDate } from '../rules/support/expiry.js';
import type { AuditExpiry } from './types.js';

/** Whole days from `now` to the date (0 on the day itself, negative once past); undefined for an unreadable date. */
export function daysLeft(date: string, now: Date): number | undefined {
  return isExpiryDate(date) ? -daysSince(date, now) : undefined;
}

export function expiryOf(date: string | undefined, now: Date): AuditExpiry | undefined {
  if (date === undefined) return undefined;
  const left = daysLeft(date, now);
  return { date, ...(left !== undefined ? { daysLeft: left } : {}), expired: isPastDate(date, now) };
}
