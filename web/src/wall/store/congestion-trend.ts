// A short rolling history of the scope's congestion index, built in the page as live aggregates arrive
// (the live feed carries only the latest value; replaying longer spans is the history slider's job).
import type { LiveAggregate } from '@citybrain/schemas/events';

export interface TrendPoint {
  /** Publish time of the aggregate (epoch ms, server clock). */
  ts: number;
  value: number;
}

/** 15 minutes at one point every few seconds: enough to see a jam building, small enough to redraw. */
export const TREND_WINDOW_MS = 15 * 60_000;
export const TREND_MAX_POINTS = 450;

/**
 * The trend with the aggregate's index appended when it is the scope's own (`key`), newer than the last
 * point and carries an index; points older than the window before it are dropped. Returns the same array
 * when nothing changed, so subscribers re-render only on a new point.
 */
export function appendTrend(
  trend: readonly TrendPoint[],
  aggregate: LiveAggregate,
  key: string,
): readonly TrendPoint[] {
  const value = aggregate.kpis.congestionIndex;
  if (aggregate.district !== key || value === null) return trend;
  const ts = Date.parse(aggregate.ts);
  const last = trend.at(-1);
  if (last !== undefined && ts <= last.ts) return trend;
  const from = ts - TREND_WINDOW_MS;
  const kept = trend.filter((point) => point.ts >= from);
  kept.push({ ts, value });
  return kept.length > TREND_MAX_POINTS ? kept.slice(kept.length - TREND_MAX_POINTS) : kept;
}
