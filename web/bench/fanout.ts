// Socket.IO fan-out benchmark (`npm run bench:fanout -w @citybrain/web [-- --clients=1000 --seconds=20
// --client-processes=4 --full-walls=20 --wall-processes=1]`): the real gateway in a child process; N
// socket.io-clients on loopback (most on the city room, the rest over district rooms); 10 alert events/s
// plus every district's live aggregate (200 heat cells each) and the city summary every 2 s. Prints the
// delivery latency of every message to every client (send → received and decoded, one wall clock) and the
// server's CPU and RSS. Figures only: nothing here asserts a timing.
//
// Of the N clients, `--full-walls` also run the wall page's whole message path (decode, apply to a wall
// store of its own) and report when each message was applied, in processes of their own: on a real wall
// that work runs in the wall's own browser, so it is measured for a sample of walls and not for 1,000 walls
// queued on the server's two cores. `--full-walls=1000 --wall-processes=4` measures exactly that
// everything-on-one-machine case.
import { fork, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describeCpuShares, percentileOfSorted, readCpuTicks } from '@citybrain/schemas/bench';
import type { ClientCommand, ClientMessage, LoadDone, LoadPlan, ServerMessage } from './fanout-protocol.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    'district-share': { type: 'string', default: '0.2' },
    'client-processes': { type: 'string', default: '4' },
    'full-walls': { type: 'string', default: '20' },
    'wall-processes': { type: 'string', default: '1' },
    'alerts-per-second': { type: 'string', default: '10' },
    'live-every-ms': { type: 'string', default: '2000' },
    // The simulated city reports each crowd cell once a (simulated) minute: ~3 % of cells per 2 s tick.
    // 0.1 is three times that; 1 makes every tick carry every cell (the worst case).
    'heat-change': { type: 'string', default: '0.1' },
  },
});
const CLIENTS = Number(values.clients);
const CLIENT_PROCESSES = Math.max(1, Number(values['client-processes']));
const FULL_WALLS = Math.min(CLIENTS, Math.max(0, Number(values['full-walls'])));
const WALL_PROCESSES = Math.max(1, Number(values['wall-processes']));
const PLAN: LoadPlan = {
  durationMs: Number(values.seconds) * 1_000,
  alertsPerSecond: Number(values['alerts-per-second']),
  liveEveryMs: Number(values['live-every-ms']),
  heatChange: Number(values['heat-change']),
};
const DISTRICT_SHARE = Number(values['district-share']);

function summary(name: string, samples: number[]): string {
  const sorted = Float64Array.from(samples).sort();
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${name.padEnd(6)} n=${String(samples.length).padStart(7)}  p50 ${f(percentileOfSorted(sorted, 50))} ms  p90 ${f(
    percentileOfSorted(sorted, 90),
  )} ms  p99 ${f(percentileOfSorted(sorted, 99))} ms  max ${f(sorted.at(-1) ?? NaN)} ms`;
}

/** The next message of `type` from a child process. */
function next<M extends { type: string }, T extends M['type']>(child: ChildProcess, type: T) {
  return new Promise<Extract<M, { type: T }>>((resolve) => {
    const on = (message: M) => {
      if (message.type !== type) return;
      child.off('message', on);
      resolve(message as Extract<M, { type: T }>);
    };
    child.on('message', on);
  });
}

function mergeMin(into: Map<string, number>, from: Record<string, number>): void {
  for (const [key, ms] of Object.entries(from)) into.set(key, Math.min(ms, into.get(key) ?? Infinity));
}

async function main(): Promise<void> {
  // A child writes a CPU profile into the folder its variable names (FANOUT_SERVER_PROFILE, …_CLIENT_…).
  const childArgv = (profileDir: string | undefined) =>
    profileDir ? ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${profileDir}`] : ['--import', 'tsx'];
  const server = fork(new URL('./fanout-server.ts', import.meta.url), [], {
    execArgv: childArgv(process.env.FANOUT_SERVER_PROFILE),
  });
  const ready = await next<ServerMessage, 'ready'>(server, 'ready');
  const url = `http://127.0.0.1:${ready.port}`;

  const scopes = Array.from({ length: CLIENTS }, (_, i) =>
    i < CLIENTS * DISTRICT_SHARE ? (ready.districts[i % ready.districts.length] ?? 'city') : 'city',
  );
  // Full walls evenly spread over the clients, so they hold city and district scopes in the same shares.
  const wallEvery = FULL_WALLS > 0 ? CLIENTS / FULL_WALLS : Infinity;
  const isWall = (i: number) => Math.floor(i / wallEvery) !== Math.floor((i + 1) / wallEvery);
  const groups: { walls: boolean; scopes: string[] }[] = [];
  const spread = (walls: boolean, processes: number) => {
    const mine = scopes.filter((_, i) => isWall(i) === walls);
    if (mine.length === 0) return;
    for (let p = 0; p < processes; p++)
      groups.push({ walls, scopes: mine.filter((_, i) => i % processes === p) });
  };
  spread(false, CLIENT_PROCESSES);
  spread(true, WALL_PROCESSES);
  const workers = groups.map(() =>
    fork(new URL('./fanout-clients.ts', import.meta.url), [], {
      execArgv: childArgv(process.env.FANOUT_CLIENT_PROFILE),
    }),
  );
  const command = (worker: ChildProcess, message: ClientCommand) => worker.send(message);
  // One process at a time, so handshakes do not pile up in the server's accept queue.
  let connectMs = 0;
  let snapshotCells = 0;
  for (const [w, worker] of workers.entries()) {
    const group = groups[w];
    if (group === undefined) continue;
    const connected = next<ClientMessage, 'connected'>(worker, 'connected');
    command(worker, { type: 'connect', url, token: ready.token, ...group });
    const answer = await connected;
    connectMs += answer.connectMs;
    snapshotCells += answer.snapshotCells;
  }

  for (const worker of workers) command(worker, { type: 'measure' });
  const ticksBefore = readCpuTicks();
  server.send(PLAN);
  const done: LoadDone = await next<ServerMessage, 'done'>(server, 'done');
  const ticksAfter = readCpuTicks();
  // Let what is in flight arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const reports = await Promise.all(
    workers.map((worker) => {
      const report = next<ClientMessage, 'report'>(worker, 'report');
      command(worker, { type: 'report' });
      return report;
    }),
  );
  server.kill();

  const alertLatency = reports.flatMap((r) => r.alertLatency);
  const liveLatency = reports.flatMap((r) => r.liveLatency);
  const alertApplied = reports.flatMap((r) => r.alertApplied);
  const liveApplied = reports.flatMap((r) => r.liveApplied);
  const firstAlert = new Map<string, number>();
  const firstLive = new Map<string, number>();
  for (const report of reports) {
    mergeMin(firstAlert, report.firstAlert);
    mergeMin(firstLive, report.firstLive);
  }
  const clientCpuMs = reports.reduce((sum, r) => sum + r.cpuMs, 0);
  const clientWallMs = Math.max(...reports.map((r) => r.wallMs));

  const serverCpuMs = done.cpuUserMs + done.cpuSystemMs;
  console.log(
    `fan-out: ${CLIENTS} clients (${Math.round(DISTRICT_SHARE * 100)} % in district rooms) in ${workers.length} client processes, ` +
      `${PLAN.alertsPerSecond} alert events/s (raised, acknowledged, assigned, cleared; ~30 active), live every ${PLAN.liveEveryMs / 1_000} s (${ready.districts.length} districts × 200 cells + city, one message per tick, ${Math.round(PLAN.heatChange * 100)} % of cells changing per tick), ` +
      `${(done.wallMs / 1_000).toFixed(1)} s`,
  );
  console.log(
    `connect: ${CLIENTS} clients with snapshot in ${(connectMs / 1_000).toFixed(1)} s; ${FULL_WALLS} of them full walls ` +
      `in ${groups.filter((g) => g.walls).length} process(es) of their own (${snapshotCells} heat cells drawn from their snapshots)`,
  );
  console.log(`sent:    ${done.alertsSent} alerts, ${done.liveSent} live aggregates`);
  console.log(
    'delivery latency, every message to every client (send → received and decoded by socket.io-client):',
  );
  console.log(summary('alert', alertLatency));
  console.log(summary('live', liveLatency));
  console.log(
    `applied, every message to each of the ${FULL_WALLS} full walls (send → the wall's store updated):`,
  );
  console.log(summary('alert', alertApplied));
  console.log(summary('live', liveApplied));
  console.log('server: publish → written to every socket that gets it (per message):');
  console.log(summary('alert', done.alertWriteMs));
  console.log(summary('live', done.liveWriteMs));
  console.log('first client per message (server + loopback, without the client-side queue):');
  console.log(summary('alert', [...firstAlert.values()]));
  console.log(summary('live', [...firstLive.values()]));
  console.log(
    `server:  CPU ${((serverCpuMs / done.wallMs) * 100).toFixed(0)} % of one core (user ${(done.cpuUserMs / 1_000).toFixed(1)} s, ` +
      `system ${(done.cpuSystemMs / 1_000).toFixed(1)} s), RSS peak ${done.rssPeakMb.toFixed(0)} MB, end ${done.rssEndMb.toFixed(0)} MB, ` +
      `event-loop delay p50 ${done.loopDelayP50Ms.toFixed(1)} ms p99 ${done.loopDelayP99Ms.toFixed(1)} ms`,
  );
  console.log(
    `clients: CPU ${((clientCpuMs / clientWallMs) * 100).toFixed(0)} % of one core ` +
      `(${workers.length} processes; they share the machine's cores with the server)`,
  );
  console.log(describeCpuShares(ticksBefore, ticksAfter));
}

void main();
