/** Reading expiry dates (catalog records, expiry tags, exceptions) for the expiry rules. */
import { isCalendarDate } from '../../../catalog/values.js';

const DAY_MS = 86_400_000;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date (2027-06-30) or a full ISO timestamp; anything else cannot be trusted as an expiry. */
export function isExpiryDate(text: string): boolean {
  return (
    isCalendarDate(text) ||
    (ISO_TIMESTAMP.test(text) && isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text)))
  );
}

/**
 * `Date.parse` for an end date a provider gives (Azure credentials and secrets), except that a date part that is not a
 * real calendar date is NaN: `Date.parse` reads 2026-02-30 as March 2nd, which would move an expiry silently.
 */
export function parseEndDate(text: string): number {
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !isCalendarDate(text.slice(0, 10))) return Number.NaN;
  return Date.parse(text);
}

/** Whole UTC calendar days from the expiry's day to now's day: 0 when it expired today. */
export function daysSince(expiry: string, now: Date): number {
  const day = (time: number) => Math.floor(time / DAY_MS);
  return day(now.getTime()) - day(Date.parse(expiry));
}

export function describeDaysAgo(days: number): string {
  return days === 0 ? 'earlier today' : days === 1 ? '1 day ago' : `${days} days ago`;
}
