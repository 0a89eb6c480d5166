// Latest live aggregate per district, and when the newest of them was published (data freshness).
import { LIVE_CITY_KEY, type LiveAggregate } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import { applyLive } from '../../realtime/picture.js';
import { appendTrend, type TrendPoint } from './congestion-trend.js';
import type { WallState } from './wall-store.js';
import { scopeDistrict } from '../../realtime/picture.js';

export interface LiveSlice {
  live: ReadonlyMap<string, LiveAggregate>;
  /** Publish time (epoch ms, server clock) of the newest aggregate held; null before any arrived. */
  lastLiveTs: number | null;
  /** The scope's congestion index over the last minutes, oldest first. */
  congestionTrend: readonly TrendPoint[];
  applyLive: (aggregate: LiveAggregate) => void;
}

export const createLiveSlice: StateCreator<WallState, [], [], LiveSlice> = (set, get) => ({
  live: new Map(),
  lastLiveTs: null,
  congestionTrend: [],
  applyLive: (aggregate) => {
    const next = new Map(get().live);
    if (!applyLive(next, aggregate)) return;
    const ts = Date.parse(aggregate.ts);
    const last = get().lastLiveTs;
    set({
      live: next,
      lastLiveTs: last === null ? ts : Math.max(last, ts),
      congestionTrend: appendTrend(get().congestionTrend, aggregate, liveKey(get().scope)),
    });
  },
});

/** The live aggregate a scope's headline numbers come from: the city summary, or the district's own. */
export function liveKey(scope: WallState['scope']): string {
  return scopeDistrict(scope) ?? LIVE_CITY_KEY;
}
