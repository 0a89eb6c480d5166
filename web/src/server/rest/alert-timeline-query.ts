// GET /api/alerts/<alertId>/events: one alert's audit trail from ClickHouse's `alert_events` (every change
// and every officer's action, hash-chained by streams), oldest version first, for the duty console's
// timeline. Only for an alert the caller's scope may see, judged on the alert's latest state with the same
// rule as the live picture; the raw state and hashes stay on the server.
import type { ClickHouseClient } from '@clickhouse/client';
import { ALERT_TABLES } from '@citybrain/schemas/clickhouse';
import type { AgencyId, AlertLevel } from '@citybrain/schemas/events';
import { z } from 'zod';
import type { WallScope } from '../../realtime/events.js';
import { alertVisibleIn } from '../../realtime/picture.js';

export const alertIdParam = z.string().min(1).max(128);

export interface TimelineEntry {
  /** raised / updated / escalated / cleared (streams), or the action: ack, assign, escalate, resolve… */
  type: string;
  version: number;
  /** User id, or `streams` for the system's own changes. */
  actor: string;
  role: string;
  note: string;
  /** ISO-8601 UTC. */
  ts: string;
}

export interface BuiltQuery {
  query: string;
  query_params: Record<string, string>;
}

/** The alert's latest district, level and agencies: what the scope is judged on. */
export function alertScopeQuery(alertId: string): BuiltQuery {
  return {
    // FINAL: ReplacingMergeTree(version) keeps the highest version only after merges; FINAL applies it now.
    query: `SELECT district, level, agencies FROM ${ALERT_TABLES.alerts} FINAL
            WHERE alert_id = {alertId:String} LIMIT 1`,
    query_params: { alertId },
  };
}

export function timelineQuery(alertId: string): BuiltQuery {
  return {
    query: `SELECT type, version, actor, role, note,
              toUnixTimestamp64Milli(ts) AS ts_ms
            FROM ${ALERT_TABLES.alertEvents}
            WHERE alert_id = {alertId:String}
            ORDER BY version, ts, event_id`,
    query_params: { alertId },
  };
}

interface ScopeRow {
  district: string;
  level: string;
  agencies: string[];
}

/**
 * The alert's timeline, or null when the alert is unknown or outside `scope` (the two are not told apart,
 * so a scope cannot probe for alerts it may not see).
 */
export async function queryAlertTimeline(
  client: ClickHouseClient,
  alertId: string,
  scope: WallScope,
): Promise<TimelineEntry[] | null> {
  const found = await client.query({ ...alertScopeQuery(alertId), format: 'JSONEachRow' });
  const [row] = await found.json<ScopeRow>();
  if (row === undefined) return null;
  // Column values are the validated contract's (streams writes them from an Alert), so the casts hold.
  const facts = {
    district: row.district,
    level: row.level as AlertLevel,
    agencies: row.agencies as AgencyId[],
  };
  if (!alertVisibleIn(scope, facts)) return null;
  const result = await client.query({ ...timelineQuery(alertId), format: 'JSONEachRow' });
  const rows = await result.json<Record<string, string | number>>();
  return rows.map((r) => ({
    type: String(r.type),
    version: Number(r.version),
    actor: String(r.actor),
    role: String(r.role),
    note: String(r.note),
    // Epoch ms rather than formatted text: JavaScript writes the ISO form with exactly milliseconds.
    ts: new Date(Number(r.ts_ms)).toISOString(),
  }));
}
