// The link to the gateway: its state, and what the last snapshot said about time and staleness.
import type { LiveAggregate } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import type { WallSnapshot } from '../../realtime/events.js';
import { applyLive } from '../../realtime/picture.js';
import { appendTrend } from './congestion-trend.js';
import { liveKey } from './live-slice.js';
import type { WallState } from './wall-store.js';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionSlice {
  status: ConnectionStatus;
  /** Server clock minus page clock (ms), from the last snapshot: freshness is judged on server time. */
  clockSkewMs: number;
  staleAfterMs: number;
  setStatus: (status: ConnectionStatus) => void;
  /** Replaces the whole picture: a snapshot is authoritative for everything it covers. */
  applySnapshot: (snapshot: WallSnapshot, receivedAt: number) => void;
}

export function createConnectionSlice(
  versions: Map<string, number>,
): StateCreator<WallState, [], [], ConnectionSlice> {
  return (set, get) => ({
    status: 'connecting',
    clockSkewMs: 0,
    staleAfterMs: 20_000,
    setStatus: (status) => set({ status }),
    applySnapshot: (snapshot, receivedAt) => {
      versions.clear();
      for (const alert of snapshot.alerts) versions.set(alert.alertId, alert.version);
      const live = new Map<string, LiveAggregate>();
      for (const aggregate of snapshot.live) applyLive(live, aggregate);
      const times = snapshot.live.map((aggregate) => Date.parse(aggregate.ts));
      // The trend survives a resync: a snapshot carries only the latest picture, not its history.
      let congestionTrend = get().congestionTrend;
      for (const aggregate of snapshot.live)
        congestionTrend = appendTrend(congestionTrend, aggregate, liveKey(get().scope));
      set({
        alerts: new Map(snapshot.alerts.map((alert) => [alert.alertId, alert])),
        live,
        lastLiveTs: times.length > 0 ? Math.max(...times) : null,
        congestionTrend,
        clockSkewMs: Date.parse(snapshot.serverTime) - receivedAt,
        staleAfterMs: snapshot.staleAfterMs,
        status: 'live',
      });
    },
  });
}
