// Pure reducers for the current picture, shared by the gateway (one picture for the whole city) and the
// page's store (its scope's picture), so both agree on which message wins.
import type { Alert, AlertEvent, LiveAggregate } from '@citybrain/schemas/events';
import type { WallScope } from './events.js';

const CLOSED_STATUSES: ReadonlySet<Alert['status']> = new Set(['resolved', 'expired']);

/** True when the event leaves the alert off the active picture. */
export function isClosing(event: AlertEvent): boolean {
  return event.type === 'cleared' || CLOSED_STATUSES.has(event.alert.status);
}

export type AlertApply =
  { applied: false } | { applied: true; previous: Alert | undefined; removed: boolean };

/**
 * Applies one alert event to `alerts` (active alerts by id), remembering the highest version seen per id
 * in `versions` so a replayed or reordered older event never resurrects or rolls back an alert.
 */
export function applyAlertEvent(
  alerts: Map<string, Alert>,
  versions: Map<string, number>,
  event: AlertEvent,
): AlertApply {
  const { alertId, version } = event.alert;
  const seen = versions.get(alertId);
  if (seen !== undefined && version <= seen) return { applied: false };
  versions.set(alertId, version);
  const previous = alerts.get(alertId);
  if (isClosing(event)) {
    alerts.delete(alertId);
    return { applied: true, previous, removed: true };
  }
  alerts.set(alertId, event.alert);
  return { applied: true, previous, removed: false };
}

/**
 * Keeps the newest aggregate per district. Ordered by publish time rather than `seq`: seq restarts with
 * each publisher run, and a restarted streams instance must still win over its predecessor.
 */
export function applyLive(live: Map<string, LiveAggregate>, aggregate: LiveAggregate): boolean {
  const held = live.get(aggregate.district);
  if (held !== undefined) {
    const heldTs = Date.parse(held.ts);
    const ts = Date.parse(aggregate.ts);
    if (ts < heldTs || (ts === heldTs && aggregate.seq <= held.seq)) return false;
  }
  live.set(aggregate.district, aggregate);
  return true;
}

/**
 * District walls see their own district's alerts and every red (level I) alert in the city, which is a
 * city-wide emergency every district center takes part in (市区联动); agencies see the alerts routed to them.
 */
export function alertVisibleIn(
  scope: WallScope,
  alert: Pick<Alert, 'district' | 'level' | 'agencies'>,
): boolean {
  switch (scope.kind) {
    case 'city':
      return true;
    case 'district':
      return alert.district === scope.adcode || alert.level === 'red';
    case 'agency':
      return alert.agencies.includes(scope.agency);
  }
}

/** Live aggregates are counts, not personal data: agencies see the whole city's, districts their own. */
export function liveVisibleIn(scope: WallScope, aggregate: LiveAggregate): boolean {
  return scope.kind !== 'district' || aggregate.district === scope.adcode || aggregate.district === 'city';
}

/** The district a scope is limited to, if any (its map extent, its live aggregate). */
export function scopeDistrict(scope: WallScope): string | undefined {
  return scope.kind === 'district' ? scope.adcode : undefined;
}

/** A stable text key for a scope: 'city', the adcode, or 'agency:<id>' (also the handshake's scope text). */
export function scopeKey(scope: WallScope): string {
  switch (scope.kind) {
    case 'city':
      return 'city';
    case 'district':
      return scope.adcode;
    case 'agency':
      return `agency:${scope.agency}`;
  }
}
