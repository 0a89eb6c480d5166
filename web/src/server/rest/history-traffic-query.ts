// Road traffic at an instant from `traffic_flow`: each segment's latest report in the window before it, as a
// congestion index (free-flow ÷ speed, capped at 10, as streams computes it), and the scope's mean index per
// minute over the quarter hour up to the instant (the congestion trend panel's replayed line).
import type { ClickHouseClient } from '@clickhouse/client';
import type { WallScope } from '../../realtime/events.js';
import type { HistorySegment } from '../../realtime/history.js';
import { IN_WINDOW, districtFilter, windowParams, type Statement } from './history-sql.js';

export const MAX_CONGESTION_INDEX = 10;
export const TREND_MINUTES = 15;

/** free-flow ÷ speed, capped (a standstill is "10", not infinity); as streams' windows/snapshot.ts. */
export function congestionIndex(freeFlowKmh: number, speedKmh: number): number {
  return Math.min(MAX_CONGESTION_INDEX, freeFlowKmh / Math.max(speedKmh, freeFlowKmh / MAX_CONGESTION_INDEX));
}

export function segmentsAtStatement(scope: WallScope, atMs: number, windowMinutes: number): Statement {
  const filter = districtFilter(scope);
  return {
    query: `SELECT segment_id, any(district) AS segment_district, argMax(speed_kmh, ts) AS speed,
              argMax(free_flow_kmh, ts) AS free_flow, argMax(lat, ts) AS lat, argMax(lon, ts) AS lon
            FROM traffic_flow
            WHERE ${IN_WINDOW} AND ${filter.sql}
            GROUP BY segment_id`,
    query_params: { ...windowParams(atMs, windowMinutes), ...filter.params },
  };
}

/**
 * Per minute: each segment's mean speed → its index, averaged over the segments reporting that minute.
 * Segments without a free-flow speed in the rows take it from `freeFlow` (the arterial table) or are left out.
 */
export function trendAtStatement(
  scope: WallScope,
  atMs: number,
  freeFlow: ReadonlyMap<string, number>,
): Statement {
  const filter = districtFilter(scope);
  return {
    query: `SELECT toUnixTimestamp64Milli(toDateTime64(minute, 3, 'UTC')) AS ts,
              round(avg(least({cap:Float64}, free_flow / greatest(speed, free_flow / {cap:Float64}))), 2) AS value
            FROM (
              SELECT toStartOfMinute(ts) AS minute, segment_id, avg(speed_kmh) AS speed,
                coalesce(avg(free_flow_kmh),
                  transform(segment_id, {segmentIds:Array(String)}, {freeFlows:Array(Float64)}, toFloat64(0))) AS free_flow
              FROM traffic_flow
              WHERE ${IN_WINDOW} AND ${filter.sql}
              GROUP BY minute, segment_id
            )
            WHERE free_flow > 0
            GROUP BY minute ORDER BY minute`,
    query_params: {
      ...windowParams(atMs, TREND_MINUTES),
      ...filter.params,
      cap: MAX_CONGESTION_INDEX,
      segmentIds: [...freeFlow.keys()],
      freeFlows: [...freeFlow.values()],
    },
  };
}

export async function querySegmentsAt(
  client: ClickHouseClient,
  scope: WallScope,
  atMs: number,
  windowMinutes: number,
  freeFlow: ReadonlyMap<string, number>,
): Promise<HistorySegment[]> {
  const result = await client.query({
    ...segmentsAtStatement(scope, atMs, windowMinutes),
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    segment_id: string;
    segment_district: string;
    speed: number;
    free_flow: number | null;
    lat: number;
    lon: number;
  }>();
  const segments: HistorySegment[] = [];
  for (const r of rows) {
    const free = r.free_flow ?? freeFlow.get(r.segment_id);
    if (free === undefined || free <= 0) continue;
    segments.push({
      segmentId: r.segment_id,
      district: r.segment_district,
      speedKmh: r.speed,
      congestionIndex: Math.round(congestionIndex(free, r.speed) * 100) / 100,
      lat: r.lat,
      lon: r.lon,
    });
  }
  // Most congested first, as the live aggregates list them.
  return segments.sort(
    (a, b) => b.congestionIndex - a.congestionIndex || a.segmentId.localeCompare(b.segmentId),
  );
}

export async function queryTrendAt(
  client: ClickHouseClient,
  scope: WallScope,
  atMs: number,
  freeFlow: ReadonlyMap<string, number>,
): Promise<{ ts: number; value: number }[]> {
  const result = await client.query({ ...trendAtStatement(scope, atMs, freeFlow), format: 'JSONEachRow' });
  // Int64 arrives as text in JSON (it may exceed a double); Float64 as a number.
  const rows = await result.json<{ ts: string; value: number }>();
  return rows.map((r) => ({ ts: Number(r.ts), value: r.value }));
}
