import { describe, expect, it } from 'vitest';
import { durationDays, durationSeconds, isCalendarDate, isUsableAmount } from '../../catalog/values.js';

describe('durationSeconds', () => {
  it.each([
    ['90m', 5_400],
    ['1h', 3_600],
    ['12h', 43_200],
    ['1h30m', 5_400],
    ['1d', 86_400],
    ['45s', 45],
    ['0h', 0],
  ])('%s is %d seconds', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(['', '1hour', '30m1h', '1.5h', 'h', '-1h', ' 1h', 'PT1H'])('%j is not a duration', (text) => {
    expect(durationSeconds(text)).toBeUndefined();
  });
});

describe('durationDays', () => {
  it('reads whole days', () => {
    expect(durationDays('90d')).toBe(90);
    expect(durationDays('0d')).toBe(0);
  });

  it.each(['90', '3 months', '12w', '2160h'])('%j is not written in days', (text) => {
    expect(durationDays(text)).toBeUndefined();
  });
});

describe('isUsableAmount', () => {
  it('needs more than zero and an exact count', () => {
    expect(isUsableAmount(1)).toBe(true);
    expect(isUsableAmount(0)).toBe(false);
    expect(isUsableAmount(durationSeconds('99999999999999d')!)).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it.each(['2027-06-30', '2028-02-29', '2000-02-29', '2026-01-31'])('%s is a date', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    '2027-02-29',
    '2100-02-29',
    '2026-02-30',
    '2027-13-01',
    '2027-00-10',
    '2027-06-31',
    '2027-6-30',
    '30/06/2027',
    '2027-06-30T00:00:00Z',
  ])('%s is not', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });
});
