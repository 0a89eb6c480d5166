// Rows of the ingest tables (schemas/src/clickhouse/tables.ts) as JSONEachRow lines. Rows are written as text
// straight away, not kept as objects until the insert: a batch is then a few MB of bytes rather than tens
// of thousands of live objects for the garbage collector to trace and promote, and no generic encoder has
// to walk each row again (normalize.test.ts checks every line equals JSON.stringify of the row object).
import type { IngestTable } from '@citybrain/schemas/clickhouse';

/** Where a row came from in Kafka; stored with it so redelivered messages can be recognised. */
export interface Lineage {
  src_cluster: string;
  src_topic: string;
  src_partition: number;
  src_offset: string;
}

/** One source partition. Its rows share the lineage columns but the offset, so their text is built once. */
export class SourcePartition {
  /** `"src_cluster":…,"src_topic":…,"src_partition":…,"src_offset":` */
  private readonly lineagePrefix: string;

  constructor(
    readonly cluster: string,
    readonly topic: string,
    readonly partition: number,
  ) {
    this.lineagePrefix = `"src_cluster":${JSON.stringify(cluster)},"src_topic":${JSON.stringify(topic)},"src_partition":${partition},"src_offset":`;
  }

  lineage(offset: string): Lineage {
    return {
      src_cluster: this.cluster,
      src_topic: this.topic,
      src_partition: this.partition,
      src_offset: offset,
    };
  }

  /** The lineage columns of the message at `offset` (a Kafka offset: digits only). */
  lineageJson(offset: string): string {
    return `${this.lineagePrefix}"${offset}"`;
  }
}

/** A row ready for its table: the event id (to catch producer repeats) and the JSONEachRow line. */
export interface EncodedRow {
  table: IngestTable;
  id: string;
  /** One JSON object, no trailing newline. */
  json: string;
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
