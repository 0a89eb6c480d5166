// The consumer group `streams`: source events and officers' actions in, alert changes out. A batch is
// processed synchronously through the engine; the changes it produced are written (ClickHouse, then
// city.alerts.v1) before any offset that covers them is committed.
import { alertAction } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { StreamEngine } from '../engine.js';
import { decodeSourceEvents } from '../input/decode.js';
import type { Locator } from '../input/locate.js';
import type { StreamsMetrics } from '../metrics.js';
import type { AlertSink } from '../sinks/alert-sink.js';
import { OffsetTracker, sourceKey, type PartitionOffset } from './offsets.js';

/** What streams reads for windows: the four agency feeds and FIWARE NGSI-LD entities. */
export const STREAM_SOURCE_TOPICS = [
  TOPICS.sensorReadings,
  TOPICS.crowdHeat,
  TOPICS.trafficFlow,
  TOPICS.trafficIncidents,
  TOPICS.ngsiLd,
] as const;

export interface StreamsConsumerDeps {
  kafka: Kafka;
  engine: StreamEngine;
  sink: AlertSink;
  locator: Locator;
  metrics: StreamsMetrics;
  logger: Logger;
  now: () => number;
}

export interface StreamsConsumerOptions {
  groupId: string;
  commitIntervalMs: number;
}

export class StreamsConsumer {
  private readonly consumer: Consumer;
  private readonly offsets = new OffsetTracker();
  private lastCommitMs = 0;
  private draining = false;
  private batchInProgress: Promise<void> | undefined;

  constructor(
    private readonly deps: StreamsConsumerDeps,
    private readonly options: StreamsConsumerOptions,
  ) {
    // A short fetch wait: alert latency is the product here (and an officer's action waits on it), and
    // librdkafka's mock broker answers a fetch only when the wait expires rather than when data arrives. A
    // real broker answers as soon as data arrives, so the wait only bounds idle polling there.
    this.consumer = deps.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: true,
      maxWaitTimeInMs: 50,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.offsets.reset();
      const sources = Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) =>
        (STREAM_SOURCE_TOPICS as readonly string[]).includes(topic)
          ? partitions.map((p) => sourceKey(topic, p))
          : [],
      );
      this.deps.engine.assign(sources);
      this.deps.logger.info(
        { groupId: this.options.groupId, partitions: sources.length },
        'joined the streams group',
      );
    });
    // From the beginning: a new group must not miss what was produced while it joined (the mock keeps ~24k
    // messages per partition; a real cluster's retention bounds the first replay).
    await this.consumer.subscribe({
      topics: [...STREAM_SOURCE_TOPICS, TOPICS.alertActions],
      fromBeginning: true,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.trackBatch(payload),
    });
  }

  /** Stops taking messages, writes and commits what was processed, then leaves the group. */
  async stop(): Promise<void> {
    this.draining = true;
    await this.batchInProgress;
    try {
      await this.flush(true);
    } catch (error) {
      this.deps.logger.warn(
        { err: error },
        'stopped before the last changes were written; they will be replayed',
      );
    }
    await this.consumer.disconnect();
  }

  /**
   * Closes due windows, writes every pending change, then commits. The offsets are chosen in the same
   * synchronous step as the changes are queued, so a commit never covers a window whose alerts are unwritten.
   */
  async flush(force = false): Promise<void> {
    const engine = this.deps.engine;
    const { changes, windowsClosed, watermarkMs } = engine.advance();
    this.deps.metrics.windowsClosed.inc(windowsClosed);
    if (Number.isFinite(watermarkMs)) this.deps.metrics.watermark.set(watermarkMs / 1000);
    const nowMs = this.deps.now();
    const commitNow = force || nowMs - this.lastCommitMs >= this.options.commitIntervalMs;
    const due = commitNow ? this.offsets.due(engine.windows.openMinOffsets(), engine.windows.closedUpTo) : [];
    if (commitNow) this.lastCommitMs = nowMs;
    await this.deps.sink.write(changes);
    this.deps.metrics.activeAlerts.set(engine.book.size);
    if (due.length > 0) await this.commit(due);
  }

  private trackBatch(payload: EachBatchPayload): Promise<void> {
    const run = this.handleBatch(payload);
    this.batchInProgress = run.catch(() => undefined);
    return run;
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    if (this.draining) return;
    const { topic, partition } = payload.batch;
    const key = sourceKey(topic, partition);
    const nowMs = this.deps.now();
    // Synchronous from here to the flush: no timer or other batch interleaves with the engine mid-batch.
    for (const message of payload.batch.messages) {
      if (!payload.isRunning() || payload.isStale()) break;
      const offset = Number(message.offset);
      if (topic === TOPICS.alertActions) this.handleAction(message, partition);
      else this.handleSource(topic, key, offset, message, nowMs);
      this.offsets.markProcessed(key, offset);
      payload.resolveOffset(message.offset);
    }
    if (topic !== TOPICS.alertActions) {
      const last = Number(payload.batch.lastOffset());
      this.deps.engine.watermark.markCaughtUp(key, last + 1 >= Number(payload.batch.highWatermark));
    }
    const started = process.hrtime.bigint();
    await this.flush();
    this.deps.metrics.evaluationSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    await payload.heartbeat();
  }

  private handleSource(
    topic: string,
    key: string,
    offset: number,
    message: KafkaMessage,
    nowMs: number,
  ): void {
    for (const decoded of decodeSourceEvents(topic, message.value, this.deps.locator, nowMs)) {
      if (!decoded.ok) {
        this.deps.metrics.events.inc({ topic, outcome: decoded.reason });
        continue;
      }
      const outcome = this.deps.engine.observe(decoded.observation, { key, offset });
      this.deps.metrics.events.inc({ topic, outcome });
    }
  }

  private handleAction(message: KafkaMessage, partition: number): void {
    let payload: unknown;
    try {
      payload = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      payload = undefined;
    }
    const parsed = alertAction.safeParse(payload);
    const context = { topic: TOPICS.alertActions, partition, offset: message.offset };
    if (!parsed.success) {
      this.deps.metrics.actions.inc({ type: 'unknown', outcome: 'invalid' });
      this.deps.logger.warn(
        { ...context, issues: parsed.error.issues.length },
        'alert action refused: invalid',
      );
      return;
    }
    const action = parsed.data;
    const result = this.deps.engine.applyAction(action);
    this.deps.metrics.actions.inc({ type: action.type, outcome: result.ok ? 'applied' : result.reason });
    if (!result.ok) {
      this.deps.logger.warn(
        {
          ...context,
          alertId: action.alertId,
          actionId: action.id,
          version: action.version,
          reason: result.reason,
          detail: result.detail,
        },
        'alert action refused',
      );
    }
  }

  private async commit(due: PartitionOffset[]): Promise<void> {
    try {
      await this.consumer.commitOffsets(due);
      this.offsets.markCommitted(due);
    } catch (error) {
      // A rebalance took partitions away; the next owner replays from the last commit, which is safe.
      this.deps.logger.warn({ err: error, partitions: due.length }, 'offset commit failed');
    }
  }
}
