import type { Alert } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import {
  FUTIAN,
  NANSHAN,
  alertEventFixture,
  alertFixture,
  wallSnapshotFixture,
} from '../../../test/fixtures.js';
import { TICKER_MAX, pushTicker, tickerChange, tickerEventOf } from './alert-ticker.js';
import { createWallStore } from './wall-store.js';

const base = alertFixture('a', { level: 'yellow' });
const next = (over: Partial<Alert>): Alert => ({ ...base, version: base.version + 1, ...over });

describe('alert ticker: what changed', () => {
  it('tells raised, escalated, acknowledged, assigned, resolved and cleared from the previous state', () => {
    expect(tickerChange(undefined, alertEventFixture(base))).toBe('raised');
    expect(tickerChange(base, alertEventFixture(next({ level: 'orange' }), 'updated'))).toBe('escalated');
    expect(tickerChange(base, alertEventFixture(next({ status: 'acknowledged' }), 'updated'))).toBe(
      'acknowledged',
    );
    expect(tickerChange(base, alertEventFixture(next({ status: 'assigned' }), 'updated'))).toBe('assigned');
    // Another agency added while already assigned is an assignment too.
    const assigned = next({ status: 'assigned' });
    expect(
      tickerChange(
        assigned,
        alertEventFixture({ ...assigned, agencies: [...assigned.agencies, 'emergency'] }),
      ),
    ).toBe('assigned');
    expect(tickerChange(base, alertEventFixture(next({ status: 'resolved' }), 'updated'))).toBe('resolved');
    expect(tickerChange(base, alertEventFixture(next({ status: 'expired' }), 'cleared'))).toBe('cleared');
  });

  it('leaves out what is not news: a new value, a level going down, a comment', () => {
    const value = next({ metric: { ...base.metric, value: base.metric.value + 3 } });
    expect(tickerChange(base, alertEventFixture(value, 'updated'))).toBeNull();
    expect(tickerChange(base, alertEventFixture(next({ level: 'blue' }), 'updated'))).toBeNull();
    expect(tickerChange(base, alertEventFixture(next({}), 'updated'))).toBeNull();
    // Escalated while acknowledged: the level is the news.
    const acked = next({ status: 'acknowledged' });
    expect(tickerChange(acked, alertEventFixture({ ...acked, version: 3, level: 'red' }, 'updated'))).toBe(
      'escalated',
    );
  });

  it('announces an alert new to this wall by what it is now, and never closes one it did not show', () => {
    expect(tickerChange(undefined, alertEventFixture(next({}), 'updated'))).toBe('raised');
    expect(tickerChange(undefined, alertEventFixture(next({ status: 'assigned' }), 'updated'))).toBe(
      'assigned',
    );
    expect(tickerChange(undefined, alertEventFixture(next({ status: 'resolved' }), 'updated'))).toBeNull();
    expect(tickerChange(undefined, alertEventFixture(next({ status: 'expired' }), 'cleared'))).toBeNull();
  });

  it('keeps the newest first, one entry per version, capped', () => {
    const event = (i: number) =>
      tickerEventOf(undefined, alertEventFixture(alertFixture(`a${i}`, { version: 1 }))) ??
      expect.unreachable();
    let events = pushTicker([], event(0));
    for (let i = 1; i <= TICKER_MAX + 3; i += 1) events = pushTicker(events, event(i));
    expect(events).toHaveLength(TICKER_MAX);
    expect(events[0]?.alertId).toBe(`a${TICKER_MAX + 3}`);
    expect(pushTicker(events, event(TICKER_MAX + 3))).toHaveLength(TICKER_MAX);
    const first = event(1);
    expect(first).toMatchObject({ key: 'a1:1', change: 'raised', level: 'yellow', district: NANSHAN });
    const published = alertEventFixture(alertFixture('t', { raisedAt: '2026-11-22T08:00:00.000Z' }));
    expect(tickerEventOf(undefined, published)?.atMs).toBe(Date.parse('2026-11-22T08:00:00.000Z'));
  });
});

describe('alert ticker in the store', () => {
  it('records changes from the alert events as they arrive, and none from a snapshot or stale version', () => {
    const store = createWallStore({ kind: 'city' });
    const { applyAlert } = store.getState();
    applyAlert(alertEventFixture(base));
    applyAlert(alertEventFixture(next({ level: 'red' }), 'updated'));
    applyAlert(alertEventFixture({ ...base, version: 1, level: 'blue' })); // older version: ignored
    applyAlert(alertEventFixture(next({ version: 3, level: 'red', status: 'acknowledged' }), 'updated'));
    applyAlert(alertEventFixture(next({ version: 4, level: 'red', status: 'resolved' }), 'updated'));
    expect(store.getState().events.map((e) => [e.key, e.change, e.level])).toEqual([
      ['a:4', 'resolved', 'red'],
      ['a:3', 'acknowledged', 'red'],
      ['a:2', 'escalated', 'red'],
      ['a:1', 'raised', 'yellow'],
    ]);
    const before = store.getState().events;
    store
      .getState()
      .applySnapshot(
        wallSnapshotFixture({ alerts: [alertFixture('b')] }),
        Date.parse('2026-11-22T08:00:00.000Z'),
      );
    expect(store.getState().events).toBe(before); // a resync keeps the ticker and adds nothing
  });

  it("leaves out alerts outside a district wall's scope", () => {
    const store = createWallStore({ kind: 'district', adcode: NANSHAN });
    const { applyAlert } = store.getState();
    applyAlert(alertEventFixture(alertFixture('f', { district: FUTIAN, level: 'orange' })));
    expect(store.getState().events).toEqual([]);
    // Turning red brings it to every district's wall: it is news there.
    applyAlert(
      alertEventFixture(alertFixture('f', { district: FUTIAN, level: 'red', version: 2 }), 'updated'),
    );
    expect(store.getState().events.map((e) => [e.alertId, e.change])).toEqual([['f', 'raised']]);
    // Downgraded from red, it leaves the scope: no line for it.
    applyAlert(
      alertEventFixture(alertFixture('f', { district: FUTIAN, level: 'orange', version: 3 }), 'updated'),
    );
    expect(store.getState().events).toHaveLength(1);
  });
});
