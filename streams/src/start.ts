// Composes one streams instance from its config; the embedded launcher and the bin both call this.
import type { ClickHouseClient } from '@clickhouse/client';
import { acquireClickHouse, migrate } from '@citybrain/schemas/clickhouse';
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { createKafka, keyedProducer, startHealthServer } from '@citybrain/service-kit';
import type { Kafka } from 'kafkajs';
import { pino, type Logger } from 'pino';
import type { StreamsConfig } from './config.js';
import { StreamsConsumer, STREAM_SOURCE_TOPICS } from './consumer/streams-consumer.js';
import { parseCommitMetadata } from './consumer/offsets.js';
import { StreamEngine } from './engine.js';
import { Locator } from './input/locate.js';
import { LivePublisher } from './live/publisher.js';
import { createStreamsMetrics, type StreamsMetrics } from './metrics.js';
import { AlertSink } from './sinks/alert-sink.js';
import { loadLiveAlerts } from './sinks/restore.js';
import { SubjectCatalog } from './subjects/catalog.js';

export interface StreamsDeps {
  logger?: Logger;
  /** A ClickHouse client owned by the caller (the launcher's shared one); otherwise acquired from config. */
  clickhouse?: ClickHouseClient;
  kafka?: Kafka;
  /** Wall clock (epoch ms): escalation, live ticks, partition idleness. */
  now?: () => number;
}

export interface RunningStreams {
  readonly healthUrl: string;
  readonly metrics: StreamsMetrics;
  readonly engine: StreamEngine;
  stop(): Promise<void>;
}

const TICK_MS = 1_000;
const COMMIT_INTERVAL_MS = 1_000;
const FULL_LIVE_EVERY_MS = 60_000;

export async function start(config: StreamsConfig, deps: StreamsDeps = {}): Promise<RunningStreams> {
  const logger = (deps.logger ?? pino({ level: config.logLevel })).child({ service: 'streams' });
  const now = deps.now ?? Date.now;
  const districts = new DistrictIndex(loadDistricts(config.districtsFile));
  const catalog = new SubjectCatalog(districts);
  // Shared per data path: in embedded mode ingest, streams and web hold the same chDB client (DESIGN §3).
  const clickhouse = deps.clickhouse
    ? { client: deps.clickhouse, release: () => Promise.resolve() }
    : acquireClickHouse(config.clickhouse);
  const shutdown = new AbortController();
  try {
    await migrate(clickhouse.client);
    const engine = new StreamEngine({
      rules: config.rules,
      catalog,
      windowMs: config.windowMs,
      allowedLatenessMs: config.allowedLatenessMs,
      idleMs: config.idlePartitionMs,
      staleMs: config.staleMs,
      now,
    });
    const kafka = deps.kafka ?? createKafka(config.kafkaBrokers, 'citybrain-streams', logger);
    const metrics = createStreamsMetrics();
    const producer = keyedProducer(kafka, { allowAutoTopicCreation: true, idempotent: false });
    await producer.connect();
    const sink = new AlertSink({
      clickhouse: clickhouse.client,
      producer,
      logger,
      metrics,
      signal: shutdown.signal,
      now,
    });

    const restored = await loadLiveAlerts(clickhouse.client);
    engine.restore(restored.alerts);
    for (const [alertId, hash] of restored.lastHashes) sink.chain.restore(alertId, hash);
    const closedUpTo = await committedClosedUpTo(kafka, config.groupId);
    if (closedUpTo !== undefined) engine.resumeAfter(closedUpTo);
    metrics.activeAlerts.set(engine.book.size);
    logger.info(
      {
        alerts: restored.alerts.length,
        rules: config.rules.rules.length,
        resumeAfter: closedUpTo && new Date(closedUpTo).toISOString(),
      },
      'alert state restored',
    );

    const locator = new Locator(districts);
    const consumer = new StreamsConsumer(
      { kafka, engine, sink, locator, metrics, logger, now },
      { groupId: config.groupId, commitIntervalMs: COMMIT_INTERVAL_MS },
    );
    await consumer.start();
    const live = new LivePublisher(
      { engine, producer, metrics, logger, now },
      { topN: config.live.topN, fullEveryMs: FULL_LIVE_EVERY_MS },
    );

    let ticking = false;
    const tick = setInterval(() => {
      if (ticking) return;
      ticking = true;
      // Wall-clock work that must happen even while no event arrives: escalations, and closing windows once
      // the partitions holding the watermark have gone idle.
      void sink
        .write(engine.escalate())
        .then(() => consumer.flush())
        .catch((error: unknown) => logger.warn({ err: error }, 'periodic flush abandoned'))
        .finally(() => (ticking = false));
    }, TICK_MS);
    const liveTimer = setInterval(() => void live.publish(), config.live.intervalMs);
    const health = await startHealthServer(config.http, metrics.registry, () => ({
      ok: !sink.degraded,
      details: {
        alerts: engine.book.size,
        watermark: engine.watermark.value,
        sink: sink.degraded ? 'retrying' : 'ok',
      },
    }));
    logger.info(
      { brokers: config.kafkaBrokers, health: health.url, windowMs: config.windowMs },
      'streams running',
    );

    return {
      healthUrl: health.url,
      metrics,
      engine,
      stop: async () => {
        logger.info('streams draining');
        clearInterval(tick);
        clearInterval(liveTimer);
        await consumer.stop();
        shutdown.abort();
        await producer.disconnect();
        await health.close();
        await clickhouse.release();
        logger.info('streams stopped');
      },
    };
  } catch (error) {
    shutdown.abort();
    await clickhouse.release();
    throw error;
  }
}

/** The end of the last window closed before a restart, from the group's commit metadata. */
async function committedClosedUpTo(kafka: Kafka, groupId: string): Promise<number | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.fetchOffsets({ groupId, topics: [...STREAM_SOURCE_TOPICS] }).catch(() => []);
    let latest: number | undefined;
    for (const topic of topics) {
      for (const partition of topic.partitions) {
        const meta = parseCommitMetadata(partition.metadata);
        if (meta && (latest === undefined || meta.closedUpTo > latest)) latest = meta.closedUpTo;
      }
    }
    return latest;
  } finally {
    await admin.disconnect();
  }
}
