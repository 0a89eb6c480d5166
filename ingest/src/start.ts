// Composes one ingest instance from its config; the embedded launcher and the bin both call this.
import type { ClickHouseClient } from '@clickhouse/client';
import { acquireClickHouse, migrate } from '@citybrain/schemas/clickhouse';
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import type { Kafka } from 'kafkajs';
import { pino, type Logger } from 'pino';
import type { IngestConfig } from './config.js';
import { createKafka, startHealthServer } from '@citybrain/service-kit';
import { IngestConsumer } from './ingest-consumer.js';
import { createIngestMetrics, type IngestMetrics } from './metrics.js';
import { createMessageProcessor } from './pipeline/process-message.js';
import { createPseudonymizer } from './pipeline/pseudonym.js';
import { loadOrCreatePseudonymKey } from './pseudonym-key.js';

export interface IngestDeps {
  logger?: Logger;
  /** A ClickHouse client owned by the caller (the launcher's shared one); otherwise acquired from config. */
  clickhouse?: ClickHouseClient;
  kafka?: Kafka;
  now?: () => number;
}

export interface RunningIngest {
  readonly healthUrl: string;
  readonly metrics: IngestMetrics;
  stop(): Promise<void>;
}

export async function start(config: IngestConfig, deps: IngestDeps = {}): Promise<RunningIngest> {
  const logger = (deps.logger ?? pino({ level: config.logLevel })).child({ service: 'ingest' });
  const now = deps.now ?? Date.now;
  const districts = new DistrictIndex(loadDistricts(config.districtsFile));
  logger.info({ districts: districts.districts.length, cells: districts.cellCount }, 'district index ready');

  const clickhouse = deps.clickhouse
    ? { client: deps.clickhouse, release: () => Promise.resolve() }
    : acquireClickHouse(config.clickhouse);
  try {
    const applied = await migrate(clickhouse.client);
    logger.info({ target: config.clickhouse.kind, applied }, 'ClickHouse schema ready');

    const kafka = deps.kafka ?? createKafka(config.kafkaBrokers, 'citybrain-ingest', logger);
    const admin = kafka.admin();
    await admin.connect();
    const { clusterId } = await admin.describeCluster();
    await admin.disconnect();

    const pseudonymize = createPseudonymizer(loadOrCreatePseudonymKey(config.pseudonymKey, config.dataDir));
    const metrics = createIngestMetrics();
    const consumer = new IngestConsumer(
      {
        kafka,
        clusterId,
        clickhouse: clickhouse.client,
        processMessage: createMessageProcessor({ districts, bbox: config.bbox, pseudonymize }),
        pseudonymize,
        metrics,
        logger,
        now,
      },
      {
        groupId: config.groupId,
        batchRows: config.batchRows,
        flushIntervalMs: config.flushIntervalMs,
        recentIdsPerTable: 200_000,
      },
    );
    await consumer.start();
    const health = await startHealthServer(config.http, metrics.registry, () => ({
      ok: !consumer.degraded,
      details: { clickhouse: consumer.degraded ? 'retrying' : 'ok', kafkaCluster: clusterId },
    }));
    logger.info({ brokers: config.kafkaBrokers, clusterId, health: health.url }, 'ingest running');

    return {
      healthUrl: health.url,
      metrics,
      stop: async () => {
        logger.info('ingest draining');
        await consumer.stop();
        await health.close();
        await clickhouse.release();
        logger.info('ingest stopped');
      },
    };
  } catch (error) {
    await clickhouse.release();
    throw error;
  }
}
