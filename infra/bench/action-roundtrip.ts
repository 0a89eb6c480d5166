// Action round trip (issue #5's figure): a duty officer's action on a socket → web → city.alert-actions.v1
// → streams applies it → ClickHouse audit + city.alerts.v1 → web → the new state on a second client, with
// 1,000 walls connected. Real parts: mock Kafka, chDB, streams, web's gateway (no pages). Prints figures;
// asserts nothing. `npm run bench -w @citybrain/infra -- --clients=1000 --actions=200`
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startKafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName } from '@citybrain/devstack/testing';
import { percentile } from '@citybrain/schemas/bench';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import type { Alert } from '@citybrain/schemas/events';
import { segmentArterials } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { loadStreamsConfig, start as startStreams } from '@citybrain/streams';
import {
  loadWebConfig,
  start as startWeb,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@citybrain/web';
import { issueDisplayTokenFor, sessionTokenFor } from '@citybrain/web/testing';
import { Kafka, logLevel } from 'kafkajs';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientsMessage, ParentMessage } from './roundtrip-protocol.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const { values: args } = parseArgs({
  options: { clients: { type: 'string', default: '1000' }, actions: { type: 'string', default: '200' } },
});
const CLIENTS = Number(args.clients);
const ACTIONS = Number(args.actions);

function waitForMessage<T extends ClientsMessage['type']>(
  child: ReturnType<typeof fork>,
  type: T,
): Promise<Extract<ClientsMessage, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (message: ClientsMessage) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message as Extract<ClientsMessage, { type: T }>);
    };
    child.on('message', listener);
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-roundtrip-'));
  process.stderr.write('starting mock Kafka, chDB, streams and web\n');
  const kafkaMock = await startKafkaMock();
  const brokers = kafkaMock.brokers.join(',');
  const base = {
    KAFKA_BROKERS: brokers,
    CHDB_PATH: join(dataDir, 'chdb'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  };
  const clickhouse = acquireClickHouse(loadStreamsConfig(base).clickhouse);
  const streams = await startStreams(
    loadStreamsConfig({ ...base, STREAMS_HTTP_PORT: '0', STREAMS_GROUP_ID: uniqueName('streams') }),
    { logger: silentLogger(), clickhouse: clickhouse.client },
  );
  const webConfig = loadWebConfig({
    ...base,
    WEB_PORT: '0',
    WEB_ACTIONS_PER_SECOND: '100',
    WEB_ACTIONS_BURST: '100',
  });
  const web = await startWeb(webConfig, {
    logger: silentLogger(),
    clickhouse: clickhouse.client,
    pages: false,
  });
  const officerToken = await sessionTokenFor(webConfig.auth, { id: 'bench-duty', role: 'duty_officer' });
  const wallToken = await issueDisplayTokenFor(webConfig.auth, 'bench-wall', 'city');

  // A critical accident on an arterial: streams raises an alert at once.
  const kafka = new Kafka({ clientId: 'roundtrip', brokers: kafkaMock.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  const segment = segmentArterials()[3];
  const incidentId = `bench-incident-${String(Date.now())}`;
  await producer.send({
    topic: TOPICS.trafficIncidents,
    messages: [
      {
        key: incidentId,
        value: JSON.stringify({
          id: incidentId,
          ts: new Date().toISOString(),
          source: 'bench',
          incidentId,
          type: 'accident',
          severity: 'critical',
          status: 'open',
          lat: segment?.midpoint.lat,
          lon: segment?.midpoint.lon,
        }),
      },
    ],
  });

  // The duty officer's console, and the second client whose screen must show the change.
  const console_: Client = connect(web.url, { auth: { token: officerToken }, transports: ['websocket'] });
  const observer: Client = connect(web.url, { auth: { token: wallToken }, transports: ['websocket'] });
  let current: Alert | undefined;
  const seenAt = new Map<number, number>();
  const onAlert = (alert: Alert) => {
    if (!alert.evidence.incidentId || alert.evidence.incidentId !== incidentId) return;
    if (current === undefined || alert.version > current.version) current = alert;
  };
  console_.on('snapshot', (s) => s.alerts.forEach(onAlert));
  console_.on('alert', (e) => onAlert(e.alert));
  // When streams published each version (AlertEvent.ts is its publish wall-clock time): splits the round
  // trip into console → streams' publish, and streams' publish → the second client.
  const publishedAt = new Map<number, number>();
  observer.on('alert', (e) => {
    if (e.alert.alertId !== current?.alertId) return;
    seenAt.set(e.alert.version, Date.now());
    publishedAt.set(e.alert.version, Date.parse(e.ts));
  });
  const deadline = Date.now() + 60_000;
  while (current === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (current === undefined) throw new Error('streams raised no alert for the incident within 60 s');
  const alertId = current.alertId;

  process.stderr.write(`alert ${alertId} raised; connecting ${String(CLIENTS)} walls\n`);
  const child = fork(new URL('./roundtrip-clients.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  child.on('exit', (code, signal) => {
    if (code !== 0) {
      process.stderr.write(
        `the walls' process ended early: code ${String(code)}, signal ${String(signal)}\n`,
      );
      process.exit(1);
    }
  });
  const plan: ParentMessage = {
    type: 'plan',
    plan: { url: web.url, token: wallToken, clients: CLIENTS, alertId },
  };
  child.send(plan);
  const connected = await waitForMessage(child, 'connected');

  process.stderr.write(`${String(connected.clients)} walls connected; sending ${String(ACTIONS)} actions\n`);
  const cpuBefore = process.cpuUsage();
  let rssPeak = process.memoryUsage().rss;
  const sentAt = new Map<number, number>();
  const roundTrips: number[] = [];
  const toStreams: number[] = [];
  const fromStreams: number[] = [];
  const refused: string[] = [];
  for (let i = 0; i < ACTIONS; i++) {
    const version = current.version;
    const started = Date.now();
    sentAt.set(version + 1, started);
    const reply = await new Promise<{ ok: boolean; reason?: string }>((resolve) =>
      console_.emit('action', { alertId, version, type: 'comment', note: `bench ${String(i)}` }, resolve),
    );
    if (!reply.ok) {
      refused.push(reply.reason ?? '?');
      continue;
    }
    const until = Date.now() + 10_000;
    while (!seenAt.has(version + 1) && Date.now() < until) await new Promise((r) => setImmediate(r));
    const seen = seenAt.get(version + 1);
    if (seen !== undefined) roundTrips.push(seen - started);
    const streamsPublished = publishedAt.get(version + 1);
    if (seen !== undefined && streamsPublished !== undefined) {
      toStreams.push(streamsPublished - started);
      fromStreams.push(seen - streamsPublished);
    }
    while (current.version < version + 1 && Date.now() < until) await new Promise((r) => setImmediate(r));
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    if ((i + 1) % 20 === 0)
      process.stderr.write(
        `  ${String(i + 1)} actions, last round trip ${String(roundTrips.at(-1) ?? 'none')} ms, refused ${String(refused.length)}\n`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const finish: ParentMessage = { type: 'finish' };
  await new Promise((r) => setTimeout(r, 1_000));
  child.send(finish);
  const { receipts, cpuUserMs, cpuSystemMs } = await waitForMessage(child, 'receipts');
  const everyClient: number[] = [];
  for (const [version, times] of Object.entries(receipts)) {
    const sent = sentAt.get(Number(version));
    if (sent !== undefined) for (const t of times) everyClient.push(t - sent);
  }
  const wall = roundTrips.reduce((a, b) => a + b, 0) + ACTIONS * 50;
  const line = (label: string, values: number[]) =>
    `  ${label.padEnd(46)} n=${String(values.length).padStart(6)}  p50 ${String(percentile(values, 50)).padStart(4)} ms  p99 ${String(percentile(values, 99)).padStart(4)} ms  max ${String(values.reduce((a, b) => Math.max(a, b), 0)).padStart(4)} ms`;
  process.stdout.write(
    [
      '',
      `action round trip: ${String(ACTIONS)} comment actions by a duty officer, ${String(connected.clients)} walls connected (${String(connected.ms)} ms to connect), streams + web + mock Kafka + chDB in one process, walls in another`,
      line('console emit → second client shows new version', roundTrips),
      line(`console emit → each of the ${String(connected.clients)} walls`, everyClient),
      line('  of which: console emit → streams published', toStreams),
      line('  of which: streams published → second client', fromStreams),
      `  refused: ${String(refused.length)}${refused.length ? ` (${[...new Set(refused)].join(', ')})` : ''}`,
      `  server process (streams + web + Kafka clients): CPU ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)} % of a core over ${(wall / 1000).toFixed(1)} s, RSS peak ${(rssPeak / 2 ** 20).toFixed(0)} MiB`,
      `  wall clients process: CPU user ${(cpuUserMs / 1000).toFixed(1)} s, system ${(cpuSystemMs / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
  console_.disconnect();
  observer.disconnect();
  await producer.disconnect();
  await web.stop();
  await streams.stop();
  await clickhouse.release();
  await kafkaMock.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
