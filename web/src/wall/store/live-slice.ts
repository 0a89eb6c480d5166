// Latest live aggregate per district, and when the newest of them was published (data freshness).
import type { LiveAggregate } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import { applyLive } from '../../realtime/picture.js';
import type { WallState } from './wall-store.js';

export interface LiveSlice {
  live: ReadonlyMap<string, LiveAggregate>;
  /** Publish time (epoch ms, server clock) of the newest aggregate held; null before any arrived. */
  lastLiveTs: number | null;
  applyLive: (aggregate: LiveAggregate) => void;
}

export const createLiveSlice: StateCreator<WallState, [], [], LiveSlice> = (set, get) => ({
  live: new Map(),
  lastLiveTs: null,
  applyLive: (aggregate) => {
    const next = new Map(get().live);
    if (!applyLive(next, aggregate)) return;
    const ts = Date.parse(aggregate.ts);
    const last = get().lastLiveTs;
    set({ live: next, lastLiveTs: last === null ? ts : Math.max(last, ts) });
  },
});
