// What the panels and the map draw: the live picture, or the replayed one while the history slider is back
// in time. Narrow selectors returning stable references (the store's own maps, or module-level empties), so
// a component re-renders only when the picture it draws changes — not on live deltas during a replay.
import type { Alert, LiveAggregate } from '@citybrain/schemas/events';
import type { TrendPoint } from './congestion-trend.js';
import type { WallState } from './wall-store.js';

const NO_LIVE: ReadonlyMap<string, LiveAggregate> = new Map();
const NO_ALERTS: ReadonlyMap<string, Alert> = new Map();
const NO_TREND: readonly TrendPoint[] = [];

export function shownLive(s: WallState): ReadonlyMap<string, LiveAggregate> {
  return s.history.mode === 'replay' ? (s.history.picture?.live ?? NO_LIVE) : s.live;
}

export function shownAlerts(s: WallState): ReadonlyMap<string, Alert> {
  return s.history.mode === 'replay' ? (s.history.picture?.alerts ?? NO_ALERTS) : s.alerts;
}

export function shownTrend(s: WallState): readonly TrendPoint[] {
  return s.history.mode === 'replay' ? (s.history.picture?.congestionTrend ?? NO_TREND) : s.congestionTrend;
}

/** The instant being replayed (epoch ms, server clock), or null when live. */
export function replayingAt(s: WallState): number | null {
  return s.history.mode === 'replay' ? s.history.at : null;
}

/** The instant of the picture on screen while replaying (it lags `at` while the next one loads). */
export function shownPictureAt(s: WallState): number | null {
  return s.history.mode === 'replay' ? (s.history.picture?.at ?? null) : null;
}

export function replayLoading(s: WallState): boolean {
  return s.history.mode === 'replay' && s.history.loading;
}

export function replayError(s: WallState): string | null {
  return s.history.mode === 'replay' ? s.history.error : null;
}
