// Reads the alert_events audit trail from ClickHouse one page of alerts at a time (keyset pagination on
// alert_id), so a large log is never loaded at once: chDB materialises every result in memory, so the
// client's streaming would not bound memory there, while pages bound it in both run modes. An alert's rows
// always arrive whole, in version order, which is what the verifier needs.
import type { ClickHouseClient } from '@clickhouse/client';
import { ALERT_TABLES } from '@citybrain/schemas/clickhouse';
import type { AuditRow } from '../alerts/audit-chain.js';

export const DEFAULT_ALERTS_PER_PAGE = 500;

/** The audit log cannot be read at all (no table there): a wrong target rather than a broken chain. */
export class AuditSourceError extends Error {
  override readonly name = 'AuditSourceError';
}

export interface AlertChainPage {
  /** Each alert's rows in version order, alerts in alert_id order. */
  chains: AuditRow[][];
  /** Latest version per alert in the `alerts` table (absent for an alert with no row there). */
  alertVersions: Map<string, number>;
}

type StoredAuditRow = Omit<AuditRow, 'version'> & { version: number | string };

// The hash covers `ts` as ClickHouse prints DateTime64(3) by default ('2026-04-05 02:00:00.000'); pin that
// format so a server configured otherwise cannot make an intact row look edited.
const SETTINGS = { date_time_output_format: 'simple' } as const;

async function tableExists(client: ClickHouseClient, table: string): Promise<boolean> {
  const result = await client.query({
    query: 'EXISTS TABLE {table:Identifier}',
    query_params: { table },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ result: number | string }>();
  return Number(rows[0]?.result ?? 0) === 1;
}

export async function* readAlertChains(
  client: ClickHouseClient,
  { alertsPerPage = DEFAULT_ALERTS_PER_PAGE }: { alertsPerPage?: number } = {},
): AsyncGenerator<AlertChainPage> {
  if (!(await tableExists(client, ALERT_TABLES.alertEvents)))
    throw new AuditSourceError(
      `no ${ALERT_TABLES.alertEvents} table here: nothing has written alerts to this ClickHouse/chDB yet`,
    );
  const haveAlerts = await tableExists(client, ALERT_TABLES.alerts);
  let after = '';
  for (;;) {
    const idResult = await client.query({
      query: `SELECT alert_id FROM ${ALERT_TABLES.alertEvents} WHERE alert_id > {after:String}
              GROUP BY alert_id ORDER BY alert_id LIMIT {n:UInt32}`,
      query_params: { after, n: alertsPerPage },
      format: 'JSONEachRow',
    });
    const ids = (await idResult.json<{ alert_id: string }>()).map((row) => row.alert_id);
    const last = ids.at(-1);
    if (last === undefined) return;

    const rowResult = await client.query({
      query: `SELECT event_id, alert_id, version, type, actor, role, note, ts, state, prev_hash, hash
              FROM ${ALERT_TABLES.alertEvents} WHERE alert_id IN {ids:Array(String)}
              ORDER BY alert_id, version, ts, event_id`,
      query_params: { ids },
      format: 'JSONEachRow',
      clickhouse_settings: SETTINGS,
    });
    const chains: AuditRow[][] = [];
    let current: AuditRow[] = [];
    for (const stored of await rowResult.json<StoredAuditRow>()) {
      const row: AuditRow = { ...stored, version: Number(stored.version) };
      if (current.length > 0 && current[0]?.alert_id !== row.alert_id) {
        chains.push(current);
        current = [];
      }
      current.push(row);
    }
    if (current.length > 0) chains.push(current);

    const alertVersions = new Map<string, number>();
    if (haveAlerts) {
      const versions = await client.query({
        query: `SELECT alert_id, max(version) AS version FROM ${ALERT_TABLES.alerts}
                WHERE alert_id IN {ids:Array(String)} GROUP BY alert_id`,
        query_params: { ids },
        format: 'JSONEachRow',
      });
      for (const row of await versions.json<{ alert_id: string; version: number | string }>())
        alertVersions.set(row.alert_id, Number(row.version));
    }
    yield { chains, alertVersions };
    after = last;
  }
}
