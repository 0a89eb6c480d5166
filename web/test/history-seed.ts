// Rows for the history tables as ingest and streams write them (schemas' DDL), for tests that replay the past:
// crowd heat, traffic and sensor readings, and an alert's `alerts` + `alert_events` rows per version.
import { alertRow, toClickHouseTime } from '@citybrain/schemas/clickhouse';
import type { Alert, AlertEvent } from '@citybrain/schemas/events';
import type { ClickHouseClient } from '@clickhouse/client';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${(sequence += 1)}`;

export function heatRow(cell: string, district: string, count: number, tsMs: number) {
  return {
    id: nextId('heat'),
    ts: toClickHouseTime(tsMs),
    source: 'test',
    count,
    method: 'cell',
    venue_id: '',
    lat: 0,
    lon: 0,
    cell,
    district,
  };
}

export function trafficRow(
  segmentId: string,
  district: string,
  speedKmh: number,
  freeFlowKmh: number | null,
  tsMs: number,
) {
  return {
    id: nextId('flow'),
    ts: toClickHouseTime(tsMs),
    source: 'test',
    segment_id: segmentId,
    speed_kmh: speedKmh,
    free_flow_kmh: freeFlowKmh,
    volume_vph: null,
    occupancy: null,
    lat: 22.52,
    lon: 113.95,
    cell: '',
    district,
  };
}

export function sensorRow(sensorId: string, kind: string, value: number, district: string, tsMs: number) {
  return {
    id: nextId('sensor'),
    ts: toClickHouseTime(tsMs),
    source: 'test',
    sensor_id: sensorId,
    kind,
    value,
    unit: '',
    lat: 0,
    lon: 0,
    cell: '',
    district,
  };
}

/** One version of an alert: its `alerts` row (latest state wins by version) and its audit event with the state. */
export function alertVersionRows(alert: Alert, type: AlertEvent['type'] | 'ack' = 'raised') {
  const updated = toClickHouseTime(Date.parse(alert.updatedAt));
  return {
    // Exactly the row streams writes (with no subject: these alerts are replayed, never matched again).
    alert: alertRow(alert, ''),
    event: {
      event_id: `${alert.alertId}@${alert.version}`,
      alert_id: alert.alertId,
      version: alert.version,
      type,
      actor: 'streams',
      role: 'system',
      note: '',
      ts: updated,
      state: JSON.stringify(alert),
      prev_hash: '',
      hash: '',
    },
  };
}

export interface HistorySeed {
  heat?: ReturnType<typeof heatRow>[];
  traffic?: ReturnType<typeof trafficRow>[];
  sensors?: ReturnType<typeof sensorRow>[];
  alertVersions?: ReturnType<typeof alertVersionRows>[];
}

export async function seedHistory(client: ClickHouseClient, seed: HistorySeed): Promise<void> {
  const insert = async (table: string, values: readonly object[]) => {
    if (values.length > 0) await client.insert({ table, values: [...values], format: 'JSONEachRow' });
  };
  await insert('crowd_heat', seed.heat ?? []);
  await insert('traffic_flow', seed.traffic ?? []);
  await insert('sensor_readings', seed.sensors ?? []);
  await insert(
    'alerts',
    (seed.alertVersions ?? []).map((v) => v.alert),
  );
  await insert(
    'alert_events',
    (seed.alertVersions ?? []).map((v) => v.event),
  );
}
