// kill -9 of the ingest process mid-stream, restart, counts exact (DESIGN §5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import { SOURCE_TOPICS, TOPICS } from '@citybrain/schemas/topics';
import { startKafkaMock, type KafkaMock } from '@citybrain/devstack';
import { uniqueName, waitFor } from '@citybrain/devstack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, metricSum } from '@citybrain/devstack/testing';
import { spawnIngest } from './support/child-ingest.js';
import { countRows } from './support/clickhouse.js';
import { crowdHeats, malformedCorpus, sensorReadings, trafficFlows } from './support/events.js';
import { produceJson, produceRaw, testKafka, waitForNoLag } from './support/kafka.js';

describe('ingest survives kill -9', () => {
  let mock: KafkaMock;
  let dataDir: string;

  beforeAll(async () => {
    mock = await startKafkaMock();
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-crash-'));
  });

  afterAll(async () => {
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every event exactly once after a SIGKILL and a restart', async () => {
    const env = {
      KAFKA_BROKERS: mock.brokers.join(','),
      CHDB_PATH: join(dataDir, 'chdb'),
      DATA_DIR: dataDir,
      INGEST_GROUP_ID: uniqueName('ingest'),
      INGEST_BATCH_ROWS: '1000',
      INGEST_FLUSH_MS: '200',
    };
    const kafka = testKafka(mock.brokers);
    const producer = kafka.producer();
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    const run = uniqueName('crash');
    const rounds = 12;
    const perRound = { sensors: 1_000, crowd: 1_000, flows: 1_000 };
    const corpus = malformedCorpus(run);

    const first = await spawnIngest(env);
    // Keep producing while ingest inserts, and kill it once some (not all) rows are in.
    let produced = 0;
    const producing = (async () => {
      for (let round = 0; round < rounds; round++) {
        const prefix = `${run}-${round}`;
        await produceJson(
          producer,
          TOPICS.sensorReadings,
          sensorReadings(prefix, perRound.sensors),
          (e) => (e as { sensorId: string }).sensorId,
        );
        await produceJson(
          producer,
          TOPICS.crowdHeat,
          crowdHeats(prefix, perRound.crowd),
          (e) => (e as { id: string }).id,
        );
        await produceJson(
          producer,
          TOPICS.trafficFlow,
          trafficFlows(prefix, perRound.flows),
          (e) => (e as { segmentId: string }).segmentId,
        );
        if (round === 3)
          for (const bad of corpus)
            await produceRaw(producer, bad.topic, [{ key: bad.name, value: bad.value }]);
        produced = round + 1;
      }
    })();
    await waitFor(
      () => metricSum(first.healthUrl, 'citybrain_ingest_rows_inserted_total'),
      (n) => n >= 3_000,
      {
        timeoutMs: 90_000,
        what: 'the first ingest process to insert some rows',
      },
    );
    first.process.kill('SIGKILL');
    expect(await exited(first.process)).toBeNull(); // killed by the signal, not exited
    await producing;
    expect(produced).toBe(rounds);

    const second = await spawnIngest(env);
    await waitForNoLag(admin, env.INGEST_GROUP_ID, SOURCE_TOPICS, 120_000);
    second.process.kill('SIGTERM');
    expect(await exited(second.process), second.stderr()).toBe(0);
    await Promise.all([producer.disconnect(), admin.disconnect()]);

    // Read the data only once the service is stopped: chDB allows one process per data directory.
    const clickhouse = acquireClickHouse({ kind: 'chdb', path: env.CHDB_PATH });
    try {
      expect(await countRows(clickhouse.client, 'sensor_readings')).toBe(rounds * perRound.sensors);
      expect(await countRows(clickhouse.client, 'crowd_heat')).toBe(rounds * perRound.crowd);
      expect(await countRows(clickhouse.client, 'traffic_flow')).toBe(rounds * perRound.flows);
      expect(await countRows(clickhouse.client, 'dead_letters')).toBe(corpus.length);
    } finally {
      await clickhouse.release();
    }
  });
});
