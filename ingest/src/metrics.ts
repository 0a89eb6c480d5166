// Prometheus metrics of one ingest instance. A registry per instance (not prom-client's global) so two
// instances in one process, as in tests, do not collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createIngestMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'citybrain_ingest_' });
  return {
    registry,
    messages: new Counter({
      name: 'citybrain_ingest_messages_total',
      help: 'Kafka messages consumed, by topic and outcome (stored, dead_letter, redelivered)',
      labelNames: ['topic', 'outcome'] as const,
      registers: [registry],
    }),
    rowsInserted: new Counter({
      name: 'citybrain_ingest_rows_inserted_total',
      help: 'Rows acknowledged by ClickHouse, by table',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'citybrain_ingest_dead_letters_total',
      help: 'Messages sent to the dead-letter topic, by source topic and reason kind',
      labelNames: ['topic', 'kind'] as const,
      registers: [registry],
    }),
    duplicatesSkipped: new Counter({
      name: 'citybrain_ingest_duplicates_skipped_total',
      help: 'Rows not inserted because they were already stored (redelivery) or repeated by the producer',
      labelNames: ['table', 'reason'] as const,
      registers: [registry],
    }),
    insertRetries: new Counter({
      name: 'citybrain_ingest_insert_retries_total',
      help: 'Failed ClickHouse insert attempts that will be retried',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    insertSeconds: new Histogram({
      name: 'citybrain_ingest_insert_duration_seconds',
      help: 'Time for one acknowledged batch insert',
      labelNames: ['table'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    batchRows: new Histogram({
      name: 'citybrain_ingest_batch_rows',
      help: 'Rows per flushed batch',
      buckets: [1, 10, 100, 1000, 5000, 20_000, 50_000],
      registers: [registry],
    }),
    flushSeconds: new Counter({
      name: 'citybrain_ingest_flush_seconds_total',
      help: 'Time with a batch flush (dead letters published, every table inserted) in flight; one flush runs at a time',
      registers: [registry],
    }),
    flushWaitSeconds: new Counter({
      name: 'citybrain_ingest_flush_wait_seconds_total',
      help: 'Time consumption stood still because a full batch waited for the flush in flight (back-pressure)',
      registers: [registry],
    }),
    fetchSeconds: new Counter({
      name: 'citybrain_ingest_fetch_seconds_total',
      help: 'Time in Kafka fetch requests (broker round trip and decoding), summed over the brokers fetched from in parallel',
      registers: [registry],
    }),
    clickhouseUp: new Gauge({
      name: 'citybrain_ingest_clickhouse_up',
      help: '1 while the last ClickHouse insert succeeded, 0 while inserts are failing and being retried',
      registers: [registry],
    }),
  };
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
