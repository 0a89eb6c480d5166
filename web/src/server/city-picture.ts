// The gateway's in-memory picture of the whole city: active alerts (highest version each) and the latest
// live aggregate per district. Rebuilt from Kafka at start; every page's snapshot is cut from it.
import type { Alert, AlertEvent, LiveAggregate } from '@citybrain/schemas/events';
import type { Viewer, WallSnapshot } from '../realtime/events.js';
import { viewerSession } from './auth/session-info.js';
import {
  alertVisibleIn,
  applyAlertEvent,
  applyLive,
  liveVisibleIn,
  type AlertApply,
} from '../realtime/picture.js';

export class CityPicture {
  private readonly alerts = new Map<string, Alert>();
  private readonly versions = new Map<string, number>();
  private readonly live = new Map<string, LiveAggregate>();
  /** Wall-clock ms of the last live aggregate received: /api/health reports a silent feed. */
  lastLiveAt: number | undefined;

  constructor(private readonly options: { staleAfterMs: number; now: () => number }) {}

  get activeAlerts(): number {
    return this.alerts.size;
  }

  get districtsLive(): number {
    return this.live.size;
  }

  applyAlert(event: AlertEvent): AlertApply {
    return applyAlertEvent(this.alerts, this.versions, event);
  }

  applyLive(aggregate: LiveAggregate): boolean {
    const applied = applyLive(this.live, aggregate);
    if (applied) this.lastLiveAt = this.options.now();
    return applied;
  }

  /** The active alert with this id, if any. */
  alert(alertId: string): Alert | undefined {
    return this.alerts.get(alertId);
  }

  /** True when the alert was seen and has since been closed (resolved or expired). */
  wasClosed(alertId: string): boolean {
    return this.versions.has(alertId) && !this.alerts.has(alertId);
  }

  alertList(): Alert[] {
    return [...this.alerts.values()];
  }

  /** The picture as one viewer may see it: only the alerts and live aggregates of its scope. */
  snapshot(viewer: Viewer): WallSnapshot {
    const { scope } = viewer;
    return {
      scope,
      viewer: viewerSession(viewer),
      alerts: [...this.alerts.values()].filter((alert) => alertVisibleIn(scope, alert)),
      live: [...this.live.values()].filter((aggregate) => liveVisibleIn(scope, aggregate)),
      serverTime: new Date(this.options.now()).toISOString(),
      staleAfterMs: this.options.staleAfterMs,
    };
  }
}
