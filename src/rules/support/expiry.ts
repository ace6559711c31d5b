/** Reading expiry dates (catalog records, expiry tags, exceptions) for the expiry rules. */
import { isCalendarDate } from '../../../catalog/values.js';

const DAY_MS = 86_400_000;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date (2027-06-30) or a full ISO timestamp; anything else cannot be trusted as an expiry. */
export function isExpiryDate(text: string): boolean {
  return isCalendarDate(text) || (ISO_TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text)));
}

/** Whole UTC calendar days from the expiry's day to now's day: 0 when it expired today. */
export function daysSince(expiry: string, now: Date): number {
  const day = (time: number) => Math.floor(time / DAY_MS);
  return day(now.getTime()) - day(Date.parse(expiry));
}

export function describeDaysAgo(days: number): string {
  return days === 0 ? 'earlier today' : days === 1 ? '1 day ago' : `${days} days ago`;
}
