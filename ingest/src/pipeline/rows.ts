// Row shapes of the ingest tables (schemas/src/clickhouse/tables.ts), as sent in JSONEachRow.
import type { IngestTable } from '@citybrain/schemas/clickhouse';

/** Where a row came from in Kafka; stored with it so redelivered messages can be recognised. */
export interface Lineage {
  src_cluster: string;
  src_topic: string;
  src_partition: number;
  src_offset: string;
}

interface Located {
  lat: number;
  lon: number;
  cell: string;
  district: string;
}

interface EventRowBase extends Located, Lineage {
  id: string;
  ts: string;
  source: string;
}

export interface SensorReadingRow extends EventRowBase {
  sensor_id: string;
  kind: string;
  value: number;
  unit: string;
}

export interface CrowdHeatRow extends EventRowBase {
  count: number;
  method: string;
  venue_id: string;
}

export interface TrafficFlowRow extends EventRowBase {
  segment_id: string;
  speed_kmh: number;
  free_flow_kmh: number | null;
  volume_vph: number | null;
  occupancy: number | null;
}

export interface TrafficIncidentRow extends EventRowBase {
  incident_id: string;
  type: string;
  severity: string;
  status: string;
  lanes_blocked: number | null;
  description: string;
  plate_pseudonym: string;
}

export interface DeadLetterRow extends Lineage {
  id: string;
  received_at: string;
  reason: string;
  error_kind: string;
  payload: string;
  payload_encoding: string;
  payload_bytes: number;
}

export type TableRow =
  | { table: 'sensor_readings'; row: SensorReadingRow }
  | { table: 'crowd_heat'; row: CrowdHeatRow }
  | { table: 'traffic_flow'; row: TrafficFlowRow }
  | { table: 'traffic_incidents'; row: TrafficIncidentRow }
  | { table: 'dead_letters'; row: DeadLetterRow };

export type RowOf<T extends IngestTable> = Extract<TableRow, { table: T }>['row'];
