// The server half of the fan-out benchmark, in its own process so its CPU and RSS are its own: the real
// gateway and city picture (the code path the Kafka feed drives) on port 0, fed on command with alerts and
// live aggregates whose `ts` is their send time.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadDistricts } from '@citybrain/schemas/geo';
import type { AlertEvent, LiveAggregate } from '@citybrain/schemas/events';
import { pino } from 'pino';
import { CityPicture } from '../src/server/city-picture.js';
import { createActionHandler } from '../src/server/actions/action-handler.js';
import { attachGateway } from '../src/server/gateway.js';
import { createTestAuth } from '../test/auth-fixtures.js';
import { createWebMetrics } from '../src/server/metrics.js';
import { alertEventFixture, alertFixture, cityFixture, liveFixture } from '../test/fixtures.js';
import type { LoadDone, LoadPlan, ServerMessage } from './fanout-protocol.js';

const LEVELS = [
  'blue',
  'yellow',
  'yellow',
  'orange',
  'blue',
  'yellow',
  'blue',
  'orange',
  'yellow',
  'red',
] as const;

const send = (message: ServerMessage) => process.send?.(message);

async function main(): Promise<void> {
  const districts = loadDistricts().map((d) => d.adcode);
  const http = createServer();
  const picture = new CityPicture({ staleAfterMs: 20_000, now: Date.now });
  // Real authentication: every client's handshake verifies this display token against the accounts file.
  const auth = await createTestAuth([]);
  process.on('exit', () => auth.cleanup());
  // The coordinator ends this process with SIGTERM: exit normally, so exit handlers (and --cpu-prof) run.
  process.on('SIGTERM', () => process.exit(0));
  const token = await auth.displayToken('bench-wall', 'city');
  const logger = pino({ level: 'silent' });
  const metrics = createWebMetrics();
  const gateway = attachGateway(
    http,
    {
      picture,
      logger,
      metrics,
      districts: new Set(districts),
      authenticator: auth.authenticator,
      handleAction: createActionHandler({
        picture,
        publisher: { publish: () => Promise.reject(new Error('this benchmark sends no actions')) },
        metrics,
        logger,
        now: Date.now,
        limits: { perSecond: 2, burst: 20 },
      }),
      now: Date.now,
    },
    { recoveryMs: 120_000 },
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  // Realistic payloads: streams' default top-N is 200 cells per district.
  const pictures: LiveAggregate[] = districts.map((district) => {
    const full = liveFixture(district, { rings: 8 });
    return { ...full, heat: full.heat.slice(0, 200), truncated: true };
  });
  let seq = 0;
  /**
   * The next tick of every district: `heatChange` of its cells (a rotating window) report a new count.
   * The simulated city reports each crowd cell once a simulated minute, i.e. ~3 % of cells per 2 s tick.
   */
  const nextTick = (heatChange: number): LiveAggregate[] => {
    seq += 1;
    const ts = new Date().toISOString();
    for (const [d, picture] of pictures.entries()) {
      const changing = Math.round(heatChange * picture.heat.length);
      const from = (seq * changing) % Math.max(1, picture.heat.length);
      const heat = picture.heat.map((cell, i) => {
        const k = (i - from + picture.heat.length) % picture.heat.length;
        return k < changing ? { cell: cell.cell, people: cell.people + 1 + ((seq + i) % 5) } : cell;
      });
      pictures[d] = { ...picture, heat, seq, ts, asOf: ts };
    }
    return [...pictures, { ...cityFixture(ts), seq }];
  };
  /**
   * Alert events as a city produces them: each alert is raised, updated twice (acknowledged, then assigned)
   * and cleared, one stage every ALERT_SLOTS events, so ~¾ × ALERT_SLOTS alerts are active at a time
   * rather than every event adding one more for good (10 new alerts a second would be 36,000 an hour).
   */
  const ALERT_SLOTS = 40;
  const slots: { alert: ReturnType<typeof alertFixture> | null; stage: number }[] = Array.from(
    { length: ALERT_SLOTS },
    () => ({ alert: null, stage: 0 }),
  );
  let eventCount = 0;
  let raisedCount = 0;
  const nextAlertEvent = (): AlertEvent => {
    const slot = slots[eventCount % ALERT_SLOTS] ?? { alert: null, stage: 0 };
    eventCount += 1;
    const now = new Date().toISOString();
    if (slot.alert === null || slot.stage === 3) {
      const level = LEVELS[raisedCount % LEVELS.length] ?? 'blue';
      const district = districts[raisedCount % districts.length] ?? districts[0] ?? '';
      slot.alert = alertFixture(`bench-${raisedCount}`, { district, level, raisedAt: now });
      slot.stage = 0;
      raisedCount += 1;
      return alertEventFixture(slot.alert);
    }
    slot.stage += 1;
    const status = (['acknowledged', 'assigned', 'resolved'] as const)[slot.stage - 1] ?? 'resolved';
    slot.alert = { ...slot.alert, version: slot.alert.version + 1, status, updatedAt: now };
    return alertEventFixture(slot.alert, slot.stage === 3 ? 'cleared' : 'updated');
  };
  // The walls connect to a running city: their snapshots hold every district's heat.
  for (const aggregate of nextTick(1)) gateway.publishLive(aggregate);
  send({ type: 'ready', port: (http.address() as AddressInfo).port, districts, token });

  process.on('message', (plan: LoadPlan) => {
    let alerts = 0;
    let live = 0;
    const alertWriteMs: number[] = [];
    const liveWriteMs: number[] = [];
    let rssPeak = process.memoryUsage().rss;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const alertTimer = setInterval(
      () => {
        if (plan.alertsPerSecond === 0) return;
        const event = nextAlertEvent();
        const started = performance.now();
        gateway.publishAlert(event);
        alertWriteMs.push(performance.now() - started);
        alerts += 1;
      },
      1_000 / Math.max(plan.alertsPerSecond, 1),
    );
    const publishLive = () => {
      const batch = nextTick(plan.heatChange);
      const started = performance.now();
      for (const aggregate of batch) gateway.publishLive(aggregate);
      // The gateway sends the tick from the immediate it scheduled first; this one runs right after it.
      setImmediate(() => liveWriteMs.push(performance.now() - started));
      live += batch.length;
    };
    const liveTimer = setInterval(publishLive, plan.liveEveryMs);
    const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 250);
    setTimeout(() => {
      clearInterval(alertTimer);
      clearInterval(liveTimer);
      clearInterval(rssTimer);
      const used = process.cpuUsage(cpu);
      loop.disable();
      const done: LoadDone = {
        type: 'done',
        wallMs: performance.now() - started,
        cpuUserMs: used.user / 1_000,
        cpuSystemMs: used.system / 1_000,
        rssPeakMb: rssPeak / 2 ** 20,
        rssEndMb: process.memoryUsage().rss / 2 ** 20,
        alertsSent: alerts,
        alertWriteMs,
        liveWriteMs,
        liveSent: live,
        loopDelayP50Ms: loop.percentile(50) / 1e6,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
      };
      send(done);
    }, plan.durationMs);
  });
}

void main();
