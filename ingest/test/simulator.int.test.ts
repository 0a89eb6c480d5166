// The simulator against librdkafka's mock Kafka: the CLI as a user runs it, then the in-process API the
// embedded launcher uses. Events are read back with a kafkajs consumer and checked against the contracts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startKafkaMock, type KafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import { crowdHeat, sensorReading, trafficFlow, trafficIncident } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/simulator/index.js';
import { testKafka } from './support/kafka.js';

const SIMULATE_BIN = fileURLToPath(new URL('../src/bin/simulate.ts', import.meta.url));
const FEED_TOPICS = [
  TOPICS.crowdHeat,
  TOPICS.sensorReadings,
  TOPICS.trafficFlow,
  TOPICS.trafficIncidents,
] as const;
const VALIDATORS = {
  [TOPICS.crowdHeat]: crowdHeat,
  [TOPICS.sensorReadings]: sensorReading,
  [TOPICS.trafficFlow]: trafficFlow,
  [TOPICS.trafficIncidents]: trafficIncident,
} as const;

interface Received {
  topic: (typeof FEED_TOPICS)[number];
  key: string;
  value: { id: string; ts: string; [field: string]: unknown };
}

function runCli(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SIMULATE_BIN, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Reads the feed topics from the beginning until `enough` says so. */
async function readFeed(kafka: Kafka, enough: (received: Received[]) => boolean): Promise<Received[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('simulator-reader') });
  const received: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...FEED_TOPICS], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        received.push({
          topic: topic as Received['topic'],
          key: message.key?.toString() ?? '',
          value: JSON.parse(message.value?.toString() ?? 'null') as Received['value'],
        });
        await Promise.resolve();
      },
    });
    await waitFor(
      () => received.length,
      () => enough(received),
      { timeoutMs: 60_000, what: 'simulated events' },
    );
    return received;
  } finally {
    await consumer.disconnect();
  }
}

const countByTopic = (received: Received[]): Record<string, number> =>
  Object.fromEntries(FEED_TOPICS.map((topic) => [topic, received.filter((r) => r.topic === topic).length]));

describe('simulator against the mock Kafka', () => {
  let mock: KafkaMock;
  let kafka: Kafka;

  beforeAll(async () => {
    mock = await startKafkaMock();
    kafka = testKafka(mock.brokers);
  });

  afterAll(async () => {
    await mock.stop();
  });

  it('refuses to start without KAFKA_BROKERS, naming the variable', async () => {
    const result = await runCli(['--duration', '1'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KAFKA_BROKERS: is required');
  });

  it('runs the CLI for a few seconds and produces valid, keyed events', async () => {
    const runId = uniqueName('cli');
    const result = await runCli(
      [
        '--scenario',
        'holiday-surge',
        '--seed',
        '42',
        '--speed',
        '60',
        '--rate',
        '2000',
        '--duration',
        '4',
        '--run-id',
        runId,
      ],
      { KAFKA_BROKERS: mock.brokers.join(','), LOG_LEVEL: 'info' },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const logLines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; total?: number });
    expect(logLines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['simulator started', 'simulator progress', 'simulator stopped']),
    );
    const sent = logLines.filter((l) => l.msg === 'simulator progress').at(-1)?.total ?? 0;
    // 4 s at up to 2,000 events/s, less the first tick's empty bucket.
    expect(sent).toBeGreaterThan(4_000);
    expect(sent).toBeLessThanOrEqual(8_000 + 50);

    const received = await readFeed(
      kafka,
      (r) => r.filter((m) => m.value.id.startsWith(`${runId}-`)).length >= sent,
    );
    const ours = received.filter((m) => m.value.id.startsWith(`${runId}-`));
    expect(ours).toHaveLength(sent);
    const counts = countByTopic(ours);
    expect(counts[TOPICS.crowdHeat]).toBeGreaterThan(1_000);
    expect(counts[TOPICS.trafficFlow]).toBeGreaterThan(500);
    expect(counts[TOPICS.sensorReadings]).toBeGreaterThan(200);
    for (const message of ours) {
      const parsed = VALIDATORS[message.topic].safeParse(message.value);
      expect(parsed.error?.issues ?? [], JSON.stringify(message.value)).toEqual([]);
    }
    const crowd = ours.find((m) => m.topic === TOPICS.crowdHeat);
    expect(crowd?.key).toBe(crowd?.value.cell);
    const flow = ours.find((m) => m.topic === TOPICS.trafficFlow);
    expect(flow?.key).toBe(flow?.value.segmentId);
    expect(new Set(ours.map((m) => m.value.id)).size).toBe(ours.length);
  });

  it('runs in-process through startSimulator and stops cleanly', async () => {
    const runId = uniqueName('embedded');
    const simulator = await startSimulator({
      kafka,
      logger: silentLogger(),
      scenario: 'rainstorm',
      seed: 7,
      speed: 60,
      rate: 500,
      runId,
      startTime: new Date('2026-04-05T02:00:00Z'),
    });
    const received = await readFeed(
      kafka,
      (r) => r.filter((m) => m.value.id.startsWith(`${runId}-`)).length >= 300,
    );
    await simulator.stop();
    const ours = received.filter((m) => m.value.id.startsWith(`${runId}-`));
    expect(ours[0]?.value.ts.startsWith('2026-04-05T02:0')).toBe(true);
    expect(Object.values(countByTopic(ours)).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
  });
});
