// kill -9 of the streams process mid-surge, restart: the live alert is neither raised again nor forgotten,
// its versions go on without a gap or repeat, and its audit chain stays intact (DESIGN §5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import { TOPICS } from '@citybrain/schemas/topics';
import { startKafkaMock, type KafkaMock } from '@citybrain/devstack';
import { uniqueName, waitFor } from '@citybrain/devstack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type AuditRow } from '../src/alerts/audit-chain.js';
import { exited, metricSum } from '@citybrain/devstack/testing';
import { spawnStreams, type ChildStreams } from './support/child-streams.js';
import { collectAlerts, produceJson, testKafka } from './support/kafka.js';
import { MIN, surgeMinute } from './support/surge.js';

describe('streams survives kill -9', () => {
  let mock: KafkaMock;
  let dataDir: string;

  beforeAll(async () => {
    mock = await startKafkaMock();
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-streams-crash-'));
  });

  afterAll(async () => {
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('neither re-raises nor forgets the live alert after a SIGKILL and a restart', async () => {
    const env = {
      KAFKA_BROKERS: mock.brokers.join(','),
      CHDB_PATH: join(dataDir, 'chdb'),
      STREAMS_GROUP_ID: uniqueName('streams'),
      STREAMS_IDLE_PARTITION_MS: '3000',
    };
    const kafka = testKafka(mock.brokers);
    const producer = kafka.producer();
    await producer.connect();
    let minuteProduced = -1;
    const { received, consumer } = await collectAlerts(kafka, () => minuteProduced);
    const venue = () => received.filter((r) => r.event.alert.ruleId === 'crowd-venue-occupancy');
    const run = uniqueName('crash');
    const startMs = Math.floor((Date.now() - 3_600_000) / MIN) * MIN;

    const produceMinutes = async (
      from: number,
      to: number,
      child: ChildStreams | undefined,
      base: number,
    ) => {
      let produced = 0;
      for (let minute = from; minute < to; minute++) {
        const events = surgeMinute(startMs, minute, run);
        await produceJson(producer, TOPICS.crowdHeat, events, (e) => (e as { cell: string }).cell);
        produced += events.length;
        minuteProduced = minute;
        if (child) {
          await waitFor(
            () => metricSum(child.healthUrl, 'citybrain_streams_events_total'),
            (n) => n >= base + produced,
            {
              timeoutMs: 60_000,
              intervalMs: 50,
              what: `minute ${minute} consumed`,
            },
          );
        }
      }
    };

    const first = await spawnStreams(env);
    await produceMinutes(0, 13, first, 0);
    await waitFor(
      () => venue().length,
      (n) => n >= 3,
      { what: 'the early warning and its updates', timeoutMs: 60_000 },
    );
    first.process.kill('SIGKILL');
    expect(await exited(first.process)).toBeNull(); // killed by the signal
    const beforeRestart = venue().length;

    await produceMinutes(13, 16, undefined, 0); // produced while streams is down
    const second = await spawnStreams(env);
    await waitFor(
      () => metricSum(second.healthUrl, 'citybrain_streams_events_total'),
      (n) => n > 0,
      { timeoutMs: 60_000, what: 'the restarted process to consume' },
    );
    await produceMinutes(16, 26, second, 0);
    await waitFor(() => venue().some((r) => r.event.alert.level === 'red'), Boolean, {
      timeoutMs: 60_000,
      what: 'red after the restart',
    });
    second.process.kill('SIGTERM');
    expect(await exited(second.process), second.stderr()).toBe(0);
    await consumer.disconnect();
    await producer.disconnect();

    const alerts = venue();
    expect(alerts.length).toBeGreaterThan(beforeRestart); // not forgotten: updated after the restart
    expect(new Set(alerts.map((r) => r.event.alert.alertId)).size).toBe(1);
    expect(alerts.filter((r) => r.event.type === 'raised')).toHaveLength(1);
    const versions = alerts.map((r) => r.event.alert.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);

    // Read the data only once the service is stopped: chDB allows one process per data directory.
    const clickhouse = acquireClickHouse({ kind: 'chdb', path: env.CHDB_PATH });
    try {
      const id = alerts[0]?.event.alert.alertId ?? '';
      const stored = await clickhouse.client.query({
        query: `SELECT alert_id, level FROM alerts FINAL WHERE rule_id = 'crowd-venue-occupancy'`,
        format: 'JSONEachRow',
      });
      expect(await stored.json()).toEqual([{ alert_id: id, level: 'red' }]);
      const rows = await clickhouse.client.query({
        query: `SELECT * FROM alert_events WHERE alert_id = {id:String} ORDER BY version`,
        query_params: { id },
        format: 'JSONEachRow',
      });
      const chain = await rows.json<AuditRow>();
      expect(chain.map((r) => r.version)).toEqual(chain.map((_, i) => i + 1));
      expect(verifyChain(chain)).toBe(true);
    } finally {
      await clickhouse.release();
    }
  });
});
