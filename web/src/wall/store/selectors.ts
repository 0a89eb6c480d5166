// Derived views of the store, pure so they are tested without React and memoized by callers on the maps
// they read.
import { levelRank, type Alert, type LiveAggregate } from '@citybrain/schemas/events';

/** Most severe first, then newest raised first: a new red alert always tops the list. */
export function sortAlerts(alerts: Iterable<Alert>): Alert[] {
  return [...alerts].sort(
    (a, b) => levelRank(b.level) - levelRank(a.level) || Date.parse(b.raisedAt) - Date.parse(a.raisedAt),
  );
}

export interface HeatCell {
  cell: string;
  people: number;
}

/** Every district's top cells in one array (districts never share a cell). */
export function heatCells(live: ReadonlyMap<string, LiveAggregate>): HeatCell[] {
  const cells: HeatCell[] = [];
  for (const aggregate of live.values()) for (const cell of aggregate.heat) cells.push(cell);
  return cells;
}

/** Congestion index per segment id, from every district's most congested segments. */
export function congestionBySegment(live: ReadonlyMap<string, LiveAggregate>): ReadonlyMap<string, number> {
  const bySegment = new Map<string, number>();
  for (const aggregate of live.values())
    for (const segment of aggregate.congestion) bySegment.set(segment.segmentId, segment.congestionIndex);
  return bySegment;
}

export type Freshness = { kind: 'none' } | { kind: 'fresh' | 'stale'; ageMs: number };

export function freshness(
  lastLiveTs: number | null,
  nowMs: number,
  clockSkewMs: number,
  staleAfterMs: number,
): Freshness {
  if (lastLiveTs === null) return { kind: 'none' };
  const ageMs = Math.max(0, nowMs + clockSkewMs - lastLiveTs);
  return { kind: ageMs > staleAfterMs ? 'stale' : 'fresh', ageMs };
}
