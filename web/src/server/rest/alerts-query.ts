// GET /api/alerts: active alerts or history from ClickHouse's `alerts` table (latest version per alert),
// filtered by status, level and district.
import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import type { WallScope } from '../../realtime/events.js';

export const alertsQuery = z.object({
  status: z.enum(['active', 'all', 'closed']).default('active'),
  level: z.enum(['blue', 'yellow', 'orange', 'red']).optional(),
  district: z
    .string()
    .regex(/^\d{6}$/, 'must be a 6-digit adcode')
    .optional(),
  /** Hours of history to include by last update; ignored for active alerts. */
  hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type AlertsQuery = z.infer<typeof alertsQuery>;

export interface AlertRow {
  alertId: string;
  version: number;
  ruleId: string;
  category: string;
  level: string;
  status: string;
  district: string;
  agencies: string[];
  lat: number;
  lon: number;
  title: { zh: string; en: string };
  metric: { name: string; value: number; threshold: number; unit: string };
  raisedAt: string;
  updatedAt: string;
}

const OPEN = "('active', 'acknowledged', 'assigned')";

/**
 * Alerts visible in the caller's scope, by the same rule as the live feed (realtime/picture.ts
 * alertVisibleIn): a district sees its own and the city's red alerts, an agency the alerts routed to it.
 */
export async function queryAlerts(
  client: ClickHouseClient,
  q: AlertsQuery,
  scope: WallScope,
): Promise<AlertRow[]> {
  const where = [
    scope.kind === 'district'
      ? "(district = {scopeDistrict:String} OR level = 'red')"
      : scope.kind === 'agency'
        ? 'has(agencies, {scopeAgency:String})'
        : '1',
    q.status === 'active' ? `status IN ${OPEN}` : q.status === 'closed' ? `status NOT IN ${OPEN}` : '1',
    q.status === 'active' ? '1' : 'updated_at >= now64(3) - toIntervalHour({hours:UInt32})',
    q.level ? 'level = {level:String}' : '1',
    q.district ? 'district = {district:String}' : '1',
  ].join(' AND ');
  const result = await client.query({
    // FINAL: ReplacingMergeTree(version) keeps the highest version only after merges; FINAL applies it now.
    query: `SELECT alert_id, version, rule_id, category, level, status, district, agencies, lat, lon, title_zh, title_en,
              metric_name, metric_value, metric_threshold, metric_unit,
              formatDateTime(raised_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS raised,
              formatDateTime(updated_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS updated
            FROM alerts FINAL WHERE ${where}
            ORDER BY updated_at DESC LIMIT {limit:UInt32}`,
    query_params: {
      hours: q.hours,
      level: q.level ?? '',
      district: q.district ?? '',
      limit: q.limit,
      scopeDistrict: scope.kind === 'district' ? scope.adcode : '',
      scopeAgency: scope.kind === 'agency' ? scope.agency : '',
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<Record<string, string | number | string[]>>();
  return rows.map((r) => ({
    alertId: String(r.alert_id),
    version: Number(r.version),
    ruleId: String(r.rule_id),
    category: String(r.category),
    level: String(r.level),
    status: String(r.status),
    district: String(r.district),
    agencies: Array.isArray(r.agencies) ? r.agencies.map(String) : [],
    lat: Number(r.lat),
    lon: Number(r.lon),
    title: { zh: String(r.title_zh), en: String(r.title_en) },
    metric: {
      name: String(r.metric_name),
      value: Number(r.metric_value),
      threshold: Number(r.metric_threshold),
      unit: String(r.metric_unit),
    },
    raisedAt: String(r.raised),
    updatedAt: String(r.updated),
  }));
}
