// Active alerts in the page's scope, keyed by alertId, and the ticker's latest changes. Maps are replaced,
// never mutated, so selectors see a new reference exactly when the list changed.
import type { Alert, AlertEvent } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import { alertVisibleIn, applyAlertEvent } from '../../realtime/picture.js';
import { pushTicker, tickerEventOf, type TickerEvent } from './alert-ticker.js';
import type { WallState } from './wall-store.js';

export interface AlertsSlice {
  alerts: ReadonlyMap<string, Alert>;
  /** The ticker: alerts raised, escalated, acknowledged, assigned, resolved or cleared, newest first. */
  events: readonly TickerEvent[];
  applyAlert: (event: AlertEvent) => void;
  removeAlert: (alertId: string) => void;
}

// Highest version seen per alert. Not state (nothing renders it), so it lives beside the store per store
// instance and is mutated in place.
export function createAlertsSlice(
  versions: Map<string, number>,
): StateCreator<WallState, [], [], AlertsSlice> {
  return (set, get) => ({
    alerts: new Map(),
    events: [],
    applyAlert: (event) => {
      const next = new Map(get().alerts);
      const result = applyAlertEvent(next, versions, event);
      if (!result.applied) return;
      // An alert can leave a district wall's scope while staying active (e.g. downgraded from red).
      const leftScope = !result.removed && !alertVisibleIn(get().scope, event.alert);
      if (leftScope) next.delete(event.alert.alertId);
      const ticker = leftScope ? null : tickerEventOf(result.previous, event);
      set(ticker ? { alerts: next, events: pushTicker(get().events, ticker) } : { alerts: next });
    },
    removeAlert: (alertId) => {
      if (!get().alerts.has(alertId)) return;
      const next = new Map(get().alerts);
      next.delete(alertId);
      set({ alerts: next });
    },
  });
}
