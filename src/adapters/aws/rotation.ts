import { isUnknown, malformedValue, type Maybe } from '../../model/model.js';
import { isRecord } from '../../util/records.js';

/**
 * The longest time between two rotations, in days, from a Secrets Manager `RotationRules` block:
 * `AutomaticallyAfterDays`, or `ScheduleExpression` as `rate(N days|hours)` or a cron, whose longest gap is counted on
 * the calendar. A schedule it cannot bound stays Unknown, never a guess; one written so (no rules, no interval, an
 * expression this reading cannot bound) is malformed: no deployment makes it known, so it is not "until apply".
 */
export function rotationDays(rules: unknown): Maybe<number> {
  if (isUnknown(rules)) return rules;
  if (!isRecord(rules)) return malformedValue('rotation schedule without RotationRules');
  const after = rules.AutomaticallyAfterDays;
  if (typeof after === 'number' || (typeof after === 'string' && /^\d+$/.test(after))) return Number(after);
  const expression = rules.ScheduleExpression;
  if (isUnknown(after)) return after;
  if (isUnknown(expression)) return expression;
  if (typeof expression !== 'string')
    return malformedValue('rotation schedule without AutomaticallyAfterDays or ScheduleExpression');
  return (
    scheduleDays(expression.trim()) ?? malformedValue(`rotation schedule "${expression}" (interval cannot be bounded)`)
  );
}

function scheduleDays(expression: string): number | undefined {
  const [, count, unit] = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i.exec(expression) ?? [];
  if (count !== undefined && unit !== undefined)
    return unit.toLowerCase().startsWith('day') ? Number(count) : Math.max(1, Math.ceil(Number(count) / 24));
  const [, cron] = /^cron\((.*)\)$/i.exec(expression) ?? [];
  if (cron === undefined) return undefined;
  // Counted over a whole calendar cycle once per expression: a stack's secrets share a few schedules.
  if (!cronDays.has(cron)) cronDays.set(cron, cronLongestGap(cron));
  return cronDays.get(cron);
}

const cronDays = new Map<string, number | undefined>();

/** The longest gap of a cron(…)'s six fields, or undefined when it cannot be bounded. */
function cronLongestGap(cron: string): number | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [, , dayOfMonth, month, dayOfWeek, year] = fields;
  if (dayOfMonth === undefined || month === undefined || dayOfWeek === undefined) return undefined;
  // A schedule for named years stops after the last of them: no interval bounds it.
  if (year !== '*') return undefined;
  const any = (field: string) => field === '*' || field === '?';
  // AWS cron takes a day of the month or a day of the week, not both.
  if (!any(dayOfMonth) && !any(dayOfWeek)) return undefined;
  const months = parseField(month, 1, 12, MONTHS);
  const days = any(dayOfMonth) ? undefined : dayOfMonth === 'L' ? 'last' : parseField(dayOfMonth, 1, 31, {});
  const weekdays = any(dayOfWeek) ? undefined : parseField(dayOfWeek, 1, 7, WEEKDAYS);
  if (!months || (days === undefined && !any(dayOfMonth)) || (weekdays === undefined && !any(dayOfWeek)))
    return undefined;
  return longestCalendarGap((date) => {
    if (!months.includes(date.getUTCMonth() + 1)) return false;
    if (weekdays) return weekdays.includes(date.getUTCDay() + 1);
    if (days === 'last') return new Date(date.getTime() + DAY).getUTCDate() === 1;
    return days === undefined || days.includes(date.getUTCDate());
  });
}

const DAY = 86_400_000;
/** 2001–2028: 28 Gregorian years with no century year, a whole cycle of dates and weekdays (10,227 days). */
const CYCLE_START = Date.UTC(2001, 0, 1);
const CYCLE_DAYS = 10_227;

/**
 * The longest gap in days between two consecutive days a schedule runs on, over a whole cycle of the calendar (and
 * from its last run into the next cycle's first); undefined when it never runs. Months of 28 to 31 days, leap years
 * and weekdays are all counted: `cron(0 0 31 * ? *)` runs on the 31st, so from March 31 to May 31 (61 days).
 */
function longestCalendarGap(runsOn: (date: Date) => boolean): number | undefined {
  let first: number | undefined;
  let previous: number | undefined;
  let longest = 0;
  for (let day = 0; day < CYCLE_DAYS; day++) {
    if (!runsOn(new Date(CYCLE_START + day * DAY))) continue;
    if (previous !== undefined) longest = Math.max(longest, day - previous);
    first ??= day;
    previous = day;
  }
  if (first === undefined || previous === undefined) return undefined;
  return Math.max(longest, first + CYCLE_DAYS - previous);
}

const MONTHS: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};
const WEEKDAYS: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };

/** Values of a cron field made of numbers/names, ranges, lists and steps; undefined for `L`, `W`, `#`. */
function parseField(field: string, min: number, max: number, names: Record<string, number>): number[] | undefined {
  const value = (text: string) => names[text.toUpperCase()] ?? (/^\d+$/.test(text) ? Number(text) : NaN);
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [, first, last, every] = /^([^/-]+)(?:-([^/]+))?(?:\/(\d+))?$/.exec(part) ?? [];
    if (first === undefined) return undefined;
    const start = first === '*' ? min : value(first);
    const end = last !== undefined ? value(last) : every !== undefined || first === '*' ? max : start;
    const step = every !== undefined ? Number(every) : 1;
    if (!(start >= min && end <= max && start <= end && step >= 1)) return undefined;
    for (let day = start; day <= end; day += step) values.add(day);
  }
  return [...values].sort((a, b) => a - b);
}
