// ClickHouse unreachable for a while: nothing committed, nothing lost, everything inserted once it returns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { acquireClickHouse, type SharedClickHouse } from '@citybrain/schemas/clickhouse';
import { SOURCE_TOPICS, TOPICS } from '@citybrain/schemas/topics';
import { startKafkaMock, type KafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIngestConfig, start } from '../src/index.js';
import { freePort, metricSum } from '@citybrain/devstack/testing';
import { countRows } from './support/clickhouse.js';
import { consumerLag, produceJson, testKafka, waitForNoLag } from './support/kafka.js';
import { sensorReadings, trafficFlows } from './support/events.js';

/**
 * A client whose inserts go to a real @clickhouse/client pointed at a closed port while `down` holds
 * (the genuine ECONNREFUSED path), and to the real chDB engine otherwise. Ingest sends its already encoded
 * rows with `exec` to any client that is not a chDB client opened by acquireClickHouse, as this proxy is.
 */
function switchableInserts(
  healthy: ClickHouseClient,
  unreachable: ClickHouseClient,
  down: () => boolean,
): ClickHouseClient {
  return new Proxy(healthy, {
    get(target, property, receiver) {
      if (property === 'insert') {
        const insert: ClickHouseClient['insert'] = (params) => (down() ? unreachable : target).insert(params);
        return insert;
      }
      if (property === 'exec') {
        const exec: ClickHouseClient['exec'] = (params) => (down() ? unreachable : target).exec(params);
        return exec;
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('ingest during a ClickHouse outage', () => {
  let mock: KafkaMock;
  let dataDir: string;
  let clickhouse: SharedClickHouse;
  let unreachable: ClickHouseClient;

  beforeAll(async () => {
    mock = await startKafkaMock();
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-outage-'));
    clickhouse = acquireClickHouse({ kind: 'chdb', path: join(dataDir, 'chdb') });
    unreachable = createClient({ url: `http://127.0.0.1:${await freePort()}`, request_timeout: 2_000 });
  });

  afterAll(async () => {
    await unreachable.close();
    await clickhouse.release();
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('commits nothing while inserts fail and stores everything once ClickHouse is back', async () => {
    let down = false; // up for start-up (migrations), then unreachable
    const groupId = uniqueName('ingest');
    const config = loadIngestConfig({
      KAFKA_BROKERS: mock.brokers.join(','),
      DATA_DIR: dataDir,
      INGEST_GROUP_ID: groupId,
      INGEST_HTTP_PORT: '0',
    });
    const ingest = await start(config, {
      logger: silentLogger(),
      clickhouse: switchableInserts(clickhouse.client, unreachable, () => down),
    });
    down = true;
    const kafka = testKafka(mock.brokers);
    const producer = kafka.producer();
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    try {
      const run = uniqueName('outage');
      await produceJson(producer, TOPICS.sensorReadings, sensorReadings(run, 2_000), () => 'k');
      await produceJson(
        producer,
        TOPICS.trafficFlow,
        trafficFlows(run, 1_000),
        (e) => (e as { segmentId: string }).segmentId,
      );

      await waitFor(
        () => metricSum(ingest.healthUrl, 'citybrain_ingest_insert_retries_total'),
        (n) => n >= 3,
        {
          what: 'inserts to fail and be retried',
        },
      );
      expect(await consumerLag(admin, groupId, SOURCE_TOPICS)).toBe(3_000); // nothing committed
      expect(await countRows(clickhouse.client, 'sensor_readings')).toBe(0);
      const health = await fetch(`${ingest.healthUrl}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', clickhouse: 'retrying' });

      down = false;
      await waitForNoLag(admin, groupId, SOURCE_TOPICS);
      expect(await countRows(clickhouse.client, 'sensor_readings')).toBe(2_000);
      expect(await countRows(clickhouse.client, 'traffic_flow')).toBe(1_000);
      expect((await fetch(`${ingest.healthUrl}/health`)).status).toBe(200);
    } finally {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
      await ingest.stop();
    }
  });
});
