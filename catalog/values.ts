/**
 * Scalar formats the schema can only shape-check: durations (`90m`, `1h`, `1h30m`, `90d`) and
 * calendar dates (`2027-06-30`).
 */

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const SECONDS_PER_UNIT = [86_400, 3_600, 60, 1];

/** Seconds in a duration like `1h30m`; undefined when it is not written as one. */
export function durationSeconds(text: string): number | undefined {
  const parts = DURATION.exec(text);
  if (!parts || text === '') return undefined;
  return SECONDS_PER_UNIT.reduce((sum, unit, i) => sum + Number(parts[i + 1] ?? 0) * unit, 0);
}

/** Days in an age like `90d`; undefined when it is not written as one. */
export function durationDays(text: string): number | undefined {
  const parts = /^(\d+)d$/.exec(text);
  return parts ? Number(parts[1]) : undefined;
}

/** A parsed duration the engine can use: more than zero and exactly countable. */
export function isUsableAmount(amount: number): boolean {
  return amount > 0 && Number.isSafeInteger(amount);
}

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is rejected). */
export function isCalendarDate(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `12h`, `1h30m`, `15m`, `45s`: a number of seconds the way people write session limits. */
export function formatSeconds(seconds: number): string {
  const parts: string[] = [];
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (rest || parts.length === 0) parts.push(`${rest}s`);
  return parts.join('');
}
