// Crowd heat at an instant from `crowd_heat`: the latest head-count each H3 cell reported in the window
// before it (counts are head-counts at an instant: summing reports would count people once per report).
import type { ClickHouseClient } from '@clickhouse/client';
import type { WallScope } from '../../realtime/events.js';
import type { HistoryHeatCell } from '../../realtime/history.js';
import { IN_WINDOW, districtFilter, windowParams, type Statement } from './history-sql.js';

/** As many cells as the wall draws comfortably in software rendering (DESIGN §10: 20k in a few seconds). */
export const HEAT_CELL_LIMIT = 20_000;

export function heatAtStatement(
  scope: WallScope,
  atMs: number,
  windowMinutes: number,
  limit = HEAT_CELL_LIMIT,
): Statement {
  const filter = districtFilter(scope);
  return {
    // One row over the limit tells a full answer from a cut one.
    query: `SELECT cell, any(district) AS cell_district, argMax(count, ts) AS people
            FROM crowd_heat
            WHERE ${IN_WINDOW} AND cell != '' AND ${filter.sql}
            GROUP BY cell ORDER BY people DESC, cell LIMIT {limit:UInt32}`,
    query_params: { ...windowParams(atMs, windowMinutes), ...filter.params, limit: limit + 1 },
  };
}

export async function queryHeatAt(
  client: ClickHouseClient,
  scope: WallScope,
  atMs: number,
  windowMinutes: number,
  limit = HEAT_CELL_LIMIT,
): Promise<{ cells: HistoryHeatCell[]; truncated: boolean }> {
  const result = await client.query({
    ...heatAtStatement(scope, atMs, windowMinutes, limit),
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ cell: string; cell_district: string; people: number | string }>();
  const cells = rows.slice(0, limit).map((r) => ({
    cell: r.cell,
    district: r.cell_district,
    people: Number(r.people),
  }));
  return { cells, truncated: rows.length > limit };
}
