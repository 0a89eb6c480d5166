// Embedded mode (DESIGN §3): one process runs the mock Kafka host, ingest, streams, web and the simulator,
// sharing one chDB client (chDB binds one data directory per process).
import { startKafkaMock, type KafkaMock } from '@citybrain/devstack';
import { loadIngestConfig, start as startIngest } from '@citybrain/ingest';
import { startSimulator } from '@citybrain/ingest/simulator';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import { createKafka } from '@citybrain/service-kit';
import { loadStreamsConfig, start as startStreams } from '@citybrain/streams';
import { ensureDemoAccounts, loadWebConfig, start as startWeb } from '@citybrain/web';
import type { Logger } from 'pino';
import type { LauncherConfig } from './config.js';

export interface RunningSystem {
  readonly brokers: string[];
  readonly urls: Record<string, string>;
  /** The demo accounts' passwords (sign in at /login). */
  readonly demoCredentialsFile: string;
  stop(): Promise<void>;
}

type Stoppable = { stop(): Promise<void> };

export async function startEmbedded(config: LauncherConfig, logger: Logger): Promise<RunningSystem> {
  const started: Stoppable[] = [];
  const stopAll = async (): Promise<void> => {
    // Reverse order: producers stop before the consumers drain, Kafka goes last.
    for (const service of started.reverse()) {
      try {
        await service.stop();
      } catch (error) {
        logger.error({ err: error }, 'error while stopping a service');
      }
    }
  };
  try {
    let mock: KafkaMock | undefined;
    if (config.kafkaBrokers === null) {
      // Its own process group: Ctrl-C in the terminal must not take Kafka away while ingest and streams
      // drain and commit; stopAll stops it last.
      mock = await startKafkaMock({ ownProcessGroup: true });
      started.push(mock);
      logger.info({ brokers: mock.brokers }, 'mock Kafka cluster started (librdkafka via kcat)');
    }
    const brokers = mock?.brokers ?? (config.kafkaBrokers ?? '').split(',');
    const serviceEnv = { ...config.serviceEnv, KAFKA_BROKERS: brokers.join(',') };

    const ingestConfig = loadIngestConfig(serviceEnv);
    const streamsConfig = loadStreamsConfig(serviceEnv);
    const webConfig = loadWebConfig(serviceEnv);
    // One ClickHouse client for every service: chDB binds one data directory per process.
    const clickhouse = acquireClickHouse(ingestConfig.clickhouse);
    started.push({ stop: () => clickhouse.release() });

    const ingest = await startIngest(ingestConfig, { logger, clickhouse: clickhouse.client });
    started.push(ingest);
    const streams = await startStreams(streamsConfig, { logger, clickhouse: clickhouse.client });
    started.push(streams);
    // Before the simulator, so the wall's feed is consuming when the first events flow; web's Next.js
    // route handlers query through this same shared client.
    // Embedded mode is a demo on one machine: it brings its own accounts (passwords in a file beside the
    // data) and a sign-in link for the city wall. A deployment manages accounts with the `users` CLI.
    const demo = await ensureDemoAccounts(webConfig.auth);
    const web = await startWeb(webConfig, { logger, clickhouse: clickhouse.client });
    started.push(web);

    if (config.simulator.enabled) {
      const simulator = await startSimulator({
        kafka: createKafka(brokers, 'citybrain-simulator', logger),
        logger,
        ...config.simulator,
      });
      started.push(simulator);
    }
    return {
      brokers,
      demoCredentialsFile: demo.credentialsFile,
      urls: {
        'wall (sign-in link)': `${web.url}${demo.wallLinkPath}`,
        'duty console': `${web.url}/duty`,
        'district wall': `${web.url}/wall/440305`,
        'ingest health': `${ingest.healthUrl}/health`,
        'ingest metrics': `${ingest.healthUrl}/metrics`,
        'streams health': `${streams.healthUrl}/health`,
        'streams metrics': `${streams.healthUrl}/metrics`,
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
