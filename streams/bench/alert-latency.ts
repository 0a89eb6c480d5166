// Alert latency and throughput of streams (npm run bench -w @citybrain/streams). Prints figures; asserts none.
//   1. Latency at ~10k events/s background load (crowd, traffic, sensors stamped "now"):
//      - window alerts: a probe gauge crosses red/yellow every window, so every window close yields an update;
//        latency = arrival on city.alerts.v1 − (window end + allowed lateness), i.e. beyond window close;
//      - immediate alerts: open critical incidents on an arterial; latency = arrival − produce time.
//   2. Throughput: a backlog of events consumed by a fresh group, events/s, vs the measured ceiling of
//      kafkajs consume + JSON.parse on this machine (~237k msg/s, DESIGN §11).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import { percentile } from '@citybrain/schemas/bench';
import { cellOf, segmentArterials } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import type { Producer } from 'kafkajs';
import { loadStreamsConfig, start, type RunningStreams } from '../src/index.js';
import type { ThresholdRule } from '../src/rules/schema.js';
import { collectAlerts, testKafka } from '../test/support/kafka.js';

const RATE = 10_000;
const WINDOW_MS = 2_000;
const LATENESS_MS = 500;
const LATENCY_SECONDS = 40;
const BACKLOG = 150_000;

const segments = segmentArterials();
const cells = Array.from({ length: 400 }, (_, i) =>
  cellOf(22.53 + (i % 20) * 0.002, 114.0 + Math.floor(i / 20) * 0.002),
);
let seq = 0;

interface TopicMessages {
  topic: string;
  messages: { key: string; value: string }[];
}

function backgroundBatch(n: number, tsMs: number): TopicMessages[] {
  const ts = new Date(tsMs).toISOString();
  const crowd: TopicMessages['messages'] = [];
  const flow: TopicMessages['messages'] = [];
  const sensors: TopicMessages['messages'] = [];
  for (let i = 0; i < n; i++) {
    seq += 1;
    const id = `bg-${seq}`;
    if (i % 3 === 0)
      crowd.push({
        key: String(i),
        value: JSON.stringify({ id, ts, source: 'bench', cell: cells[seq % cells.length], count: 50 }),
      });
    else if (i % 3 === 1) {
      const s = segments[seq % segments.length];
      flow.push({
        key: s?.id ?? 'x',
        value: JSON.stringify({
          id,
          ts,
          source: 'bench',
          segmentId: s?.id,
          speedKmh: s?.freeFlowKmh,
          freeFlowKmh: s?.freeFlowKmh,
          lat: s?.midpoint.lat,
          lon: s?.midpoint.lon,
        }),
      });
    } else
      sensors.push({
        key: `aq-${seq % 50}`,
        value: JSON.stringify({
          id,
          ts,
          source: 'bench',
          sensorId: `aq-${seq % 50}`,
          kind: 'air.pm25',
          value: 20,
          unit: 'µg/m³',
          lat: 22.54,
          lon: 114.05,
        }),
      });
  }
  return [
    { topic: TOPICS.crowdHeat, messages: crowd },
    { topic: TOPICS.trafficFlow, messages: flow },
    { topic: TOPICS.sensorReadings, messages: sensors },
  ];
}

const probeRule: ThresholdRule = {
  id: 'bench-probe',
  kind: 'threshold',
  category: 'flood',
  title: { zh: '{subject}', en: '{subject}' },
  metric: 'water.level',
  unit: 'm',
  levels: { yellow: 50, red: 100 },
  sustainWindows: 1,
  hysteresis: 0,
  minChange: 0,
  coolDownMs: 600_000,
  expireNoDataMs: 600_000,
  rise: undefined,
  forecast: undefined,
};

async function latencyPhase(brokers: string[], dataDir: string): Promise<void> {
  const config = loadStreamsConfig({
    KAFKA_BROKERS: brokers.join(','),
    CHDB_PATH: join(dataDir, 'chdb'),
    STREAMS_HTTP_PORT: '0',
    STREAMS_WINDOW_MS: String(WINDOW_MS),
    STREAMS_ALLOWED_LATENESS_MS: String(LATENESS_MS),
    STREAMS_IDLE_PARTITION_MS: '2000',
    STREAMS_GROUP_ID: uniqueName('streams'),
  });
  config.rules.rules.push(probeRule);
  const streams = await start(config, { logger: silentLogger() });
  const kafka = testKafka(brokers);
  const producer = kafka.producer();
  await producer.connect();
  const produced = new Map<string, number>();
  const { received, consumer } = await collectAlerts(kafka, () => 0);
  const started = Date.now();
  let sent = 0;
  const tick = 100;
  while (Date.now() - started < LATENCY_SECONDS * 1000) {
    const now = Date.now();
    const batch = backgroundBatch(RATE / (1000 / tick), now);
    const probe = {
      id: `probe-${now}`,
      ts: new Date(now).toISOString(),
      source: 'bench',
      sensorId: 'probe',
      kind: 'water.level',
      value: Math.floor(now / WINDOW_MS) % 2 ? 120 : 60,
      unit: 'm',
      lat: 22.54,
      lon: 114.05,
    };
    batch.push({ topic: TOPICS.sensorReadings, messages: [{ key: 'probe', value: JSON.stringify(probe) }] });
    if (Math.floor(now / tick) % 5 === 0) {
      const incidentId = `inc-${now}`;
      produced.set(incidentId, now);
      const s = segments[now % segments.length];
      batch.push({
        topic: TOPICS.trafficIncidents,
        messages: [
          {
            key: incidentId,
            value: JSON.stringify({
              id: incidentId,
              ts: new Date(now).toISOString(),
              source: 'bench',
              incidentId,
              type: 'accident',
              severity: 'critical',
              status: 'open',
              lat: s?.midpoint.lat,
              lon: s?.midpoint.lon,
            }),
          },
        ],
      });
    }
    await producer.sendBatch({ topicMessages: batch, acks: 1 });
    sent += RATE / (1000 / tick);
    const spare = tick - (Date.now() - now);
    if (spare > 0) await new Promise((r) => setTimeout(r, spare));
  }
  const elapsed = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2_000));
  const windowLat = received
    .filter(
      (r) =>
        r.event.alert.ruleId === 'bench-probe' &&
        Date.parse(String(r.event.alert.evidence.windowEnd)) > started + 10_000,
    )
    .map((r) => r.receivedAt - (Date.parse(String(r.event.alert.evidence.windowEnd)) + LATENESS_MS));
  const incidentLat = received
    .filter((r) => r.event.type === 'raised' && r.event.alert.ruleId === 'traffic-incident-arterial')
    .flatMap((r) => {
      const at = produced.get(String(r.event.alert.evidence.incidentId));
      return at === undefined || at < started + 10_000 ? [] : [r.receivedAt - at];
    });
  console.log(
    `background load: ${Math.round(sent / elapsed)} events/s for ${elapsed.toFixed(0)} s (first 10 s excluded as warm-up)`,
  );
  console.log(
    `window alert latency beyond close (window ${WINDOW_MS} ms + lateness ${LATENESS_MS} ms): n=${windowLat.length} p50=${percentile(windowLat, 50)} ms p99=${percentile(windowLat, 99)} ms max=${Math.max(...windowLat)} ms`,
  );
  console.log(
    `incident alert latency produce→alert: n=${incidentLat.length} p50=${percentile(incidentLat, 50)} ms p99=${percentile(incidentLat, 99)} ms max=${Math.max(...incidentLat)} ms`,
  );
  await consumer.disconnect();
  await producer.disconnect();
  await streams.stop();
}

async function produceBacklog(producer: Producer): Promise<number> {
  let total = 0;
  const base = Date.now() - 10 * 60_000;
  while (total < BACKLOG) {
    const batch = backgroundBatch(5_000, base + Math.floor((total / BACKLOG) * 600_000));
    await producer.sendBatch({ topicMessages: batch, acks: 1 });
    total += 5_000;
  }
  return total;
}

async function throughputPhase(brokers: string[], dataDir: string): Promise<void> {
  const kafka = testKafka(brokers);
  const producer = kafka.producer();
  await producer.connect();
  const total = await produceBacklog(producer);
  await producer.disconnect();
  const config = loadStreamsConfig({
    KAFKA_BROKERS: brokers.join(','),
    CHDB_PATH: join(dataDir, 'chdb'),
    STREAMS_HTTP_PORT: '0',
    STREAMS_GROUP_ID: uniqueName('streams-tp'),
  });
  const streams: RunningStreams = await start(config, { logger: silentLogger() });
  const count = async () => (await streams.metrics.events.get()).values.reduce((s, v) => s + v.value, 0);
  await waitFor(count, (n) => n > 0, { timeoutMs: 60_000, intervalMs: 10, what: 'first events' });
  const t0 = performance.now();
  const first = await count();
  const done = await waitFor(count, (n) => n >= total, {
    timeoutMs: 300_000,
    intervalMs: 20,
    what: 'the backlog',
  });
  const seconds = (performance.now() - t0) / 1000;
  const rate = (done - first) / seconds;
  console.log(
    `throughput: ${done} backlog events consumed+decoded+windowed, ${Math.round(rate)} events/s (${((rate / 237_000) * 100).toFixed(0)} % of the ~237k msg/s kafkajs consume+parse ceiling)`,
  );
  await streams.stop();
}

const mock = await startKafkaMock();
const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-streams-bench-'));
try {
  await latencyPhase(mock.brokers, dataDir);
  await throughputPhase(
    (await startKafkaMock()).brokers,
    mkdtempSync(join(tmpdir(), 'citybrain-streams-bench2-')),
  );
  console.log(
    `peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (bench process: producer + streams + chDB)`,
  );
} finally {
  await mock.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
