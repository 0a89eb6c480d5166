// /api/feeds/alerts.cap: the active alerts of the caller's scope as OASIS CAP 1.2 (DESIGN §4), for district
// centers and other agencies' systems. The whole scope as an Atom feed of CAP alerts (how public alert
// hubs publish many CAP messages), or one alert's CAP document with `?alertId=`. Read from the gateway's
// live picture, so the feed is exactly what the walls show.
import type { Alert } from '@citybrain/schemas/events';
import {
  alertToCap,
  alertsToCapFeed,
  ATOM_MEDIA_TYPE,
  CAP_MEDIA_TYPE,
  type CapOptions,
  type DistrictNames,
} from '@citybrain/schemas/cap';
import type { WallScope } from '../../realtime/events.js';
import { alertVisibleIn, scopeKey } from '../../realtime/picture.js';

export interface CapFeedSource {
  activeAlerts(): readonly Alert[];
  districtNames: DistrictNames;
  /** Where the feed is served, for its self link. */
  origin: string;
}

const SENDER = 'citybrain@ops.shenzhen.example';

function capOptions(source: CapFeedSource): CapOptions {
  return {
    sender: SENDER,
    senderName: { zh: '深圳市城市运行管理中心', en: 'Shenzhen City Operations Center' },
    restriction: '仅限联动处置单位 / For the joint-command agencies only',
    districtNames: source.districtNames,
  };
}

export type CapAnswer =
  { status: 200; type: string; body: string } | { status: 404; type: string; body: string };

/** The scope's feed, or one alert's CAP message (404 when it is not active in the scope). */
export function capAnswer(source: CapFeedSource, scope: WallScope, alertId: string | null): CapAnswer {
  const visible = source.activeAlerts().filter((alert) => alertVisibleIn(scope, alert));
  if (alertId !== null) {
    const alert = visible.find((a) => a.alertId === alertId);
    if (alert === undefined)
      return {
        status: 404,
        type: 'application/json',
        body: JSON.stringify({ error: `no active alert ${alertId} in your scope` }),
      };
    return { status: 200, type: CAP_MEDIA_TYPE, body: alertToCap(alert, capOptions(source)) };
  }
  const body = alertsToCapFeed(visible, {
    ...capOptions(source),
    id: `urn:citybrain:shenzhen:alerts:${scopeKey(scope)}`,
    title: '城市运行预警 · City operations alerts',
    selfLink: `${source.origin}/api/feeds/alerts.cap`,
    now: Date.now(),
    entryLink: (alert) =>
      `${source.origin}/api/feeds/alerts.cap?alertId=${encodeURIComponent(alert.alertId)}`,
  });
  return { status: 200, type: ATOM_MEDIA_TYPE, body };
}
