// What changed in an alert, for the wall's ticker: an AlertEvent carries the full new state, not the change,
// so the change is read off the alert's previous state on this wall. Pure.
import { levelRank, type Alert, type AlertEvent, type AlertLevel } from '@citybrain/schemas/events';

export type TickerChange = 'raised' | 'escalated' | 'acknowledged' | 'assigned' | 'resolved' | 'cleared';

export interface TickerEvent {
  /** alertId:version — one entry per alert version. */
  key: string;
  alertId: string;
  change: TickerChange;
  level: AlertLevel;
  district: string;
  title: Alert['title'];
  /** When streams published the change (epoch ms, server clock). */
  atMs: number;
}

/** Entries kept, newest first: more than a ticker line shows in one pass. */
export const TICKER_MAX = 12;

/**
 * The change worth a ticker line, or null (a new value, a comment, an agency's progress, a level going down).
 * `previous` is the alert as this wall held it: undefined when it was not on the wall.
 */
export function tickerChange(previous: Alert | undefined, event: AlertEvent): TickerChange | null {
  const { alert } = event;
  if (event.type === 'cleared' || alert.status === 'expired') return previous ? 'cleared' : null;
  if (alert.status === 'resolved') return previous ? 'resolved' : null;
  if (previous === undefined) {
    // An update of an alert this wall did not hold: it just entered the scope (assigned to this agency, or
    // turned red for a district wall). New here, so it is announced by what it now is.
    if (event.type === 'raised' || alert.status === 'active') return 'raised';
    return alert.status === 'assigned' ? 'assigned' : 'acknowledged';
  }
  if (levelRank(alert.level) > levelRank(previous.level)) return 'escalated';
  if (alert.status !== previous.status) {
    if (alert.status === 'acknowledged') return 'acknowledged';
    if (alert.status === 'assigned') return 'assigned';
  }
  if (alert.agencies.some((agency) => !previous.agencies.includes(agency))) return 'assigned';
  return null;
}

export function tickerEventOf(previous: Alert | undefined, event: AlertEvent): TickerEvent | null {
  const change = tickerChange(previous, event);
  if (change === null) return null;
  const { alert } = event;
  return {
    key: `${alert.alertId}:${alert.version}`,
    alertId: alert.alertId,
    change,
    level: alert.level,
    district: alert.district,
    title: alert.title,
    atMs: Date.parse(event.ts),
  };
}

/** Newest first, at most `max`. */
export function pushTicker(
  events: readonly TickerEvent[],
  event: TickerEvent,
  max = TICKER_MAX,
): readonly TickerEvent[] {
  return [event, ...events.filter((e) => e.key !== event.key)].slice(0, max);
}
