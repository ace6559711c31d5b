import { describe, expect, it } from 'vitest';
import { median, quantile } from '../../bench/support/stats.mjs';

describe('benchmark statistics', () => {
  it('takes the middle of an odd count whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('takes the mean of the two middle values of an even count, not the upper one', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('leaves its input unsorted', () => {
    const rounds = [3, 1, 2];
    median(rounds);
    quantile(rounds, 0.25);
    expect(rounds).toEqual([3, 1, 2]);
  });

  it('gives quartiles by nearest rank, each one of the values', () => {
    expect(quantile([4, 1, 3, 2, 5], 0.25)).toBe(2);
    expect(quantile([4, 1, 3, 2, 5], 0.75)).toBe(4);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(3);
  });
});
