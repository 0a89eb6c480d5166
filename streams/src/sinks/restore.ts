// Rebuilds the live alerts at start from ClickHouse (DESIGN §5): the latest version of every alert that is
// neither resolved nor expired, with the last hash of its audit chain. A restart then neither raises them
// again nor forgets them.
import type { ClickHouseClient } from '@clickhouse/client';
import { alert as alertSchema, type Alert } from '@citybrain/schemas/events';
import type { RestoredAlert } from '../engine.js';
import type { AlertRow } from '@citybrain/schemas/clickhouse';

type StoredRow = Omit<
  AlertRow,
  'version' | 'lat' | 'lon' | 'metric_value' | 'metric_threshold' | 'forecast_value'
> & {
  version: number | string;
  lat: number | string;
  lon: number | string;
  metric_value: number | string;
  metric_threshold: number | string;
  forecast_value: number | string | null;
};

export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

/** ClickHouse DateTime64 text ('2026-04-05 02:00:00.000', UTC) → ISO-8601. */
const isoOf = (text: string): string => `${text.replace(' ', 'T')}Z`;

export function alertFromRow(row: StoredRow): Alert {
  const candidate = {
    alertId: row.alert_id,
    version: Number(row.version),
    ruleId: row.rule_id,
    category: row.category,
    level: row.level,
    status: row.status,
    district: row.district,
    agencies: row.agencies,
    location: { lat: Number(row.lat), lon: Number(row.lon) },
    ...(row.cell === '' ? {} : { cell: row.cell }),
    title: { zh: row.title_zh, en: row.title_en },
    metric: {
      name: row.metric_name,
      value: Number(row.metric_value),
      threshold: Number(row.metric_threshold),
      unit: row.metric_unit,
      ...(row.forecast_value !== null && row.forecast_eta !== null
        ? { forecast: { value: Number(row.forecast_value), eta: isoOf(row.forecast_eta) } }
        : {}),
    },
    evidence: JSON.parse(row.evidence) as unknown,
    raisedAt: isoOf(row.raised_at),
    updatedAt: isoOf(row.updated_at),
  };
  const parsed = alertSchema.safeParse(candidate);
  if (!parsed.success)
    throw new RestoreError(`stored alert ${row.alert_id} is not a valid Alert: ${parsed.error.message}`);
  return parsed.data;
}

export async function loadLiveAlerts(
  client: ClickHouseClient,
): Promise<{ alerts: RestoredAlert[]; lastHashes: Map<string, string> }> {
  const result = await client.query({
    query: `SELECT * FROM alerts FINAL WHERE status NOT IN ('resolved', 'expired') AND subject != ''`,
    format: 'JSONEachRow',
  });
  const rows = await result.json<StoredRow>();
  const alerts = rows.map((row) => ({ alert: alertFromRow(row), subjectKey: row.subject }));
  const lastHashes = new Map<string, string>();
  if (alerts.length > 0) {
    const hashes = await client.query({
      query: `SELECT alert_id, argMax(hash, version) AS hash FROM alert_events
              WHERE alert_id IN {ids:Array(String)} GROUP BY alert_id`,
      query_params: { ids: alerts.map((a) => a.alert.alertId) },
      format: 'JSONEachRow',
    });
    for (const row of await hashes.json<{ alert_id: string; hash: string }>())
      lastHashes.set(row.alert_id, row.hash);
  }
  return { alerts, lastHashes };
}
