// Socket.IO fan-out benchmark (`npm run bench -w @citybrain/web [-- --clients=1000 --seconds=20]`):
// the real gateway in a child process, N socket.io-client walls on loopback in this one (most on the city
// room, the rest spread over district rooms), 10 alerts/s plus every district's live aggregate (200 heat
// cells each) and the city summary every 2 s. Prints delivery latency (send → client handler, same clock)
// and the server's CPU and RSS. Figures only: nothing here asserts a timing.
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/realtime/events.js';
import type { LoadDone, LoadPlan, ServerMessage, ServerReady } from './fanout-protocol.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    'district-share': { type: 'string', default: '0.2' },
  },
});
const CLIENTS = Number(values.clients);
const PLAN: LoadPlan = {
  durationMs: Number(values.seconds) * 1_000,
  alertsPerSecond: 10,
  liveEveryMs: 2_000,
};
const DISTRICT_SHARE = Number(values['district-share']);

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(name: string, samples: number[]): string {
  const sorted = Float64Array.from(samples).sort();
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${name.padEnd(6)} n=${String(samples.length).padStart(7)}  p50 ${f(percentile(sorted, 50))} ms  p90 ${f(
    percentile(sorted, 90),
  )} ms  p99 ${f(percentile(sorted, 99))} ms  max ${f(sorted.at(-1) ?? NaN)} ms`;
}

async function main(): Promise<void> {
  const server = fork(new URL('./fanout-server.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'] });
  const next = <T extends ServerMessage['type']>(type: T) =>
    new Promise<Extract<ServerMessage, { type: T }>>((resolve) => {
      const on = (message: ServerMessage) => {
        if (message.type !== type) return;
        server.off('message', on);
        resolve(message as Extract<ServerMessage, { type: T }>);
      };
      server.on('message', on);
    });
  const ready: ServerReady = await next('ready');
  const url = `http://127.0.0.1:${ready.port}`;

  const alertLatency: number[] = [];
  const liveLatency: number[] = [];
  // Per message, its fastest delivery: what the server and loopback add. Every delivery also includes the
  // wait in this one process, which handles a broadcast to 1,000 clients one socket after another.
  const firstAlert = new Map<string, number>();
  const firstLive = new Map<string, number>();
  const keepMin = (map: Map<string, number>, key: string, ms: number) =>
    map.set(key, Math.min(ms, map.get(key) ?? Infinity));
  let measuring = false;
  const clients: Client[] = [];
  const connectStarted = performance.now();
  // In batches: a thousand simultaneous handshakes measure the accept queue, not the fan-out.
  for (let i = 0; i < CLIENTS; i += 50) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(CLIENTS, i + 50); j++) {
      const districtWall = j < CLIENTS * DISTRICT_SHARE;
      const scope = districtWall ? (ready.districts[j % ready.districts.length] ?? 'city') : 'city';
      const client: Client = connect(url, {
        auth: { scope, token: ready.token },
        transports: ['websocket'],
        forceNew: true,
      });
      client.on('alert', (event) => {
        if (!measuring) return;
        const ms = Date.now() - Date.parse(event.ts);
        alertLatency.push(ms);
        keepMin(firstAlert, event.alert.alertId, ms);
      });
      client.on('live', (aggregate) => {
        if (!measuring) return;
        const ms = Date.now() - Date.parse(aggregate.ts);
        liveLatency.push(ms);
        keepMin(firstLive, `${aggregate.district}@${aggregate.seq}`, ms);
      });
      clients.push(client);
      batch.push(new Promise((resolve) => client.once('snapshot', () => resolve())));
    }
    await Promise.all(batch);
  }
  const connectMs = performance.now() - connectStarted;

  measuring = true;
  const clientCpu = process.cpuUsage();
  server.send(PLAN);
  const done: LoadDone = await next('done');
  // Let what is in flight arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  measuring = false;
  const clientUsed = process.cpuUsage(clientCpu);

  for (const client of clients) client.disconnect();
  server.kill();

  const serverCpuMs = done.cpuUserMs + done.cpuSystemMs;
  console.log(
    `fan-out: ${CLIENTS} clients (${Math.round(DISTRICT_SHARE * 100)} % district walls), ${PLAN.alertsPerSecond} alerts/s, ` +
      `live every ${PLAN.liveEveryMs / 1_000} s (${ready.districts.length} districts × 200 cells + city), ${(done.wallMs / 1_000).toFixed(1)} s`,
  );
  console.log(`connect: ${CLIENTS} clients with snapshot in ${(connectMs / 1_000).toFixed(1)} s`);
  console.log(`sent:    ${done.alertsSent} alerts, ${done.liveSent} live aggregates`);
  console.log('delivery latency, every client (send → handler):');
  console.log(summary('alert', alertLatency));
  console.log(summary('live', liveLatency));
  console.log('first client per message (server + loopback, without the client-side queue):');
  console.log(summary('alert', [...firstAlert.values()]));
  console.log(summary('live', [...firstLive.values()]));
  console.log(
    `server:  CPU ${((serverCpuMs / done.wallMs) * 100).toFixed(0)} % of one core (user ${(done.cpuUserMs / 1_000).toFixed(1)} s, ` +
      `system ${(done.cpuSystemMs / 1_000).toFixed(1)} s), RSS peak ${done.rssPeakMb.toFixed(0)} MB, end ${done.rssEndMb.toFixed(0)} MB, ` +
      `event-loop delay p50 ${done.loopDelayP50Ms.toFixed(1)} ms p99 ${done.loopDelayP99Ms.toFixed(1)} ms`,
  );
  console.log(
    `clients: CPU ${(((clientUsed.user + clientUsed.system) / 1_000 / (done.wallMs + 1_000)) * 100).toFixed(0)} % of one core ` +
      `(the ${CLIENTS} clients share this process and the machine with the server)`,
  );
}

void main();
