// The highest Kafka offset already stored, per table and source partition. After a crash, messages up to
// the last committed offset are delivered again; those at or below the watermark of a table are already in
// it (inserts per table are atomic and in offset order), so they are skipped for that table.
import type { ClickHouseClient } from '@clickhouse/client';
import type { IngestTable } from '@citybrain/schemas/clickhouse';

type Key = `${IngestTable}|${string}|${number}`;

function keyOf(table: IngestTable, topic: string, partition: number): Key {
  return `${table}|${topic}|${partition}`;
}

export class OffsetWatermarks {
  private readonly stored = new Map<Key, number>();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly client: ClickHouseClient,
    /** The Kafka cluster id: offsets of another cluster (a fresh mock broker) say nothing about this one. */
    private readonly clusterId: string,
    private readonly tables: readonly IngestTable[],
  ) {}

  /** Forget what is known, e.g. after a rebalance where another instance may have inserted meanwhile. */
  invalidate(): void {
    this.loading = undefined;
  }

  ensureLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const fresh = new Map<Key, number>();
    for (const table of this.tables) {
      const result = await this.client.query({
        query: `SELECT src_topic AS topic, src_partition AS partition, max(src_offset) AS offset
                FROM ${table} WHERE src_cluster = {cluster:String} GROUP BY src_topic, src_partition`,
        query_params: { cluster: this.clusterId },
        format: 'JSONEachRow',
      });
      for (const row of await result.json<{ topic: string; partition: number | string; offset: string }>()) {
        fresh.set(keyOf(table, row.topic, Number(row.partition)), Number(row.offset));
      }
    }
    this.stored.clear();
    for (const [key, offset] of fresh) this.stored.set(key, offset);
  }

  /**
   * Every table's watermark for one partition (-1: nothing stored), to test message after message without a
   * look-up each. A snapshot: watermarks move only when an insert or a reload completes, so it holds until
   * the caller next awaits.
   */
  forPartition(topic: string, partition: number): Record<IngestTable, number> {
    const marks = {} as Record<IngestTable, number>;
    for (const table of this.tables) marks[table] = this.stored.get(keyOf(table, topic, partition)) ?? -1;
    return marks;
  }

  advance(table: IngestTable, topic: string, partition: number, offset: number): void {
    const key = keyOf(table, topic, partition);
    if ((this.stored.get(key) ?? -1) < offset) this.stored.set(key, offset);
  }
}
