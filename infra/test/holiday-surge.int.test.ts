// The whole embedded system (mock Kafka, chDB, ingest, streams, simulator) running the holiday-surge
// scenario: streams must warn about Shenzhen Bay Park with a forecast ETA before its count reaches capacity.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertEvent, type AlertEvent } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLauncherConfig } from '../src/config.js';
import { startEmbedded, type RunningSystem } from '../src/launcher.js';

const RED_OCCUPANCY = 100; // % of capacity: the red threshold of the crowd-venue-occupancy rule

describe('embedded system: holiday surge at Shenzhen Bay Park', () => {
  let dataDir: string;
  let system: RunningSystem;
  let consumer: Consumer;
  const parkEvents: AlertEvent[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-surge-'));
    const config = loadLauncherConfig({
      CHDB_PATH: join(dataDir, 'chdb'),
      DATA_DIR: dataDir,
      INGEST_HTTP_PORT: '0',
      STREAMS_HTTP_PORT: '0',
      WEB_PORT: '0',
      SIM_SCENARIO: 'holiday-surge',
      SIM_SEED: '42',
      // Two simulated minutes per second: the ~30-minute surge takes ~15 s.
      SIM_SPEED: '120',
      SIM_RATE: '4000',
      LOG_LEVEL: 'silent',
    });
    system = await startEmbedded(config, silentLogger());
    const kafka = new Kafka({ clientId: 'surge-test', brokers: system.brokers, logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: uniqueName('surge-test'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.alerts, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const parsed = alertEvent.safeParse(JSON.parse(String(message.value)));
        if (
          parsed.success &&
          parsed.data.alert.ruleId === 'crowd-venue-occupancy' &&
          String(parsed.data.alert.evidence.subject).includes('shenzhen-bay-park')
        ) {
          parkEvents.push(parsed.data);
        }
        return Promise.resolve();
      },
    });
  });

  afterAll(async () => {
    await consumer.disconnect();
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('warns with a forecast before the park reaches capacity, then goes red', async () => {
    await waitFor(
      () => parkEvents.length,
      () => parkEvents.some((e) => e.alert.metric.value >= RED_OCCUPANCY),
      { timeoutMs: 150_000, intervalMs: 250, what: 'Shenzhen Bay Park to reach capacity on city.alerts.v1' },
    );
    const first = parkEvents[0];
    const crossing = parkEvents.findIndex((e) => e.alert.metric.value >= RED_OCCUPANCY);
    // The early warning: yellow or orange, with a forecast ETA, while the count is still below capacity.
    const warning = parkEvents.findIndex(
      (e) =>
        ['yellow', 'orange'].includes(e.alert.level) &&
        e.alert.metric.forecast !== undefined &&
        e.alert.metric.value < RED_OCCUPANCY,
    );
    expect(first?.type).toBe('raised');
    expect(first?.alert.agencies).toEqual(
      expect.arrayContaining(['police', 'urban_management', 'venue_operator']),
    );
    expect(first?.alert.district).toBe('440305');
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(warning).toBeLessThan(crossing);
    const early = parkEvents[warning];
    const crossed = parkEvents[crossing];
    expect(Date.parse(early?.alert.metric.forecast?.eta ?? '')).toBeGreaterThan(
      Date.parse(early?.alert.updatedAt ?? ''),
    );
    // Earlier in event time too, not only on the topic.
    expect(Date.parse(early?.alert.updatedAt ?? '')).toBeLessThan(Date.parse(crossed?.alert.updatedAt ?? ''));
    // One alert for the park while the situation lasts.
    expect(new Set(parkEvents.map((e) => e.alert.alertId)).size).toBe(1);
  });
});
