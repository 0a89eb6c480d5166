// GET /api/heat?window=N: crowd heat per H3 cell over the last N minutes from ClickHouse — the latest count
// each cell reported in the window (counts are head-counts at an instant, so summing reports would
// multiply people by the number of reports).
import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';

export const heatQuery = z.object({
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  district: z
    .string()
    .regex(/^\d{6}$/, 'must be a 6-digit adcode')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50_000).default(20_000),
});
export type HeatQuery = z.infer<typeof heatQuery>;

export interface HeatRow {
  cell: string;
  district: string;
  people: number;
  lastSeen: string;
}

export async function queryHeat(client: ClickHouseClient, q: HeatQuery): Promise<HeatRow[]> {
  const result = await client.query({
    query: `SELECT cell, any(district) AS cell_district, argMax(count, ts) AS people,
              formatDateTime(max(ts), '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS last_seen
            FROM crowd_heat
            WHERE ts >= now64(3) - toIntervalMinute({window:UInt32}) AND cell != ''
              AND ${q.district ? 'district = {district:String}' : '1'}
            GROUP BY cell ORDER BY people DESC LIMIT {limit:UInt32}`,
    query_params: { window: q.window, district: q.district ?? '', limit: q.limit },
    format: 'JSONEachRow',
  });
  const rows = await result.json<Record<string, string | number>>();
  return rows.map((r) => ({
    cell: String(r.cell),
    district: String(r.cell_district),
    people: Number(r.people),
    lastSeen: String(r.last_seen),
  }));
}
