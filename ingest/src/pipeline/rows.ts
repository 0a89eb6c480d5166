// Rows of the ingest tables (schemas/src/clickhouse/tables.ts) as text lines: the event tables as
// TabSeparated (tsv.ts says why) in the column order below, dead letters as JSONEachRow. Rows are written as
// text straight away, not kept as objects until the insert: a batch is then a few MB of bytes rather than
// tens of thousands of live objects for the garbage collector to trace and promote, and no generic encoder
// has to walk each row again (normalize.test.ts parses every line back into the row object it stands for).
import type { IngestTable } from '@citybrain/schemas/clickhouse';
import { tsvString } from './tsv.js';

/** The columns every event row ends with, in this order: its place, then its lineage. */
export const PLACE_COLUMNS = ['lat', 'lon', 'cell', 'district'] as const;
export const LINEAGE_COLUMNS = ['src_cluster', 'src_topic', 'src_partition', 'src_offset'] as const;

export type EventTable = Exclude<IngestTable, 'dead_letters'>;

/**
 * The columns of each event table's TabSeparated lines, in the order normalize.ts writes them. The insert
 * names them, so the table's own order (ingested_at sits between district and the lineage) does not matter.
 */
export const EVENT_COLUMNS: Readonly<Record<EventTable, readonly string[]>> = {
  sensor_readings: [
    'id',
    'ts',
    'source',
    'sensor_id',
    'kind',
    'value',
    'unit',
    ...PLACE_COLUMNS,
    ...LINEAGE_COLUMNS,
  ],
  crowd_heat: ['id', 'ts', 'source', 'count', 'method', 'venue_id', ...PLACE_COLUMNS, ...LINEAGE_COLUMNS],
  traffic_flow: [
    'id',
    'ts',
    'source',
    'segment_id',
    'speed_kmh',
    'free_flow_kmh',
    'volume_vph',
    'occupancy',
    ...PLACE_COLUMNS,
    ...LINEAGE_COLUMNS,
  ],
  traffic_incidents: [
    'id',
    'ts',
    'source',
    'incident_id',
    'type',
    'severity',
    'status',
    'lanes_blocked',
    'description',
    'plate_pseudonym',
    ...PLACE_COLUMNS,
    ...LINEAGE_COLUMNS,
  ],
};

/** Where a row came from in Kafka; stored with it so redelivered messages can be recognised. */
export interface Lineage {
  src_cluster: string;
  src_topic: string;
  src_partition: number;
  src_offset: string;
}

/** One source partition. Its rows share the lineage columns but the offset, so their text is built once. */
export class SourcePartition {
  /** The lineage columns but the offset, as TabSeparated fields with the tab before the offset. */
  private readonly lineagePrefix: string;

  constructor(
    readonly cluster: string,
    readonly topic: string,
    readonly partition: number,
  ) {
    this.lineagePrefix = `${tsvString(cluster)}\t${tsvString(topic)}\t${partition}\t`;
  }

  lineage(offset: string): Lineage {
    return {
      src_cluster: this.cluster,
      src_topic: this.topic,
      src_partition: this.partition,
      src_offset: offset,
    };
  }

  /** The lineage columns of the message at `offset` (a Kafka offset: digits only) as TabSeparated fields. */
  lineageTsv(offset: string): string {
    return this.lineagePrefix + offset;
  }
}

/** A row ready for its table: the event id (to catch producer repeats) and its line. */
export interface EncodedRow {
  table: EventTable;
  id: string;
  /** The row's TabSeparated fields in EVENT_COLUMNS order, no trailing newline. */
  line: string;
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
