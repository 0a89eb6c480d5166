// The queue as the officer sees it: filtered, most severe then newest first, and where the selection is.
// Pure, so the keyboard handler and the components derive the same queue from the same state.
import type {
  AgencyId,
  AgencyProgressState,
  Alert,
  AlertCategory,
  AlertLevel,
  AlertStatus,
} from '@citybrain/schemas/events';
import { sortAlerts } from '../../wall/store/selectors.js';

export interface QueueFilters {
  /** Free text matched against both titles and the alert id. */
  text: string;
  level: AlertLevel | 'all';
  category: AlertCategory | 'all';
  district: string;
  agency: AgencyId | 'all';
  status: AlertStatus | 'all';
}

export const NO_FILTERS: QueueFilters = {
  text: '',
  level: 'all',
  category: 'all',
  district: 'all',
  agency: 'all',
  status: 'all',
};

/** Open statuses: the queue holds active alerts only (a closed alert leaves the picture). */
export const OPEN_STATUSES: readonly AlertStatus[] = ['active', 'acknowledged', 'assigned'];

export function filtersActive(filters: QueueFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof QueueFilters)[]).some((key) =>
    key === 'text' ? filters.text.trim() !== '' : filters[key] !== NO_FILTERS[key],
  );
}

export function matchesFilters(alert: Alert, filters: QueueFilters): boolean {
  if (filters.level !== 'all' && alert.level !== filters.level) return false;
  if (filters.category !== 'all' && alert.category !== filters.category) return false;
  if (filters.district !== 'all' && alert.district !== filters.district) return false;
  if (filters.agency !== 'all' && !alert.agencies.includes(filters.agency)) return false;
  if (filters.status !== 'all' && alert.status !== filters.status) return false;
  const text = filters.text.trim().toLowerCase();
  if (text === '') return true;
  return [alert.title.zh, alert.title.en, alert.alertId].some((field) => field.toLowerCase().includes(text));
}

/** Most severe first, then newest raised first (the wall's order), after the filters. */
export function alertQueue(alerts: ReadonlyMap<string, Alert>, filters: QueueFilters): Alert[] {
  return sortAlerts(alerts.values()).filter((alert) => matchesFilters(alert, filters));
}

/**
 * The selected alert's id in this queue. With nothing chosen yet, the top of the queue. When the chosen
 * alert has left the queue (resolved, filtered out), the one now at its last position, so the officer's
 * place in the queue survives working through it.
 */
export function resolveSelection(
  queue: readonly Alert[],
  selectedId: string | null,
  lastIndex: number,
): string | null {
  if (queue.length === 0) return null;
  if (selectedId !== null && queue.some((alert) => alert.alertId === selectedId)) return selectedId;
  const index = selectedId === null ? 0 : Math.min(Math.max(0, lastIndex), queue.length - 1);
  return queue[index]?.alertId ?? null;
}

/** Moves the selection by `delta` rows (clamped) or to an end. */
export function stepSelection(
  queue: readonly Alert[],
  current: string | null,
  step: number | 'first' | 'last',
): { id: string; index: number } | null {
  if (queue.length === 0) return null;
  const at = current === null ? -1 : queue.findIndex((alert) => alert.alertId === current);
  const index =
    step === 'first'
      ? 0
      : step === 'last'
        ? queue.length - 1
        : at === -1
          ? 0
          : Math.min(queue.length - 1, Math.max(0, at + step));
  const alert = queue[index];
  return alert === undefined ? null : { id: alert.alertId, index };
}

export interface ProgressChip {
  agency: AgencyId;
  state: AgencyProgressState;
}

/** One chip per assigned agency, in assignment order; an agency without a report yet is pending. */
export function progressChips(alert: Alert): ProgressChip[] {
  return alert.agencies.map((agency) => ({
    agency,
    state: alert.agencyProgress?.[agency]?.state ?? 'pending',
  }));
}

/** Alerts per level in the queue, for the header's counters. */
export function countByLevel(alerts: Iterable<Alert>): Record<AlertLevel, number> {
  const counts: Record<AlertLevel, number> = { blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const alert of alerts) counts[alert.level] += 1;
  return counts;
}
