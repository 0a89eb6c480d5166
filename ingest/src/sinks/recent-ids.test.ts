import { describe, expect, it } from 'vitest';
import { RecentIds } from './recent-ids.js';

describe('RecentIds', () => {
  it('reports a repeat within capacity', () => {
    const ids = new RecentIds(3);
    expect(ids.checkAndRemember('a')).toBe(false);
    expect(ids.checkAndRemember('b')).toBe(false);
    expect(ids.checkAndRemember('a')).toBe(true);
  });

  it('forgets the oldest ids beyond capacity, and keeps working after compaction', () => {
    const ids = new RecentIds(2);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) expect(ids.checkAndRemember(id)).toBe(false);
    expect(ids.checkAndRemember('a')).toBe(false); // forgotten
    expect(ids.checkAndRemember('f')).toBe(true);
  });

  it('remembers exactly the last `capacity` distinct ids, round after round', () => {
    const ids = new RecentIds(3);
    for (let i = 0; i < 10; i++) expect(ids.checkAndRemember(`x${i}`)).toBe(false);
    expect(['x7', 'x8', 'x9'].map((id) => ids.checkAndRemember(id))).toEqual([true, true, true]);
    expect(ids.checkAndRemember('x6')).toBe(false); // forgotten; now remembered again, x7 forgotten
    expect(ids.checkAndRemember('x7')).toBe(false);
    expect(new RecentIds(0).checkAndRemember('a')).toBe(false);
  });
});
