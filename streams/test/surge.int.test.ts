// Mock Kafka + chDB + streams in process: a holiday surge at Shenzhen Bay Park, with malformed and late
// events mixed in, must yield an early warning with a forecast ETA before the park reaches capacity; the
// alerts land in ClickHouse with an intact audit chain; officers' actions apply with optimistic concurrency.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireClickHouse, type SharedClickHouse } from '@citybrain/schemas/clickhouse';
import { levelRank, liveAggregate, type AlertAction } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { startKafkaMock, type KafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import type { Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type AuditRow } from '../src/alerts/audit-chain.js';
import { loadStreamsConfig, start, type RunningStreams } from '../src/index.js';
import { collectAlerts, produceJson, testKafka, type ReceivedAlert } from './support/kafka.js';
import { must } from './support/must.js';
import { capacityMinute, MIN, surgeMinute } from './support/surge.js';

const MINUTES = 26;

async function counted(streams: RunningStreams): Promise<number> {
  const metric = await streams.metrics.events.get();
  return metric.values.reduce((sum, v) => sum + v.value, 0);
}

describe('streams: holiday surge at Shenzhen Bay Park', () => {
  let mock: KafkaMock;
  let dataDir: string;
  let streams: RunningStreams;
  let producer: Producer;
  let alertsReader: Consumer;
  let received: ReceivedAlert[];
  let clickhouse: SharedClickHouse;
  let minuteProduced = -1;
  const run = uniqueName('surge');
  // Event time starts an hour ago so the whole compressed surge lies in the past.
  const startMs = Math.floor((Date.now() - 3_600_000) / MIN) * MIN;

  beforeAll(async () => {
    mock = await startKafkaMock();
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-streams-'));
    const config = loadStreamsConfig({
      KAFKA_BROKERS: mock.brokers.join(','),
      CHDB_PATH: join(dataDir, 'chdb'),
      STREAMS_GROUP_ID: uniqueName('streams'),
      STREAMS_HTTP_PORT: '0',
      STREAMS_LIVE_INTERVAL_MS: '500',
      STREAMS_IDLE_PARTITION_MS: '3000',
    });
    streams = await start(config, { logger: silentLogger() });
    clickhouse = acquireClickHouse(config.clickhouse);
    const kafka = testKafka(mock.brokers);
    producer = kafka.producer();
    await producer.connect();
    ({ received, consumer: alertsReader } = await collectAlerts(kafka, () => minuteProduced));

    let produced = 0;
    for (let minute = 0; minute < MINUTES; minute++) {
      const events: object[] = surgeMinute(startMs, minute, run);
      if (minute === 12) events.push(...surgeMinute(startMs, 2, `${run}-late`).slice(0, 3)); // stragglers
      await produceJson(producer, TOPICS.crowdHeat, events, (e) => (e as { cell: string }).cell);
      produced += events.length;
      if (minute === 5) {
        await producer.send({
          topic: TOPICS.crowdHeat,
          messages: [
            { key: 'bad', value: '{"id": "x", "count": 4' },
            {
              key: 'bad',
              value: JSON.stringify({
                id: `${run}-nowhere`,
                ts: new Date(startMs).toISOString(),
                source: 't',
                count: 5,
              }),
            },
          ],
        });
        produced += 2;
      }
      minuteProduced = minute;
      // One simulated minute per loop: wait until streams has consumed it before producing the next.
      await waitFor(
        () => counted(streams),
        (n) => n >= produced,
        { timeoutMs: 30_000, intervalMs: 20, what: `minute ${minute} consumed` },
      );
    }
  }, 180_000);

  afterAll(async () => {
    await alertsReader.disconnect();
    await producer.disconnect();
    await streams.stop();
    await clickhouse.release();
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const venueAlerts = () => received.filter((r) => r.event.alert.ruleId === 'crowd-venue-occupancy');

  it('publishes a yellow or orange early warning with a forecast ETA before the count reaches capacity', async () => {
    await waitFor(() => venueAlerts().some((r) => r.event.alert.level === 'red'), Boolean, {
      what: 'the red update',
    });
    const early = must(
      venueAlerts().find(
        (r) =>
          r.event.alert.metric.forecast !== undefined &&
          levelRank(r.event.alert.level) >= levelRank('yellow'),
      ),
      'early warning',
    );
    expect(['yellow', 'orange']).toContain(early.event.alert.level);
    // Before the park filled up: by the minute being produced when it arrived, and by its own event time.
    expect(early.tag).toBeLessThan(capacityMinute());
    expect(Date.parse(early.event.alert.updatedAt)).toBeLessThan(startMs + capacityMinute() * MIN);
    expect(early.event.alert.metric.value).toBeLessThan(100);
    expect(Date.parse(must(early.event.alert.metric.forecast).eta)).toBeGreaterThan(
      Date.parse(early.event.alert.updatedAt),
    );
    expect(early.event.alert).toMatchObject({
      district: '440305',
      category: 'crowd',
      agencies: ['police', 'urban_management', 'venue_operator'],
      title: { en: expect.stringContaining('Shenzhen Bay Park') as string },
    });
    const red = must(venueAlerts().find((r) => r.event.alert.level === 'red'));
    expect(red.tag).toBeGreaterThanOrEqual(capacityMinute());
    expect(new Set(venueAlerts().map((r) => r.event.alert.alertId)).size).toBe(1);
    expect(venueAlerts().filter((r) => r.event.type === 'raised')).toHaveLength(1);
  });

  it('counted malformed and late events without stopping', async () => {
    const values = (await streams.metrics.events.get()).values;
    const outcome = (name: string) =>
      values.filter((v) => v.labels.outcome === name).reduce((s, v) => s + v.value, 0);
    expect(outcome('bad_json')).toBe(1);
    expect(outcome('invalid')).toBe(1);
    expect(outcome('late')).toBe(3);
  });

  /** Waits until the last windows closed (every partition idle) and Kafka carries the engine's latest version. */
  async function settled(alertId: string): Promise<number> {
    await waitFor(
      () => streams.engine.windows.openCount,
      (n) => n <= 1,
      { what: 'windows to close' },
    );
    const version = must(streams.engine.book.get(alertId)).version;
    await waitFor(
      () => venueAlerts().at(-1)?.event.alert.version,
      (v) => v === version,
      { what: 'the current version on Kafka' },
    );
    return version;
  }

  it('stores the latest state and a verifiable hash chain in ClickHouse', async () => {
    const id = must(venueAlerts()[0]).event.alert.alertId;
    await settled(id);
    await waitFor(
      async () => {
        const r = await clickhouse.client.query({
          query: `SELECT max(version) AS v FROM alert_events WHERE alert_id = {id:String}`,
          query_params: { id },
          format: 'JSONEachRow',
        });
        return Number((await r.json<{ v: number | string }>())[0]?.v ?? 0);
      },
      (v) => v >= must(venueAlerts().at(-1)).event.alert.version,
      { what: 'audit rows' },
    );
    const latest = await clickhouse.client.query({
      query: `SELECT alert_id, version, level, subject FROM alerts FINAL WHERE alert_id = {id:String}`,
      query_params: { id },
      format: 'JSONEachRow',
    });
    expect(await latest.json()).toEqual([
      {
        alert_id: id,
        version: must(venueAlerts().at(-1)).event.alert.version,
        level: 'red',
        subject: 'venue:shenzhen-bay-park',
      },
    ]);
    const rows = await clickhouse.client.query({
      query: `SELECT * FROM alert_events WHERE alert_id = {id:String} ORDER BY version`,
      query_params: { id },
      format: 'JSONEachRow',
    });
    const chain = await rows.json<AuditRow>();
    expect(chain.map((r) => r.version)).toEqual(chain.map((_, i) => i + 1));
    expect(verifyChain(chain)).toBe(true);
  });

  it('applies an action on the current version and refuses a stale one', async () => {
    const alertId = must(venueAlerts()[0]).event.alert.alertId;
    // Once settled no rule update races the officer.
    const current = { version: await settled(alertId) };
    const action = (id: string, version: number): AlertAction => ({
      id,
      alertId,
      version,
      type: 'ack',
      actor: 'officer-7',
      role: 'duty_officer',
      ts: new Date().toISOString(),
    });
    await produceJson(
      producer,
      TOPICS.alertActions,
      [action(`${run}-stale`, current.version - 1), action(`${run}-ack`, current.version)],
      () => alertId,
    );
    await waitFor(
      () => venueAlerts().at(-1)?.event.alert.status,
      (s) => s === 'acknowledged',
      { what: 'the acknowledgement' },
    );
    const last = must(venueAlerts().at(-1)).event;
    expect(last).toMatchObject({
      type: 'updated',
      alert: { version: current.version + 1, status: 'acknowledged' },
    });
    const actions = (await streams.metrics.actions.get()).values;
    expect(actions.find((v) => v.labels.outcome === 'stale_version')?.value).toBe(1);
    expect(actions.find((v) => v.labels.outcome === 'applied')?.value).toBe(1);
  });

  it('publishes browser-sized live aggregates per district', async () => {
    const kafka = testKafka(mock.brokers);
    const consumer = kafka.consumer({ groupId: uniqueName('live-reader'), maxWaitTimeInMs: 100 });
    const seen: unknown[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.live, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) =>
        Promise.resolve(void seen.push(JSON.parse(message.value?.toString() ?? 'null'))),
    });
    await waitFor(
      () => seen.length,
      (n) => n >= 2,
      { what: 'live messages' },
    );
    await consumer.disconnect();
    const messages = seen.map((m) => liveAggregate.parse(m));
    const nanshan = must(messages.filter((m) => m.district === '440305').at(-1));
    expect(nanshan.heat.length).toBeGreaterThan(10);
    expect(nanshan.kpis.people).toBeGreaterThan(50_000);
    expect(messages.some((m) => m.district === 'city')).toBe(true);
    expect(Math.max(...seen.map((m) => JSON.stringify(m).length))).toBeLessThan(64 * 1024);
  });
});
