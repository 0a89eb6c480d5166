// Wall rendering in headless Debian Chromium (`npm run bench:wall -w @citybrain/web [-- --runs=3 --pan-seconds=5]`):
// web in production mode with the mock Kafka cluster and chDB, as the end-to-end tests run it, signed in as
// a city wall display. Prints (never asserts):
//   - navigation → first heat render (the map's `data-ready` signal) with the demo-sized live picture
//     (two districts' top cells) and with 20,000 H3 cells of heat;
//   - frames per second while panning the map by mouse with those 20,000 cells, and with the heat layer off
//     (the ceiling the heat costs against), and while the map sits still.
// Software rendering (SwiftShader, DESIGN §10): the figures are this machine's CPU drawing WebGL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startKafkaMock } from '@citybrain/devstack';
import { silentLogger } from '@citybrain/devstack/testing';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import type { LiveAggregate } from '@citybrain/schemas/events';
import { loadDistricts } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { gridDisk, latLngToCell } from 'h3-js';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Page } from 'playwright-core';
import { launchChromium, type TestBrowser } from '../e2e/browser.js';
import { loadWebConfig } from '../src/config.js';
import { issueDisplayToken } from '../src/server/auth/accounts.js';
import { loadOrCreateSessionSecret } from '../src/server/auth/session-secret.js';
import { start, type RunningWeb } from '../src/server/start.js';
import { FUTIAN, NANSHAN, cityFixture, liveFixture } from '../test/fixtures.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'pan-seconds': { type: 'string', default: '5' },
    cells: { type: 'string', default: '20000' },
  },
});
const RUNS = Number(values.runs);
const PAN_MS = Number(values['pan-seconds']) * 1_000;
const CELLS = Number(values.cells);
const READY_TIMEOUT_MS = 180_000;

/** `cells` distinct res-9 cells around the city centre, spread over the districts' live aggregates. */
function bigPicture(districts: readonly string[], cells: number, seq: number): LiveAggregate[] {
  const rings = Math.ceil((-3 + Math.sqrt(9 + 12 * (cells - 1))) / 6);
  const all = gridDisk(latLngToCell(22.6, 114.0, 9), rings).slice(0, cells);
  const per = Math.ceil(all.length / districts.length);
  const ts = new Date().toISOString();
  return districts.map((district, d) => {
    const heat = all
      .slice(d * per, (d + 1) * per)
      .map((cell, i) => ({ cell, people: 50 + ((i * 7_919) % 4_000) }));
    return {
      ...liveFixture(district, { ts, seq, rings: 0 }),
      heat,
      kpis: {
        people: heat.reduce((sum, h) => sum + h.people, 0),
        congestionIndex: 1.6,
        activeAlerts: { blue: 0, yellow: 0, orange: 0, red: 0 },
      },
    };
  });
}

function stats(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `median ${(median / 1_000).toFixed(1)} s (min ${((sorted[0] ?? NaN) / 1_000).toFixed(1)}, max ${((sorted.at(-1) ?? NaN) / 1_000).toFixed(1)}; ${sorted.length} runs)`;
}

interface FrameFigures {
  fps: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  moves: number;
}

// Page-side frame counter, as source text: tsx would wrap named functions in a helper the page lacks.
const START_FRAMES = `(() => {
  const w = window;
  w.benchFrames = [];
  w.benchRun = true;
  const tick = (t) => {
    w.benchFrames.push(t);
    if (w.benchRun) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => {
  window.benchRun = false;
  return window.benchFrames;
})()`;

/** Counts animation frames in the page while `during` runs: the frames the page actually produced. */
async function framesDuring(page: Page, during: () => Promise<number>): Promise<FrameFigures> {
  await page.evaluate(START_FRAMES);
  const moves = await during();
  const frames = await page.evaluate<number[]>(STOP_FRAMES);
  const gaps = frames
    .slice(1)
    .map((t, i) => t - (frames[i] ?? t))
    .sort((a, b) => a - b);
  const span = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
  const at = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] ?? NaN;
  return {
    fps: span > 0 ? ((frames.length - 1) / span) * 1_000 : 0,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: gaps.at(-1) ?? NaN,
    moves,
  };
}

/** Drags the map left and right by 240 px in 8 px mouse moves for `ms`; returns how many moves were made. */
async function pan(page: Page, ms: number): Promise<number> {
  const box = await page.getByTestId('wall-map').boundingBox();
  if (box === null) throw new Error('no map on the page');
  const y = box.y + box.height * 0.4;
  const left = box.x + box.width / 2 - 120;
  let x = left;
  let direction = 1;
  let moves = 0;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const until = Date.now() + ms;
  while (Date.now() < until) {
    x += 8 * direction;
    if (x > left + 240 || x < left) direction = -direction;
    await page.mouse.move(x, y);
    moves += 1;
  }
  await page.mouse.up();
  return moves;
}

const line = (name: string, f: FrameFigures) =>
  `${name.padEnd(34)} ${f.fps.toFixed(1).padStart(5)} fps   frame p50 ${f.p50Ms.toFixed(0).padStart(4)} ms  p95 ${f.p95Ms
    .toFixed(0)
    .padStart(
      5,
    )} ms  max ${f.maxMs.toFixed(0).padStart(5)} ms${f.moves > 0 ? `   (${f.moves} mouse moves)` : ''}`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-wall-bench-'));
  const kafkaMock = await startKafkaMock();
  const undo: (() => Promise<void> | void)[] = [
    () => rmSync(dataDir, { recursive: true, force: true }),
    () => kafkaMock.stop(),
  ];
  try {
    const config = loadWebConfig({
      KAFKA_BROKERS: kafkaMock.brokers.join(','),
      CHDB_PATH: join(dataDir, 'chdb'),
      DATA_DIR: dataDir,
      WEB_PORT: '0',
      WEB_MODE: 'prod',
      LOG_LEVEL: 'silent',
    });
    const secret = loadOrCreateSessionSecret(config.auth.sessionSecret, config.auth.dataDir);
    const { token } = await issueDisplayToken(config.auth.usersFile, secret, {
      id: 'bench-wall',
      scope: 'city',
      days: 1,
    });
    const clickhouse = acquireClickHouse(config.clickhouse);
    undo.push(() => clickhouse.release());
    const kafka = new Kafka({
      clientId: 'wall-bench',
      brokers: kafkaMock.brokers,
      logLevel: logLevel.NOTHING,
    });
    const producer: Producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    undo.push(() => producer.disconnect());
    const publish = (aggregates: LiveAggregate[]) =>
      producer.send({
        topic: TOPICS.live,
        messages: aggregates.map((a) => ({ key: a.district, value: JSON.stringify(a) })),
      });
    const ts = new Date().toISOString();
    await publish([liveFixture(NANSHAN, { ts }), liveFixture(FUTIAN, { ts }), cityFixture(ts)]);
    const web: RunningWeb = await start(config, {
      logger: silentLogger(),
      kafka,
      clickhouse: clickhouse.client,
    });
    undo.push(() => web.stop());
    const chromium: TestBrowser = await launchChromium();
    undo.push(() => chromium.close());

    // Signs in as a display does (the link sets the session cookie) and lands on the city wall.
    const open = async (): Promise<{ page: Page; started: number; readyMs: number }> => {
      const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const started = Date.now();
      await page.goto(`${web.url}/auth/display?token=${encodeURIComponent(token)}&next=%2Fwall`);
      await page.waitForSelector('[data-testid="wall-map"][data-ready="true"]', {
        timeout: READY_TIMEOUT_MS,
      });
      return { page, started, readyMs: Date.now() - started };
    };

    const small: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, readyMs } = await open();
      small.push(readyMs);
      await page.close();
    }
    const smallCells = liveFixture(NANSHAN).heat.length * 2;
    console.log(`wall render: headless Chromium (SwiftShader software WebGL), 1920×1080, production build`);
    console.log(`navigation → first heat render, ${smallCells} cells (2 districts):  ${stats(small)}`);

    const districts = loadDistricts(config.districtsFile).map((d) => d.adcode);
    await publish(bigPicture(districts, CELLS, 2));
    const bigReady: number[] = [];
    const bigDrawn: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < RUNS; i++) {
      const opened = await open();
      // Every cell on screen: the snapshot carries all districts, so this is usually the first heat render.
      await opened.page.waitForSelector(`[data-testid="wall-map"][data-drawn-heat-cells="${CELLS}"]`, {
        timeout: READY_TIMEOUT_MS,
      });
      bigDrawn.push(Date.now() - opened.started);
      bigReady.push(opened.readyMs);
      if (i < RUNS - 1) await opened.page.close();
      else page = opened.page;
    }
    if (page === undefined) throw new Error('no page');
    console.log(`navigation → first heat render, ${CELLS.toLocaleString('en')} cells:  ${stats(bigReady)}`);
    console.log(`navigation → all ${CELLS.toLocaleString('en')} cells drawn:        ${stats(bigDrawn)}`);
    const idle = await framesDuring(page, async () => {
      await new Promise((resolve) => setTimeout(resolve, PAN_MS));
      return 0;
    });
    const withHeat = await framesDuring(page, () => pan(page, PAN_MS));
    await page.getByRole('button', { name: '人流热力' }).click();
    await page.waitForSelector('.layer-toggle.off');
    const withoutHeat = await framesDuring(page, () => pan(page, PAN_MS));

    console.log(`frames, ${CELLS.toLocaleString('en')} heat cells on screen (${PAN_MS / 1_000} s each):`);
    console.log(line('  still (pulse animation only)', idle));
    console.log(line('  panning, heat on', withHeat));
    console.log(line('  panning, heat layer off', withoutHeat));
    console.log(
      `  panning with heat runs at ${((withHeat.fps / withoutHeat.fps) * 100).toFixed(0)} % of the frame rate without it`,
    );
  } finally {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
