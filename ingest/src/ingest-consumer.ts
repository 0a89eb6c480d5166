// The consumer group `ingest`: Kafka → rows → batched ClickHouse inserts → offset commits.
// Ordering that makes it lose nothing and duplicate nothing (DESIGN §5):
//   1. a batch's rows are inserted (each table atomically) and its dead letters published;
//   2. only then are its offsets committed;
//   3. after a crash, redelivered messages at or below a table's stored watermark are skipped.
// The next batch fills while the previous one is being inserted (at most one insert in flight).
import type { ClickHouseClient } from '@clickhouse/client';
import { INGEST_TABLES, type IngestTable } from '@citybrain/schemas/clickhouse';
import { SOURCE_TOPICS, TOPICS } from '@citybrain/schemas/topics';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { IngestMetrics } from './metrics.js';
import type { MessageProcessor } from './pipeline/process-message.js';
import type { Pseudonymizer } from './pipeline/pseudonym.js';
import { SourcePartition } from './pipeline/rows.js';
import { ClickHouseWriter } from './sinks/clickhouse-writer.js';
import { deadLetterMessage, deadLetterRow } from './sinks/dead-letter.js';
import { OffsetWatermarks } from './sinks/offset-watermarks.js';
import { RecentIds } from './sinks/recent-ids.js';
import { keyedProducer, retryUntilDone } from '@citybrain/service-kit';
import { rowInserter } from './sinks/row-insert.js';
import { RowBuffer } from './sinks/row-buffer.js';

export interface IngestConsumerOptions {
  groupId: string;
  /** Flush when this many rows are buffered. */
  batchRows: number;
  /** Flush a non-empty buffer at least this often (ms). */
  flushIntervalMs: number;
  /** How many recent event ids per table are remembered to drop producer duplicates. */
  recentIdsPerTable: number;
}

export interface IngestConsumerDeps {
  kafka: Kafka;
  clusterId: string;
  clickhouse: ClickHouseClient;
  processMessage: MessageProcessor;
  pseudonymize: Pseudonymizer;
  metrics: IngestMetrics;
  logger: Logger;
  now: () => number;
}

const ALL_TABLES = Object.values(INGEST_TABLES);

export class IngestConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly watermarks: OffsetWatermarks;
  private readonly writer: ClickHouseWriter;
  private readonly recentIds = new Map<IngestTable, RecentIds>();
  private readonly sources = new Map<string, SourcePartition>();
  private readonly shutdown = new AbortController();
  private buffer: RowBuffer;
  private inFlight: Promise<void> | undefined;
  /**
   * Offset commits, chained in batch order. A commit is a broker round trip (~250 ms on the mock), so the
   * next insert starts without waiting for it; commits still run strictly after their batch's insert.
   */
  private commits: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;
  private draining = false;
  private batchInProgress: Promise<void> | undefined;

  constructor(
    private readonly deps: IngestConsumerDeps,
    private readonly options: IngestConsumerOptions,
  ) {
    this.consumer = deps.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: true,
      // An idle fetch waits this long for data. librdkafka's mock broker does not answer early when data
      // arrives, so kafkajs's 5 s default adds up to 5 s latency there; 250 ms costs little on real Kafka.
      maxWaitTimeInMs: 250,
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    this.producer = keyedProducer(deps.kafka, { allowAutoTopicCreation: true });
    this.watermarks = new OffsetWatermarks(deps.clickhouse, deps.clusterId, ALL_TABLES);
    this.writer = new ClickHouseWriter(
      rowInserter(deps.clickhouse),
      deps.logger,
      deps.metrics,
      this.shutdown.signal,
    );
    this.buffer = new RowBuffer(deps.now());
    for (const table of ALL_TABLES) this.recentIds.set(table, new RecentIds(options.recentIdsPerTable));
  }

  /** True while ClickHouse inserts are failing and being retried (reported by the health endpoint). */
  get degraded(): boolean {
    return this.writer.failing;
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.watermarks.invalidate());
    this.consumer.on(this.consumer.events.FETCH, ({ payload }) =>
      this.deps.metrics.fetchSeconds.inc(payload.duration / 1000),
    );
    await this.consumer.subscribe({ topics: [...SOURCE_TOPICS], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.trackBatch(payload),
    });
    this.flushTimer = setInterval(() => this.flushIfDue(), Math.max(50, this.options.flushIntervalMs / 4));
  }

  /** Drains: stops taking messages, inserts and commits what is buffered, then leaves the group. */
  async stop(): Promise<void> {
    this.draining = true;
    clearInterval(this.flushTimer);
    this.consumer.pause(SOURCE_TOPICS.map((topic) => ({ topic })));
    await this.batchInProgress;
    try {
      await this.inFlight;
      if (!this.buffer.isEmpty) await this.flush(this.swapBuffer());
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'stopped with a batch not inserted; it will be consumed again');
    }
    await this.commits;
    this.shutdown.abort();
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  /** A method, not a field read, because stop() flips it while a batch awaits. */
  private isDraining(): boolean {
    return this.draining;
  }

  private trackBatch(payload: EachBatchPayload): Promise<void> {
    const run = this.handleBatch(payload);
    this.batchInProgress = run.catch(() => undefined);
    return run;
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (this.isDraining()) return;
    await this.watermarks.ensureLoaded();
    const { topic, partition, messages } = batch;
    const source = this.sourceOf(topic, partition);
    // Messages are taken in runs that end at an await (a flush). Within a run nothing can change draining,
    // staleness or the watermarks, so they are read once per run, and the consumed position is resolved
    // and recorded in the buffer once per run too — always before the await, since only then can a flush
    // swap the buffer.
    let next = 0;
    while (next < messages.length && !this.isDraining() && payload.isRunning() && !payload.isStale()) {
      const stored = this.watermarks.forPartition(topic, partition);
      const outcomes = { stored: 0, dead_letter: 0, redelivered: 0 };
      let last: KafkaMessage | undefined;
      try {
        while (next < messages.length && this.buffer.rowCount < this.options.batchRows) {
          const message = messages[next] as KafkaMessage;
          next += 1;
          outcomes[this.route(message, source, stored)] += 1;
          last = message;
        }
      } finally {
        if (last) {
          payload.resolveOffset(last.offset);
          this.buffer.consumed({ topic, partition, offset: Number(last.offset) });
        }
        for (const [outcome, count] of Object.entries(outcomes))
          if (count > 0) this.deps.metrics.messages.inc({ topic, outcome }, count);
      }
      if (this.buffer.rowCount >= this.options.batchRows) await this.startFlush(() => payload.heartbeat());
    }
    await payload.heartbeat();
  }

  /** The lineage of a partition's rows, made once per partition. */
  private sourceOf(topic: string, partition: number): SourcePartition {
    const key = `${topic}|${partition}`;
    let source = this.sources.get(key);
    if (!source) {
      source = new SourcePartition(this.deps.clusterId, topic, partition);
      this.sources.set(key, source);
    }
    return source;
  }

  private route(
    message: KafkaMessage,
    source: SourcePartition,
    stored: Readonly<Record<IngestTable, number>>,
  ): 'stored' | 'dead_letter' | 'redelivered' {
    const now = this.deps.now();
    const offset = Number(message.offset);
    const result = this.deps.processMessage(message.value, source, message.offset, now);
    let kept = false;
    for (const row of result.rows) {
      // Remember every id, redelivered ones too, so a producer's repeat later in the replay is caught.
      const repeated = this.recentIds.get(row.table)?.checkAndRemember(row.id) ?? false;
      if (offset <= stored[row.table]) {
        this.deps.metrics.duplicatesSkipped.inc({ table: row.table, reason: 'redelivered' });
      } else if (repeated) {
        this.deps.metrics.duplicatesSkipped.inc({ table: row.table, reason: 'repeated_id' });
      } else {
        this.buffer.add(row.table, row.line);
        kept = true;
      }
    }
    if (result.rejection && offset > stored.dead_letters) {
      const { rejection } = result;
      const lineage = source.lineage(message.offset);
      const row = deadLetterRow(message.value, rejection, lineage, now, this.deps.pseudonymize);
      this.buffer.add('dead_letters', JSON.stringify(row));
      this.buffer.addDeadLetter(deadLetterMessage(message.value, rejection, lineage, now));
      this.deps.metrics.deadLetters.inc({ topic: source.topic, kind: rejection.kind });
      // Reason and position only: the payload may hold personal data and never goes to the log.
      this.deps.logger.debug(
        {
          topic: source.topic,
          partition: source.partition,
          offset,
          kind: rejection.kind,
          reason: rejection.message,
        },
        'message dead-lettered',
      );
      return 'dead_letter';
    }
    return kept ? 'stored' : 'redelivered';
  }

  private swapBuffer(): RowBuffer {
    const full = this.buffer;
    this.buffer = new RowBuffer(this.deps.now(), full.sizes());
    return full;
  }

  /** Waits for the insert in flight (heartbeating so the group keeps us), then starts the next one. */
  private async startFlush(heartbeat: () => Promise<void>): Promise<void> {
    const started = this.deps.now();
    while (this.inFlight) {
      const done = await Promise.race([
        this.inFlight.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000)),
      ]);
      if (!done) await heartbeat();
    }
    const waitedMs = this.deps.now() - started;
    if (waitedMs > 0) this.deps.metrics.flushWaitSeconds.inc(waitedMs / 1000);
    if (this.buffer.isEmpty || this.draining) return;
    this.launch(this.swapBuffer());
  }

  private flushIfDue(): void {
    if (this.inFlight || this.draining || this.buffer.isEmpty) return;
    if (this.deps.now() - this.buffer.createdAt < this.options.flushIntervalMs) return;
    this.launch(this.swapBuffer());
  }

  private launch(buffer: RowBuffer): void {
    const run = this.flush(buffer)
      .catch((error: unknown) => {
        // Only a shutdown ends the retries; the batch was not committed and will be consumed again.
        this.deps.logger.info({ err: error }, 'flush abandoned at shutdown');
      })
      .finally(() => {
        if (this.inFlight === run) this.inFlight = undefined;
      });
    this.inFlight = run;
  }

  private async flush(buffer: RowBuffer): Promise<void> {
    const started = this.deps.now();
    this.deps.metrics.batchRows.observe(buffer.rowCount);
    // Dead letters go to Kafka before their rows are stored: once the dead_letters watermark passes an
    // offset, a replay no longer republishes it, so publishing later could lose it in a crash.
    if (buffer.deadLetters.length > 0) await this.publishDeadLetters(buffer);
    // Tables are independent and each insert is atomic on its own: insert them side by side.
    await Promise.all([...buffer.tables].map(([table, lines]) => this.writer.insert(table, lines)));
    // Every message up to the consumed position is now in each table it has rows for (processing is
    // deterministic), so each table's watermark can move to that position.
    for (const { topic, partition, offset } of buffer.positions.values()) {
      for (const table of ALL_TABLES) this.watermarks.advance(table, topic, partition, offset);
    }
    this.commits = this.commits.then(() => this.commit(buffer));
    const ms = this.deps.now() - started;
    this.deps.metrics.flushSeconds.inc(ms / 1000);
    this.deps.logger.debug({ rows: buffer.rowCount, ms }, 'batch flushed');
  }

  private publishDeadLetters(buffer: RowBuffer): Promise<unknown> {
    return retryUntilDone(
      () => this.producer.send({ topic: TOPICS.deadLetter, messages: buffer.deadLetters, acks: -1 }),
      {
        signal: this.shutdown.signal,
        onFailure: (error, attempt, delayMs) =>
          this.deps.logger.warn(
            { err: error, attempt, retryInMs: delayMs },
            'dead-letter publish failed; retrying',
          ),
      },
    );
  }

  private async commit(buffer: RowBuffer): Promise<void> {
    const offsets = [...buffer.positions.values()].map(({ topic, partition, offset }) => ({
      topic,
      partition,
      offset: String(offset + 1),
    }));
    try {
      await this.consumer.commitOffsets(offsets);
    } catch (error) {
      // A rebalance took the partition away: the rows are stored and their watermarks make the redelivery a no-op.
      this.deps.logger.warn({ err: error, partitions: offsets.length }, 'offset commit failed after insert');
    }
  }
}
