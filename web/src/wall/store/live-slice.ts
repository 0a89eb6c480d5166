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
  /**
   * One live tick as the gateway sends it (every district of the scope at once): one store update, so the
   * wall re-renders and rebuilds its map layers once per tick rather than once per district.
   */
  applyLiveBatch: (aggregates: readonly LiveAggregate[]) => void;
}

export const createLiveSlice: StateCreator<WallState, [], [], LiveSlice> = (set, get) => ({
  live: new Map(),
  lastLiveTs: null,
  congestionTrend: [],
  applyLive: (aggregate) => get().applyLiveBatch([aggregate]),
  applyLiveBatch: (aggregates) => {
    const state = get();
    const next = new Map(state.live);
    const key = liveKey(state.scope);
    let { lastLiveTs, congestionTrend } = state;
    let changed = false;
    for (const aggregate of aggregates) {
      if (!applyLive(next, aggregate)) continue;
      changed = true;
      const ts = Date.parse(aggregate.ts);
      lastLiveTs = lastLiveTs === null ? ts : Math.max(lastLiveTs, ts);
      congestionTrend = appendTrend(congestionTrend, aggregate, key);
    }
    if (changed) set({ live: next, lastLiveTs, congestionTrend });
  },
});

/** The live aggregate a scope's headline numbers come from: the city summary, or the district's own. */
export function liveKey(scope: WallState['scope']): string {
  return scopeDistrict(scope) ?? LIVE_CITY_KEY;
}
