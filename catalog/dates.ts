/**
 * Whether a recorded approval day has not come yet anywhere on Earth: a date-only day D has begun somewhere once it
 * is D in the easternmost time zone (UTC+14), at D-1 10:00 UTC, so an approver there is not refused for writing their
 * own today. A full timestamp is compared as written. An unreadable date is not later (the schema reports it).
 */
export function isLaterDay(date: string, now: Date): boolean {
  const EASTERNMOST_OFFSET_MS = 14 * 3_600_000;
  const start = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? Date.parse(`${date}T00:00:00.000Z`) - EASTERNMOST_OFFSET_MS
    : Date.parse(date);
  return !Number.isNaN(start) && start > now.getTime();
}

/** A date-only expiry (YYYY-MM-DD) is valid through the end of that day, UTC. */
export function isPastDate(date: string, now: Date): boolean {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date);
  return Number.isNaN(end) || end < now.getTime();
}
