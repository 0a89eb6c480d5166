import { describe, expect, it } from 'vitest';
import type { CrowdObservation } from '../input/observation.js';
import { TumblingWindows } from './tumbling.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 5, 2, 0);
const crowd = (tsMs: number, people: number, cell = '89411ca1e6fffff'): CrowdObservation => ({
  kind: 'crowd',
  tsMs,
  place: { cell, district: '440305', lat: undefined, lon: undefined },
  people,
  venueId: 'shenzhen-bay-park',
});

describe('tumbling event-time windows', () => {
  it('puts out-of-order events in their own window and closes windows by watermark', () => {
    const windows = new TumblingWindows(MIN);
    windows.add(crowd(T0 + 70_000, 20), { key: 'p0', offset: 11 });
    windows.add(crowd(T0 + 50_000, 10), { key: 'p0', offset: 12 }); // out of order, earlier window
    windows.add(crowd(T0 + 10_000, 5), { key: 'p0', offset: 13 }); // older still, same window: not the latest
    expect(windows.closeUpTo(T0 + 59_999)).toEqual([]);
    const [first] = windows.closeUpTo(T0 + MIN);
    expect(first?.startMs).toBe(T0);
    expect(first?.cells.get('89411ca1e6fffff')).toMatchObject({ people: 10, max: 10, reports: 2 });
    expect(windows.openCount).toBe(1);
  });

  it('counts an event for a closed window as late instead of reopening it', () => {
    const windows = new TumblingWindows(MIN);
    windows.add(crowd(T0 + 5_000, 1));
    windows.closeUpTo(T0 + 2 * MIN + 1);
    expect(windows.add(crowd(T0 + 30_000, 2))).toBe('late');
    expect(windows.add(crowd(T0 + MIN + 30_000, 2))).toBe('late'); // the watermark passed it with no data
    expect(windows.add(crowd(T0 + 2 * MIN + 30_000, 2))).toBe('accepted');
  });

  it('tracks the lowest offset each open window still needs, per partition', () => {
    const windows = new TumblingWindows(MIN);
    windows.add(crowd(T0 + 1_000, 1), { key: 'p0', offset: 5 });
    windows.add(crowd(T0 + MIN + 1_000, 1), { key: 'p0', offset: 6 });
    windows.add(crowd(T0 + 2_000, 1), { key: 'p1', offset: 40 });
    expect(windows.openMinOffsets()).toEqual(
      new Map([
        ['p0', 5],
        ['p1', 40],
      ]),
    );
    windows.closeUpTo(T0 + MIN);
    expect(windows.openMinOffsets()).toEqual(new Map([['p0', 6]]));
  });

  it('keeps replayed events of windows closed before a restart out', () => {
    const windows = new TumblingWindows(MIN);
    windows.restoreClosedUpTo(T0 + MIN);
    expect(windows.add(crowd(T0 + 59_000, 1))).toBe('late');
    expect(windows.add(crowd(T0 + MIN, 1))).toBe('accepted');
  });
});
