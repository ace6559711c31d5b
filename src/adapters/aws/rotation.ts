import { isUnknown, unknownValue, type Maybe } from '../../model/model.js';
import { isRecord } from '../../util/records.js';

/**
 * The longest time between two rotations, in days, from a Secrets Manager `RotationRules` block:
 * `AutomaticallyAfterDays`, or `ScheduleExpression` as `rate(N days|hours)` or a cron whose longest gap is
 * computed from its day-of-month or day-of-week field. A schedule it cannot bound stays Unknown, never a guess.
 */
export function rotationDays(rules: unknown): Maybe<number> {
  if (isUnknown(rules)) return rules;
  if (!isRecord(rules)) return unknownValue('rotation schedule without RotationRules');
  const after = rules.AutomaticallyAfterDays;
  if (typeof after === 'number' || (typeof after === 'string' && /^\d+$/.test(after))) return Number(after);
  const expression = rules.ScheduleExpression;
  if (isUnknown(after)) return after;
  if (isUnknown(expression)) return expression;
  if (typeof expression !== 'string')
    return unknownValue('rotation schedule without AutomaticallyAfterDays or ScheduleExpression');
  return (
    scheduleDays(expression.trim()) ?? unknownValue(`rotation schedule "${expression}" (interval cannot be bounded)`)
  );
}

function scheduleDays(expression: string): number | undefined {
  const [, count, unit] = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i.exec(expression) ?? [];
  if (count !== undefined && unit !== undefined)
    return unit.toLowerCase().startsWith('day') ? Number(count) : Math.max(1, Math.ceil(Number(count) / 24));
  const [, cron] = /^cron\((.*)\)$/i.exec(expression) ?? [];
  const fields = cron?.trim().split(/\s+/);
  if (!fields || fields.length !== 6) return undefined;
  const [, , dayOfMonth, month, dayOfWeek] = fields;
  if (dayOfMonth === undefined || dayOfWeek === undefined || month !== '*') return undefined;
  const any = (field: string) => field === '*' || field === '?';
  if (any(dayOfMonth) && any(dayOfWeek)) return 1;
  if (any(dayOfMonth)) return longestGap(parseField(dayOfWeek, 1, 7, WEEKDAYS), 7);
  if (any(dayOfWeek)) return longestGap(parseField(dayOfMonth, 1, 31, {}), 31);
  return undefined;
}

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

/** Longest circular gap between chosen days in a cycle of `period` days (a month counts as 31: an upper bound). */
function longestGap(days: number[] | undefined, period: number): number | undefined {
  const first = days?.[0];
  const last = days?.at(-1);
  if (!days || first === undefined || last === undefined) return undefined;
  let gap = first + period - last;
  let previous = first;
  for (const day of days.slice(1)) {
    gap = Math.max(gap, day - previous);
    previous = day;
  }
  return gap;
}
