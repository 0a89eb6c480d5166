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
});
