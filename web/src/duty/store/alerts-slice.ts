// Active alerts in the viewer's scope, keyed by alertId, through the same reducer as the gateway's picture.
// Maps are replaced, never mutated, so selectors see a new reference exactly when the queue changed.
import type { Alert, AlertEvent } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import { alertVisibleIn, applyAlertEvent } from '../../realtime/picture.js';
import type { DutyState, DutyStoreContext } from './duty-store.js';

export interface AlertsSlice {
  alerts: ReadonlyMap<string, Alert>;
  applyAlert: (event: AlertEvent) => void;
  removeAlert: (alertId: string) => void;
}

export function createAlertsSlice(context: DutyStoreContext): StateCreator<DutyState, [], [], AlertsSlice> {
  return (set, get) => ({
    alerts: new Map(),
    applyAlert: (event) => {
      const next = new Map(get().alerts);
      const result = applyAlertEvent(next, context.versions, event);
      if (!result.applied) return;
      const viewer = get().viewer;
      // The server sends only the viewer's scope; an alert can still leave it while active (a red alert
      // downgraded in another district).
      if (!result.removed && viewer !== null && !alertVisibleIn(viewer.scope, event.alert)) {
        next.delete(event.alert.alertId);
      }
      set({ alerts: next });
      // Closing events carry the final state too: a resolve in flight is settled by it.
      get().settleWith(event.alert);
    },
    removeAlert: (alertId) => {
      if (!get().alerts.has(alertId)) return;
      const next = new Map(get().alerts);
      next.delete(alertId);
      set({ alerts: next });
    },
  });
}
