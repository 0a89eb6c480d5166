import { describe, expect, it } from 'vitest';
import { percentile, percentileOfSorted } from './stats.js';

describe('percentile', () => {
  it('takes the nearest rank of the sorted values', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(values, 50)).toBe(6);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(3);
  });

  it('sorts numerically, not as text', () => {
    expect(percentile([100, 20, 3], 0)).toBe(3);
  });

  it('is NaN without values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
