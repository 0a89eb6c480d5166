// The alerts that were active at an instant, each in the state it had then. `alert_events` (streams' audit
// trail) holds the full alert state of every version with the version's time, so an alert's state at T is its
// highest version up to T; `alerts` (latest state per alert) first narrows the search to the alerts that can
// have been open at T: raised by then, and still open or closed only after it.
import { alert as alertSchema, type Alert } from '@citybrain/schemas/events';
import type { ClickHouseClient } from '@clickhouse/client';
import type { WallScope } from '../../realtime/events.js';
import { alertVisibleIn } from '../../realtime/picture.js';
import type { Statement } from './history-sql.js';

/** More than a wall can show; the replayed list says how many there were, not all of them. */
export const ALERT_LIMIT = 1_000;

const OPEN = "('active', 'acknowledged', 'assigned')";

/** The scope's alert rule (picture.ts alertVisibleIn) on the state at T, in SQL so the limit cuts the right rows. */
export function alertScopeFilter(scope: WallScope): { sql: string; params: Record<string, string> } {
  switch (scope.kind) {
    case 'city':
      return { sql: '1', params: {} };
    case 'district':
      return {
        sql: "(JSONExtractString(state, 'district') = {district:String} OR JSONExtractString(state, 'level') = 'red')",
        params: { district: scope.adcode },
      };
    case 'agency':
      return {
        sql: "has(JSONExtract(state, 'agencies', 'Array(String)'), {agency:String})",
        params: { agency: scope.agency },
      };
  }
}

export function alertsAtStatement(scope: WallScope, atMs: number, limit = ALERT_LIMIT): Statement {
  const filter = alertScopeFilter(scope);
  return {
    query: `SELECT alert_id, argMax(state, version) AS state, argMax(type, version) AS last_type
            FROM alert_events
            WHERE ts <= fromUnixTimestamp64Milli({atMs:Int64}, 'UTC')
              AND alert_id IN (
                SELECT alert_id FROM alerts FINAL
                WHERE raised_at <= fromUnixTimestamp64Milli({atMs:Int64}, 'UTC')
                  AND (status IN ${OPEN} OR updated_at > fromUnixTimestamp64Milli({atMs:Int64}, 'UTC'))
              )
            GROUP BY alert_id
            HAVING last_type != 'cleared' AND JSONExtractString(state, 'status') IN ${OPEN} AND ${filter.sql}
            ORDER BY alert_id LIMIT {limit:UInt32}`,
    query_params: { atMs, limit, ...filter.params },
  };
}

/**
 * Parses the stored states. A row that no longer parses (an older contract) is skipped and counted rather
 * than failing the replay; the scope is checked once more on the parsed alert, as the gateway does.
 */
export function alertsFromRows(
  rows: readonly { alert_id: string; state: string }[],
  scope: WallScope,
): { alerts: Alert[]; unreadable: number } {
  const alerts: Alert[] = [];
  let unreadable = 0;
  for (const row of rows) {
    let json: unknown;
    try {
      json = JSON.parse(row.state);
    } catch {
      unreadable += 1;
      continue;
    }
    const parsed = alertSchema.safeParse(json);
    if (!parsed.success) {
      unreadable += 1;
      continue;
    }
    if (alertVisibleIn(scope, parsed.data)) alerts.push(parsed.data);
  }
  return { alerts, unreadable };
}

export async function queryAlertsAt(
  client: ClickHouseClient,
  scope: WallScope,
  atMs: number,
): Promise<{ alerts: Alert[]; unreadable: number }> {
  const result = await client.query({ ...alertsAtStatement(scope, atMs), format: 'JSONEachRow' });
  return alertsFromRows(await result.json<{ alert_id: string; state: string }>(), scope);
}
