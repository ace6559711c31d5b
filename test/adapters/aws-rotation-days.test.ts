/**
 * Days between two rotations of a Secrets Manager schedule (src/adapters/aws/rotation.ts, read by the CloudFormation,
 * Pulumi and Terraform adapters alike). A cron is counted on the calendar: a day of the month that some months lack
 * (the 29th to the 31st) waits two months there, and a schedule of some months waits for the next of them. Before,
 * a month counted as 31 days and only schedules of every month were read: `cron(0 0 31 * ? *)` was 31 days (fail-open
 * under a limit between 31 and 60), and a schedule for named years was read as if it went on. A schedule written so
 * that no interval can be read is malformed (no deployment makes it known), not "until apply".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rotationDays } from '../../src/adapters/aws/rotation.js';
import { malformedValue, unknownValue } from '../../src/model/model.js';

const days = (ScheduleExpression: string) => rotationDays({ ScheduleExpression });

describe('rotationDays, cron schedules counted on the calendar', () => {
  it.each([
    ['cron(0 8 * * ? *)', 1, 'every day'],
    ['cron(0 */4 * * ? *)', 1, 'every four hours'],
    ['cron(0 0 ? * SUN *)', 7, 'every Sunday'],
    ['cron(0 8 ? * MON,THU *)', 4, 'Thursday to Monday'],
    ['cron(0 0 1,15 * ? *)', 17, 'the 15th of a 31-day month to the 1st'],
    ['cron(0 8 1 * ? *)', 31, 'the 1st of each month'],
    ['cron(0 0 L * ? *)', 31, 'the last day of each month'],
    ['cron(0 0 30 * ? *)', 60, 'January 30 to March 30: February has no 30th'],
    ['cron(0 0 31 * ? *)', 61, 'March 31 to May 31: April has no 31st'],
    ['cron(0 8 1 1/3 ? *)', 92, 'every third month from January'],
    ['cron(0 0 1 JAN,JUL ? *)', 184, 'July 1 to January 1'],
    ['cron(0 0 ? JAN MON *)', 343, 'the last Monday of January to the first of the next'],
    ['cron(0 0 29 2 ? *)', 1461, 'February 29: leap years only'],
  ])('%s: %i days (%s)', (expression, expected) => {
    expect(days(expression)).toBe(expected);
  });

  it.each([
    ['cron(0 0 1 * ? 2027)', 'a schedule of named years stops after them'],
    ['cron(0 0 1 * MON *)', 'a day of the month and of the week together, which AWS refuses'],
    ['cron(0 0 1W * ? *)', 'the nearest weekday (W)'],
    ['cron(0 0 ? * 2#1 *)', 'the nth weekday (#)'],
    ['cron(0 0 30 2 ? *)', 'a day that never comes'],
    ['cron(0 0 1 * ?)', 'five fields'],
  ])('%s cannot be bounded (%s): malformed, not until apply', (expression) => {
    expect(days(expression)).toEqual(malformedValue(`rotation schedule "${expression}" (interval cannot be bounded)`));
  });

  it('says a schedule without rules or without an interval is malformed; a value the deployment sets stays unknown', () => {
    expect(rotationDays(undefined)).toEqual(malformedValue('rotation schedule without RotationRules'));
    expect(rotationDays({ Duration: '2h' })).toEqual(
      malformedValue('rotation schedule without AutomaticallyAfterDays or ScheduleExpression'),
    );
    const parameter = unknownValue('Ref RotationDays');
    expect(rotationDays({ AutomaticallyAfterDays: parameter })).toBe(parameter);
  });
});

describe('rotationDays, properties', () => {
  it('a day of every month: 31 days, two months for a day some months lack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), (day) => {
        const gap = days(`cron(0 0 ${day} * ? *)`);
        // Up to the 28th every month has the day; the 29th to the 31st skip a month (February, or a 30-day month).
        expect(gap).toBe(day <= 28 ? 31 : day === 29 ? 59 : day === 30 ? 60 : 61);
      }),
    );
  });

  it('days of the week: the longest wait is the widest circular gap between the chosen days', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), (weekdays) => {
        const sorted = [...weekdays].sort((a, b) => a - b);
        const gaps = sorted.map((day, index) => (sorted[index + 1] ?? (sorted[0] ?? 0) + 7) - day);
        expect(days(`cron(0 0 ? * ${sorted.join(',')} *)`)).toBe(Math.max(...gaps));
      }),
    );
  });

  it('rate() in days is its count, in hours rounds up to a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (count) => {
        expect(days(`rate(${count} days)`)).toBe(count);
        expect(days(`rate(${count} hours)`)).toBe(Math.max(1, Math.ceil(count / 24)));
      }),
    );
  });
});
