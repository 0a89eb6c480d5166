import { describe, expect, it } from 'vitest';
import { NANSHAN, alertEventFixture, alertFixture, liveFixture } from '../../../test/fixtures.js';
import type { ReplayPicture } from './history-slice.js';
import {
  REPLAY_SPAN_MS,
  REPLAY_STEP_MS,
  replayInstant,
  replayRange,
  replayTicks,
  stepReplay,
} from './replay-range.js';
import {
  replayError,
  replayLoading,
  replayingAt,
  shownAlerts,
  shownLive,
  shownPictureAt,
  shownTrend,
} from './shown.js';
import { createWallStore } from './wall-store.js';

const NOW = Date.parse('2026-11-22T06:37:20.000Z');
const MIN = 60_000;

const picture = (at: number, alertId = 'then'): ReplayPicture => ({
  at,
  live: new Map([[NANSHAN, liveFixture(NANSHAN, { ts: new Date(at).toISOString(), rings: 1 })]]),
  alerts: new Map([[alertId, alertFixture(alertId)]]),
  congestionTrend: [{ ts: at, value: 2.1 }],
});

describe('history slice', () => {
  it('replays a past picture while live deltas keep arriving, and returns to them', () => {
    const store = createWallStore({ kind: 'city' });
    const { applyAlert, applyLive, replayAt, replayLoaded, backToLive } = store.getState();
    applyAlert(alertEventFixture(alertFixture('now-1')));
    applyLive(liveFixture(NANSHAN, { seq: 1 }));
    const liveAlerts = shownAlerts(store.getState());
    expect([...liveAlerts.keys()]).toEqual(['now-1']);
    expect(replayingAt(store.getState())).toBeNull();

    const at = NOW - 30 * MIN;
    replayAt(at);
    // Asked for, not loaded: nothing is shown rather than the live picture under a replay banner.
    expect(replayingAt(store.getState())).toBe(at);
    expect(replayLoading(store.getState())).toBe(true);
    expect(shownAlerts(store.getState()).size).toBe(0);
    expect(shownLive(store.getState()).size).toBe(0);
    expect(shownPictureAt(store.getState())).toBeNull();

    replayLoaded(picture(at));
    applyAlert(alertEventFixture(alertFixture('now-2'))); // a live delta during the replay
    const state = store.getState();
    expect([...shownAlerts(state).keys()]).toEqual(['then']);
    expect(shownTrend(state)).toEqual([{ ts: at, value: 2.1 }]);
    expect(shownPictureAt(state)).toBe(at);
    expect(replayLoading(state)).toBe(false);
    expect([...state.alerts.keys()]).toEqual(['now-1', 'now-2']);

    backToLive();
    expect([...shownAlerts(store.getState()).keys()]).toEqual(['now-1', 'now-2']);
    expect(shownLive(store.getState())).toBe(store.getState().live);
    expect(shownTrend(store.getState())).toBe(store.getState().congestionTrend);
  });

  it('keeps the previous picture while the next loads and ignores answers for instants no longer asked', () => {
    const store = createWallStore({ kind: 'city' });
    const { replayAt, replayLoaded, replayFailed } = store.getState();
    const first = NOW - 60 * MIN;
    const second = NOW - 65 * MIN;
    replayAt(first);
    replayLoaded(picture(first, 'first'));
    replayAt(second);
    expect([...shownAlerts(store.getState()).keys()]).toEqual(['first']);
    expect(shownPictureAt(store.getState())).toBe(first);
    replayLoaded(picture(first, 'late')); // a slow answer for the old instant
    expect([...shownAlerts(store.getState()).keys()]).toEqual(['first']);
    replayFailed(first, 'stale failure');
    expect(replayError(store.getState())).toBeNull();
    replayFailed(second, 'HTTP 500');
    expect(replayError(store.getState())).toBe('HTTP 500');
    expect(replayLoading(store.getState())).toBe(false);
    // The same instant again changes nothing, not even the state's reference.
    const before = store.getState().history;
    replayAt(second);
    expect(store.getState().history).toBe(before);
  });

  it('gives stable empties, so a narrow selector does not re-render on unrelated changes', () => {
    const store = createWallStore({ kind: 'city' });
    store.getState().replayAt(NOW - 10 * MIN);
    const a = shownLive(store.getState());
    store.getState().setLang('en');
    expect(shownLive(store.getState())).toBe(a);
  });
});

describe('replay range', () => {
  it('steps five minutes along whole steps, from live and back to it', () => {
    // From live, one step back from now on a whole minute: 06:37:20 → 06:32.
    const first = stepReplay(null, -1, NOW);
    expect(first).toBe(Date.parse('2026-11-22T06:32:00.000Z'));
    expect(stepReplay(first, -1, NOW)).toBe(Date.parse('2026-11-22T06:30:00.000Z'));
    expect(stepReplay(first, 1, NOW)).toBe(Date.parse('2026-11-22T06:35:00.000Z'));
    // Past now: live again; → while live stays live.
    expect(stepReplay(Date.parse('2026-11-22T06:35:00.000Z'), 1, NOW)).toBeNull();
    expect(stepReplay(null, 1, NOW)).toBeNull();
    // Never before the slider's start.
    const oldest = replayInstant(NOW - REPLAY_SPAN_MS, NOW) ?? 0;
    expect(stepReplay(oldest, -1, NOW)).toBe(oldest);
    expect(oldest).toBeGreaterThanOrEqual(NOW - REPLAY_SPAN_MS);
    expect(REPLAY_STEP_MS).toBe(5 * MIN);
  });

  it('keeps the slider on whole minutes, the right end being live', () => {
    expect(replayRange(NOW)).toEqual({
      min: Date.parse('2026-11-22T00:38:00.000Z'),
      max: Date.parse('2026-11-22T06:37:00.000Z'),
    });
    expect(replayInstant(NOW, NOW)).toBeNull();
    expect(replayInstant(Date.parse('2026-11-22T06:37:00.000Z'), NOW)).toBeNull();
    expect(replayInstant(NOW - 90_000, NOW)).toBe(Date.parse('2026-11-22T06:35:00.000Z'));
    expect(replayInstant(NOW - 10 * REPLAY_SPAN_MS, NOW)).toBe(Date.parse('2026-11-22T00:38:00.000Z'));
  });

  it('labels the whole hours under the slider', () => {
    const ticks = replayTicks(NOW);
    expect(ticks.map((t) => new Date(t.ms).toISOString().slice(11, 16))).toEqual([
      '01:00',
      '02:00',
      '03:00',
      '04:00',
      '05:00',
      '06:00',
    ]);
    expect(ticks[0]?.percent).toBeCloseTo(((22 * MIN) / (REPLAY_SPAN_MS - MIN)) * 100, 5);
    expect(ticks.every((t) => t.percent >= 0 && t.percent <= 100)).toBe(true);
  });
});
