// The embedded parts a web integration or end-to-end test runs against: a data directory, librdkafka's mock
// cluster, a web config over both (port 0, silent logs), chDB and a connected Kafka producer. Each part is
// added to the test's cleanup list as it starts; the test runs that list in reverse in afterAll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKafkaMock } from '@citybrain/devstack';
import { acquireClickHouse, type SharedClickHouse } from '@citybrain/schemas/clickhouse';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { loadWebConfig, type WebConfig } from '../src/config.js';

export type Cleanup = () => Promise<void> | void;

export interface WebTestParts {
  config: WebConfig;
  clickhouse: SharedClickHouse;
  kafka: Kafka;
  producer: Producer;
}

/**
 * Starts the parts for a test called `name` (the temp directory's and the Kafka client's name). `env` adds
 * to or overrides the web configuration (WEB_MODE, action limits…).
 */
export async function startWebTestParts(
  name: string,
  env: Record<string, string>,
  cleanup: Cleanup[],
): Promise<WebTestParts> {
  const dataDir = mkdtempSync(join(tmpdir(), `citybrain-${name}-`));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const kafkaMock = await startKafkaMock();
  cleanup.push(() => kafkaMock.stop());
  const config = loadWebConfig({
    KAFKA_BROKERS: kafkaMock.brokers.join(','),
    CHDB_PATH: join(dataDir, 'chdb'),
    DATA_DIR: dataDir,
    WEB_PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const clickhouse = acquireClickHouse(config.clickhouse);
  cleanup.push(() => clickhouse.release());
  const kafka = new Kafka({ clientId: name, brokers: kafkaMock.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  cleanup.push(() => producer.disconnect());
  return { config, clickhouse, kafka, producer };
}
