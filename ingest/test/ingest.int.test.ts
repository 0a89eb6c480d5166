// kafkajs producer → mock Kafka → ingest → chDB: exact counts, dead letters, FIWARE mapping, no PII stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireClickHouse, type SharedClickHouse } from '@citybrain/schemas/clickhouse';
import { SOURCE_TOPICS, TOPICS } from '@citybrain/schemas/topics';
import { startKafkaMock, type KafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import type { Admin, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIngestConfig, start, type RunningIngest } from '../src/index.js';
import { countRows, selectAll, tableText } from './support/clickhouse.js';
import {
  crowdHeats,
  malformedCorpus,
  PII,
  sensorReadings,
  trafficFlows,
  trafficIncidents,
} from './support/events.js';
import { produceJson, produceRaw, testKafka, waitForNoLag } from './support/kafka.js';
import {
  airQualityNormalized,
  crowdFlowNormalized,
  notification,
  trafficFlowKeyValues,
} from './support/ngsi-examples.js';

describe('ingest: Kafka → ClickHouse', () => {
  let mock: KafkaMock;
  let dataDir: string;
  let ingest: RunningIngest;
  let producer: Producer;
  let admin: Admin;
  let clickhouse: SharedClickHouse;
  const groupId = uniqueName('ingest');
  const run = uniqueName('run');
  const corpus = malformedCorpus(run);

  beforeAll(async () => {
    mock = await startKafkaMock();
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-ingest-'));
    const config = loadIngestConfig({
      KAFKA_BROKERS: mock.brokers.join(','),
      CHDB_PATH: join(dataDir, 'chdb'),
      DATA_DIR: dataDir,
      INGEST_GROUP_ID: groupId,
      INGEST_HTTP_PORT: '0',
      INGEST_BATCH_ROWS: '500',
    });
    ingest = await start(config, { logger: silentLogger() });
    clickhouse = acquireClickHouse(config.clickhouse);
    const kafka = testKafka(mock.brokers);
    producer = kafka.producer();
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);

    const sensors = sensorReadings(run, 300);
    const crowd = crowdHeats(run, 300);
    const flows = trafficFlows(run, 200);
    const incidents = trafficIncidents(run, 50);
    await produceJson(producer, TOPICS.sensorReadings, sensors, (e) => (e as { sensorId: string }).sensorId);
    await produceJson(producer, TOPICS.crowdHeat, crowd, () => 'cell');
    await produceJson(producer, TOPICS.trafficFlow, flows, (e) => (e as { segmentId: string }).segmentId);
    await produceJson(
      producer,
      TOPICS.trafficIncidents,
      incidents,
      (e) => (e as { incidentId: string }).incidentId,
    );
    // A producer retry: the same 20 flow events sent again; they must not be stored twice.
    await produceJson(
      producer,
      TOPICS.trafficFlow,
      flows.slice(0, 20),
      (e) => (e as { segmentId: string }).segmentId,
    );
    await produceRaw(
      producer,
      TOPICS.ngsiLd,
      [
        crowdFlowNormalized(run),
        trafficFlowKeyValues(run),
        notification([airQualityNormalized(run), crowdFlowNormalized(`${run}-b`)]),
      ].map((value) => ({ key: 'ngsi', value: JSON.stringify(value) })),
    );
    for (const bad of corpus) await produceRaw(producer, bad.topic, [{ key: bad.name, value: bad.value }]);
    await waitForNoLag(admin, groupId, SOURCE_TOPICS);
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
    await ingest.stop();
    await clickhouse.release();
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every distinct valid event exactly once', async () => {
    const client = clickhouse.client;
    // 300 + 4 air-quality rows (pm25, pm10, no2, temperature) from the NGSI-LD notification
    expect(await countRows(client, 'sensor_readings')).toBe(304);
    expect(await countRows(client, 'crowd_heat')).toBe(302); // 300 + 2 CrowdFlowObserved
    expect(await countRows(client, 'traffic_flow')).toBe(201); // 200 (20 repeats dropped) + 1 TrafficFlowObserved
    expect(await countRows(client, 'traffic_incidents')).toBe(50);
  });

  it('normalizes location to H3 cell, district and venue', async () => {
    const rows = await selectAll<{ cell: string; district: string; venue_id: string }>(
      clickhouse.client,
      `SELECT DISTINCT cell, district, venue_id FROM crowd_heat WHERE source = 'police-heat'`,
    );
    expect(rows).toEqual([{ cell: '89411ca1e6fffff', district: '440305', venue_id: 'shenzhen-bay-park' }]);
    const flows = await selectAll<{ district: string }>(
      clickhouse.client,
      `SELECT DISTINCT district FROM traffic_flow`,
    );
    expect(flows.map((r) => r.district)).toEqual(['440304']);
  });

  it('dead-letters every malformed message with its reason and source position', async () => {
    const rows = await selectAll<{
      error_kind: string;
      reason: string;
      src_topic: string;
      src_offset: string;
    }>(
      clickhouse.client,
      `SELECT error_kind, reason, src_topic, src_offset FROM dead_letters ORDER BY src_topic, src_offset`,
    );
    expect(rows).toHaveLength(corpus.length);
    const kindsByTopic = (
      list: readonly { topic?: string; src_topic?: string; kind?: string; error_kind?: string }[],
    ) => list.map((r) => `${r.topic ?? r.src_topic}:${r.kind ?? r.error_kind}`).sort();
    expect(kindsByTopic(rows)).toEqual(kindsByTopic(corpus));
    for (const row of rows) expect(row.reason.length).toBeGreaterThan(5);
    const speed = rows.find((r) => r.reason.includes('speedKmh') && r.error_kind === 'out_of_range');
    expect(speed?.reason).toMatch(/speedKmh: Too big/);
    const unknown = rows.find((r) => r.error_kind === 'unsupported_type');
    expect(unknown?.reason).toContain('WasteContainer');
  });

  it('publishes dead letters to Kafka with the original bytes and the reason', async () => {
    const kafka = testKafka(mock.brokers);
    const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    const seen: { value: Buffer | null; reason: string; topic: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        seen.push({
          value: message.value,
          reason: String(message.headers?.['citybrain.reason'] ?? ''),
          topic: String(message.headers?.['citybrain.source-topic'] ?? ''),
        });
        return Promise.resolve();
      },
    });
    await waitFor(
      () => seen.length,
      (n) => n >= corpus.length,
      { what: 'dead letters on Kafka' },
    );
    await consumer.disconnect();
    expect(seen).toHaveLength(corpus.length);
    const gbk = corpus.find((c) => c.name === 'GBK bytes');
    expect(seen.some((s) => s.value !== null && gbk?.value && Buffer.compare(s.value, gbk.value) === 0)).toBe(
      true,
    );
    expect(seen.every((s) => s.reason !== '' && s.topic.startsWith('city.'))).toBe(true);
  });

  it('maps FIWARE NGSI-LD entities onto our tables', async () => {
    const air = await selectAll<{ kind: string; value: number; sensor_id: string; district: string }>(
      clickhouse.client,
      `SELECT kind, value, sensor_id, district FROM sensor_readings WHERE source != 'env-bureau' ORDER BY kind`,
    );
    expect(air.map((r) => [r.kind, r.value])).toEqual([
      ['air.no2', 41],
      ['air.pm10', 58],
      ['air.pm25', 35],
      ['temperature', 24.5],
    ]);
    expect(new Set(air.map((r) => r.district))).toEqual(new Set(['440304']));
    const flow = await selectAll<{ segment_id: string; speed_kmh: number; occupancy: number }>(
      clickhouse.client,
      `SELECT segment_id, speed_kmh, occupancy FROM traffic_flow WHERE source != 'traffic-detectors'`,
    );
    expect(flow).toEqual([{ segment_id: 'shennan-07', speed_kmh: 38.5, occupancy: 0.42 }]);
    const crowd = await selectAll<{ count: number; venue_id: string }>(
      clickhouse.client,
      `SELECT count, venue_id FROM crowd_heat WHERE source != 'police-heat'`,
    );
    expect(crowd).toEqual([
      { count: 1520, venue_id: 'shenzhen-bay-park' },
      { count: 1520, venue_id: 'shenzhen-bay-park' },
    ]);
  });

  it('stores no personal identifier anywhere, valid or dead-lettered', async () => {
    const tables = ['sensor_readings', 'crowd_heat', 'traffic_flow', 'traffic_incidents', 'dead_letters'];
    const text = (await Promise.all(tables.map((t) => tableText(clickhouse.client, t)))).join('\n');
    expect(text.length).toBeGreaterThan(10_000);
    for (const value of [...Object.values(PII), '李四', '86012345678901234', 'aa:bb:cc:dd:ee:ff']) {
      expect(text, `"${value}" must not be stored`).not.toContain(value);
    }
    const plates = await selectAll<{ plate_pseudonym: string }>(
      clickhouse.client,
      `SELECT DISTINCT plate_pseudonym FROM traffic_incidents`,
    );
    expect(plates).toHaveLength(1);
    expect(plates[0]?.plate_pseudonym).toMatch(/^plt_[\w-]{22}$/);
  });

  it('stores nothing twice when a consumer re-reads everything (committed offsets lost)', async () => {
    // A new group starts from the beginning of every topic, as after a crash before any commit:
    // the offset watermarks stored with the rows must turn the whole redelivery into a no-op.
    const replayGroup = uniqueName('replay');
    const replay = await start(
      loadIngestConfig({
        KAFKA_BROKERS: mock.brokers.join(','),
        CHDB_PATH: join(dataDir, 'chdb'),
        DATA_DIR: dataDir,
        INGEST_GROUP_ID: replayGroup,
        INGEST_HTTP_PORT: '0',
      }),
      { logger: silentLogger() },
    );
    try {
      await waitForNoLag(admin, replayGroup, SOURCE_TOPICS);
      const metrics = await (await fetch(`${replay.healthUrl}/metrics`)).text();
      expect(metrics).not.toMatch(/citybrain_ingest_rows_inserted_total\{/);
      expect(metrics).toMatch(
        /citybrain_ingest_duplicates_skipped_total\{table="sensor_readings",reason="redelivered"\} 304/,
      );
    } finally {
      await replay.stop();
    }
    expect(await countRows(clickhouse.client, 'sensor_readings')).toBe(304);
    expect(await countRows(clickhouse.client, 'traffic_flow')).toBe(201);
    expect(await countRows(clickhouse.client, 'dead_letters')).toBe(corpus.length);
  });

  it('reports health and Prometheus metrics', async () => {
    const health = await fetch(`${ingest.healthUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', clickhouse: 'ok' });
    const metrics = await (await fetch(`${ingest.healthUrl}/metrics`)).text();
    expect(metrics).toMatch(/citybrain_ingest_rows_inserted_total\{table="crowd_heat"\} 302/);
    expect(metrics).toMatch(
      /citybrain_ingest_duplicates_skipped_total\{table="traffic_flow",reason="repeated_id"\} 20/,
    );
  });
});
