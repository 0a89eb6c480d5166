import { describe, expect, it } from 'vitest';
import {
  FUTIAN,
  NANSHAN,
  alertEventFixture,
  alertFixture,
  cityFixture,
  liveFixture,
  wallSnapshotFixture,
} from '../../../test/fixtures.js';
import { freshness, heatCells, sortAlerts } from './selectors.js';
import { createWallStore } from './wall-store.js';

const snapshot = wallSnapshotFixture;

describe('wall store', () => {
  it('replaces the picture from a snapshot and goes live', () => {
    const store = createWallStore({ kind: 'city' });
    store.getState().applyAlert(alertEventFixture(alertFixture('old')));
    store.getState().applySnapshot(
      snapshot({
        alerts: [alertFixture('a1')],
        live: [liveFixture(NANSHAN, { ts: '2026-11-22T07:59:58.000Z' })],
      }),
      Date.parse('2026-11-22T07:59:59.000Z'),
    );
    const state = store.getState();
    expect([...state.alerts.keys()]).toEqual(['a1']);
    expect(state.status).toBe('live');
    expect(state.clockSkewMs).toBe(1_000);
    expect(state.lastLiveTs).toBe(Date.parse('2026-11-22T07:59:58.000Z'));
  });

  it('keeps the highest alert version and drops closed alerts', () => {
    const store = createWallStore({ kind: 'city' });
    const { applyAlert } = store.getState();
    applyAlert(alertEventFixture(alertFixture('a', { version: 2, level: 'orange' })));
    const before = store.getState().alerts;
    applyAlert(alertEventFixture(alertFixture('a', { version: 1, level: 'red' })));
    expect(store.getState().alerts).toBe(before); // a stale version changes nothing, not even the reference
    expect(store.getState().alerts.get('a')?.level).toBe('orange');
    applyAlert(alertEventFixture({ ...alertFixture('a', { version: 3 }), status: 'resolved' }, 'updated'));
    expect(store.getState().alerts.size).toBe(0);
    applyAlert(alertEventFixture(alertFixture('a', { version: 2 })));
    expect(store.getState().alerts.size).toBe(0); // a replayed older event does not resurrect it
  });

  it('drops an alert that leaves a district scope without being cleared', () => {
    const store = createWallStore({ kind: 'district', adcode: NANSHAN });
    const { applyAlert } = store.getState();
    applyAlert(alertEventFixture(alertFixture('red-elsewhere', { district: FUTIAN, level: 'red' })));
    expect(store.getState().alerts.has('red-elsewhere')).toBe(true);
    applyAlert(
      alertEventFixture(alertFixture('red-elsewhere', { district: FUTIAN, level: 'orange', version: 2 })),
    );
    expect(store.getState().alerts.has('red-elsewhere')).toBe(false);
  });

  it('keeps the newest live aggregate per district by publish time', () => {
    const store = createWallStore({ kind: 'city' });
    const { applyLive } = store.getState();
    applyLive(liveFixture(NANSHAN, { ts: '2026-11-22T08:00:05.000Z', seq: 9 }));
    // A restarted publisher starts its seq again; its newer message still wins.
    applyLive(liveFixture(NANSHAN, { ts: '2026-11-22T08:00:10.000Z', seq: 1, people: 1 }));
    applyLive(liveFixture(NANSHAN, { ts: '2026-11-22T08:00:00.000Z', seq: 50, people: 999 }));
    applyLive(cityFixture('2026-11-22T08:00:07.000Z'));
    const state = store.getState();
    expect(state.live.get(NANSHAN)?.seq).toBe(1);
    expect(state.lastLiveTs).toBe(Date.parse('2026-11-22T08:00:10.000Z'));
    expect(heatCells(state.live).length).toBe(liveFixture(NANSHAN).heat.length);
  });

  it('applies a live tick in one store update, skipping what is older than what it holds', () => {
    const store = createWallStore({ kind: 'city' });
    store.getState().applyLive(liveFixture(FUTIAN, { ts: '2026-11-22T08:00:09.000Z', seq: 4 }));
    let updates = 0;
    const unsubscribe = store.subscribe(() => (updates += 1));
    store
      .getState()
      .applyLiveBatch([
        liveFixture(NANSHAN, { ts: '2026-11-22T08:00:08.000Z', seq: 3 }),
        liveFixture(FUTIAN, { ts: '2026-11-22T08:00:08.000Z', seq: 3, people: 7 }),
        cityFixture('2026-11-22T08:00:08.000Z'),
      ]);
    expect(updates).toBe(1);
    const state = store.getState();
    expect([...state.live.keys()].sort()).toEqual([FUTIAN, NANSHAN, 'city'].sort());
    expect(state.live.get(FUTIAN)?.seq).toBe(4);
    expect(state.lastLiveTs).toBe(Date.parse('2026-11-22T08:00:09.000Z'));
    expect(state.congestionTrend.map((point) => point.ts)).toEqual([Date.parse('2026-11-22T08:00:08.000Z')]);
    // A tick holding nothing newer changes nothing, so nothing re-renders.
    store.getState().applyLiveBatch([liveFixture(FUTIAN, { ts: '2026-11-22T08:00:01.000Z', seq: 9 })]);
    expect(updates).toBe(1);
    unsubscribe();
  });

  it("builds the scope's congestion trend from live aggregates and keeps it across a resync", () => {
    const store = createWallStore({ kind: 'district', adcode: NANSHAN });
    store.getState().applyLive(liveFixture(NANSHAN, { ts: '2026-11-22T08:00:00.000Z', seq: 1 }));
    store.getState().applyLive(cityFixture('2026-11-22T08:00:01.000Z')); // not a district wall's headline
    store
      .getState()
      .applySnapshot(
        snapshot({ live: [liveFixture(NANSHAN, { ts: '2026-11-22T08:00:04.000Z', seq: 2 })] }),
        Date.parse('2026-11-22T08:00:05.000Z'),
      );
    expect(store.getState().congestionTrend).toEqual([
      { ts: Date.parse('2026-11-22T08:00:00.000Z'), value: 1.8 },
      { ts: Date.parse('2026-11-22T08:00:04.000Z'), value: 1.8 },
    ]);
  });

  it('toggles language and layers', () => {
    const store = createWallStore({ kind: 'city' });
    expect(store.getState().lang).toBe('zh');
    store.getState().setLang('en');
    store.getState().toggleLayer('heat');
    expect(store.getState().lang).toBe('en');
    expect(store.getState().layers).toEqual({ heat: false, traffic: true, sensors: true, alerts: true });
  });
});

describe('selectors', () => {
  it('sorts alerts most severe first, then newest first', () => {
    const sorted = sortAlerts([
      alertFixture('yellow-new', { level: 'yellow', raisedAt: '2026-11-22T08:05:00.000Z' }),
      alertFixture('red-old', { level: 'red', raisedAt: '2026-11-22T07:00:00.000Z' }),
      alertFixture('yellow-old', { level: 'yellow', raisedAt: '2026-11-22T08:00:00.000Z' }),
      alertFixture('blue', { level: 'blue', raisedAt: '2026-11-22T08:10:00.000Z' }),
    ]);
    expect(sorted.map((a) => a.alertId)).toEqual(['red-old', 'yellow-new', 'yellow-old', 'blue']);
  });

  it('judges freshness on the server clock', () => {
    expect(freshness(null, 0, 0, 20_000)).toEqual({ kind: 'none' });
    expect(freshness(100_000, 110_000, 0, 20_000)).toEqual({ kind: 'fresh', ageMs: 10_000 });
    // The page clock is 15 s behind the server's: the data is 25 s old, so stale.
    expect(freshness(100_000, 110_000, 15_000, 20_000)).toEqual({ kind: 'stale', ageMs: 25_000 });
  });
});
