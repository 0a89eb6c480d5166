// The link to the gateway and what the last snapshot said: the whole picture of the scope, the viewer, and
// the server's clock.
import type { StateCreator } from 'zustand';
import type { WallSnapshot } from '../../realtime/events.js';
import type { ConnectionStatus } from '../../wall/store/connection-slice.js';
import type { DutyState, DutyStoreContext } from './duty-store.js';

export type { ConnectionStatus };

export interface ConnectionSlice {
  status: ConnectionStatus;
  /** Server clock minus page clock (ms), from the last snapshot: ages are judged on server time. */
  clockSkewMs: number;
  setStatus: (status: ConnectionStatus) => void;
  /** Replaces the whole picture: a snapshot is authoritative for everything it covers. */
  applySnapshot: (snapshot: WallSnapshot) => void;
}

export function createConnectionSlice(
  context: DutyStoreContext,
): StateCreator<DutyState, [], [], ConnectionSlice> {
  return (set, get) => ({
    status: 'connecting',
    clockSkewMs: 0,
    setStatus: (status) => set({ status }),
    applySnapshot: (snapshot) => {
      context.versions.clear();
      for (const alert of snapshot.alerts) context.versions.set(alert.alertId, alert.version);
      const alerts = new Map(snapshot.alerts.map((alert) => [alert.alertId, alert]));
      set({
        alerts,
        viewer: snapshot.viewer,
        signedOut: null,
        clockSkewMs: Date.parse(snapshot.serverTime) - context.now(),
        status: 'live',
      });
      get().settleWithSnapshot(alerts);
    },
  });
}
