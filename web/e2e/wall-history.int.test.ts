// End to end: the wall's history replay. Web in production mode with the mock Kafka cluster and chDB; the
// past is seeded into ClickHouse as ingest and streams write it (heat, traffic, air, alert versions), the
// present arrives on the live topics. Moving the slider back shows the past picture under a REPLAY header;
// live deltas keep arriving but stay off screen until the wall returns to live.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@citybrain/devstack/testing';
import { migrate, type SharedClickHouse } from '@citybrain/schemas/clickhouse';
import type { Alert, AlertEvent, LiveAggregate, LiveAir } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { gridDisk, latLngToCell } from 'h3-js';
import type { Producer } from 'kafkajs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryAlerts, HistoryHeat } from '../src/realtime/history.js';
import { issueDisplayToken } from '../src/server/auth/accounts.js';
import { loadOrCreateSessionSecret } from '../src/server/auth/session-secret.js';
import { start, type RunningWeb } from '../src/server/start.js';
import {
  FUTIAN,
  NANSHAN,
  alertEventFixture,
  alertFixture,
  cityFixture,
  liveFixture,
} from '../test/fixtures.js';
import { alertVersionRows, heatRow, seedHistory, sensorRow, trafficRow } from '../test/history-seed.js';
import { startWebTestParts, type Cleanup } from '../test/web-test-parts.js';
import { displaySignInUrl, launchChromium, type TestBrowser } from './browser.js';

const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const MIN = 60_000;
// The past being replayed: an hour and a half ago, well inside the slider's six hours.
const T0 = Math.floor((Date.now() - 90 * MIN) / MIN) * MIN;
// Heat was reported around Futian's civic center then; the live picture has Nanshan's cells only.
const PAST_CELLS = gridDisk(latLngToCell(22.541, 114.055, 9), 8);
const air = (aqi: number, pm25: number): LiveAir => ({ aqi, pm25, pm10: null, no2: null, stations: 3 });

/** An alert in force around T0 and long over now, with the police on scene then. */
function pastAlert(version: number, over: Partial<Alert>): Alert {
  const raisedAt = new Date(T0 - 40 * MIN).toISOString();
  return {
    ...alertFixture('e2e-past-orange', { district: FUTIAN, level: 'orange', raisedAt }),
    title: { zh: '市民中心人流预警（回放）', en: 'Crowding at Civic Center (replayed)' },
    agencies: ['police', 'urban_management'],
    version,
    ...over,
  };
}

/** Panels whose content is taller than the panel: the wall never scrolls, so that content is cut off. */
async function overflowingPanels(page: Page): Promise<string[]> {
  return page
    .locator('.panel, .history-bar')
    .evaluateAll((panels: Element[]): string[] =>
      panels
        .filter((p) => p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1)
        .map((p) => p.getAttribute('class') ?? ''),
    );
}

describe('history replay in a browser', { timeout: 180_000 }, () => {
  let clickhouse: SharedClickHouse;
  let web: RunningWeb;
  let producer: Producer;
  let chromium: TestBrowser;
  let displayToken: string;
  let nanshanToken: string;
  const cleanup: Cleanup[] = [];

  const send = async (topic: string, key: string, value: AlertEvent | LiveAggregate) =>
    producer.send({ topic, messages: [{ key, value: JSON.stringify(value) }] });
  const publishLive = async (seq: number) => {
    const ts = new Date().toISOString();
    await send(TOPICS.live, NANSHAN, { ...liveFixture(NANSHAN, { ts, seq }), air: air(45, 22) });
    await send(TOPICS.live, 'city', { ...cityFixture(ts), air: air(48, 24) });
  };

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const parts = await startWebTestParts('web-history-e2e', { WEB_MODE: 'prod' }, cleanup);
    const { config, kafka } = parts;
    ({ clickhouse, producer } = parts);
    // Display tokens as `users display` issues them, signed with the secret the server will load.
    const secret = loadOrCreateSessionSecret(config.auth.sessionSecret, config.auth.dataDir);
    const display = (id: string, scope: string) =>
      issueDisplayToken(config.auth.usersFile, secret, { id, scope, days: 1 });
    displayToken = (await display('history-wall', 'city')).token;
    nanshanToken = (await display('nanshan-wall', NANSHAN)).token;

    await migrate(clickhouse.client);
    // The past, as ingest and streams stored it: reports every two minutes from T0 − 40 min to T0 + 10 min.
    const reports = Array.from({ length: 26 }, (_, i) => T0 - 40 * MIN + i * 2 * MIN);
    await seedHistory(clickhouse.client, {
      heat: reports.flatMap((ts) =>
        PAST_CELLS.map((cell, i) => heatRow(cell, FUTIAN, 400 + ((i * 97) % 2_600), ts)),
      ),
      traffic: reports.map((ts) => trafficRow('shennan-05', FUTIAN, 18, 60, ts)),
      sensors: reports.flatMap((ts) => [
        sensorRow('aqi-ft-1', 'air.aqi', 160, FUTIAN, ts),
        sensorRow('pm25-ft-1', 'air.pm25', 121, FUTIAN, ts),
      ]),
      alertVersions: [
        alertVersionRows(pastAlert(1, { updatedAt: new Date(T0 - 40 * MIN).toISOString() }), 'raised'),
        alertVersionRows(
          pastAlert(2, {
            updatedAt: new Date(T0 - 30 * MIN).toISOString(),
            status: 'acknowledged',
            agencyProgress: { police: { state: 'on_scene', at: new Date(T0 - 30 * MIN).toISOString() } },
          }),
          'updated',
        ),
        alertVersionRows(
          pastAlert(3, { updatedAt: new Date(T0 + 30 * MIN).toISOString(), status: 'resolved' }),
          'updated',
        ),
      ],
    });

    await publishLive(1);
    await send(
      TOPICS.alerts,
      'e2e-live-yellow',
      alertEventFixture({
        ...alertFixture('e2e-live-yellow', { district: NANSHAN }),
        agencyProgress: { police: { state: 'acknowledged', at: new Date().toISOString() } },
      }),
    );
    web = await start(config, { logger: silentLogger(), kafka, clickhouse: clickhouse.client });
    cleanup.push(() => web.stop());
    let seq = 2;
    const liveTimer = setInterval(() => void publishLive(seq++), 3_000);
    cleanup.push(() => clearInterval(liveTimer));
    chromium = await launchChromium();
    cleanup.push(() => chromium.close());
  });

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  /**
   * The one place this test navigates: signs in as a wall display does (the display link sets the session
   * cookie and leads on to `path`), then waits for the map's ready signal.
   */
  async function openWall(path: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
    const page = await chromium.browser.newPage({ viewport });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error')
        console.error(`page console: ${message.text()} ${message.location().url}`);
    });
    await page.goto(displaySignInUrl(web.url, displayToken, path));
    await page.waitForSelector('[data-testid="wall-map"][data-ready="true"]', { timeout: READY_TIMEOUT_MS });
    return page;
  }

  const replayAt = async (page: Page) =>
    Date.parse((await page.getAttribute('[data-testid="replay-badge"]', 'data-replay-at')) ?? '');
  /** The replayed heat is on screen: the map drew as many cells as the replayed picture holds. */
  const replayedHeatDrawn = (page: Page) =>
    page.waitForSelector(
      `[data-testid="wall-map"][data-heat-cells="${PAST_CELLS.length}"][data-drawn-heat-cells="${PAST_CELLS.length}"]`,
      { timeout: 30_000 },
    );
  const alertIds = (page: Page) =>
    page.locator('[data-alert-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-alert-id')));

  it('moves the slider back to the past from ClickHouse, keeps live data off screen, and returns to live', async () => {
    const page = await openWall('/wall');
    await expect.poll(() => page.getAttribute('[data-connection]', 'data-connection')).toBe('live');
    await page.waitForSelector('[data-alert-id="e2e-live-yellow"]');
    await expect.poll(() => page.textContent('[data-testid="city-aqi"]')).toBe('AQI 48 优');
    for (const chart of ['chart-air', 'chart-agencies']) {
      const box = await page.locator(`[data-testid="${chart}"] canvas`).boundingBox();
      expect(box?.width, chart).toBeGreaterThan(300);
      expect(box?.height, chart).toBeGreaterThan(150);
    }
    expect(await page.textContent('[data-testid="agency-pending"]')).toBe('1 待响应');
    expect(await overflowingPanels(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'wall-history-live.png') });

    // Drag the slider's thumb to T0: the range is the last six hours, live at the right end.
    const slider = page.getByTestId('history-slider');
    const { min, max } = await slider.evaluate((input: HTMLInputElement) => ({
      min: Number(input.min),
      max: Number(input.max),
    }));
    const box = await slider.boundingBox();
    if (box === null) throw new Error('no slider on the page');
    const thumb = 13; // half the thumb's width: the thumb's centre runs from box.x + 13 to box.right − 13
    const xOf = (ms: number) => box.x + thumb + ((ms - min) / (max - min)) * (box.width - 2 * thumb);
    await page.mouse.move(xOf(max), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOf(T0), box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();

    await page.waitForSelector('[data-testid="replay-badge"]');
    // The slider kept its size when the bar switched to replay (it must not move under a dragging hand).
    expect((await slider.boundingBox())?.width).toBe(box.width);
    const at = await replayAt(page);
    expect(Math.abs(at - T0)).toBeLessThanOrEqual(3 * MIN); // a pixel is about a minute on this slider
    expect(await page.textContent('[data-testid="replay-badge"]')).toContain('回放 REPLAY');
    // Nothing on the wall says live while replaying.
    expect(await page.locator('[data-connection]').count()).toBe(0);
    expect(await page.locator('[data-freshness]').count()).toBe(0);
    await replayedHeatDrawn(page);
    await page.waitForSelector('[data-alert-id="e2e-past-orange"]');
    expect(await alertIds(page)).toEqual(['e2e-past-orange']);
    await expect.poll(() => page.textContent('[data-testid="city-aqi"]')).toBe('AQI 160 中度污染');
    // Then, the police were on scene and urban management had not answered.
    expect(await page.textContent('[data-testid="agency-pending"]')).toBe('1 待响应');
    expect(await page.textContent('.trend-panel .count')).toBe('3.33');

    // A live alert during the replay reaches the store, not the screen.
    await send(
      TOPICS.alerts,
      'e2e-live-red',
      alertEventFixture(alertFixture('e2e-live-red', { district: NANSHAN, level: 'red' })),
    );
    await page.screenshot({ path: join(OUTPUT, 'wall-history-replay.png') });
    expect(await overflowingPanels(page)).toEqual([]);
    expect(await alertIds(page)).toEqual(['e2e-past-orange']);

    // Keys: ← steps five minutes back onto a whole step, → forward again.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => replayAt(page)).toBe(Math.ceil(at / (5 * MIN)) * 5 * MIN - 5 * MIN);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => replayAt(page)).toBe(Math.ceil(at / (5 * MIN)) * 5 * MIN);
    await replayedHeatDrawn(page);

    await page.getByRole('button', { name: 'EN' }).click();
    await page.waitForSelector('text=Back to live');
    await expect.poll(() => page.textContent('[data-testid="city-aqi"]')).toBe('AQI 160 Moderate');
    expect(await overflowingPanels(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'wall-history-replay-en.png') });

    // Back to live: the button, then again from the keyboard (Esc, L).
    await page.getByRole('button', { name: 'Back to live' }).click();
    await page.waitForSelector('[data-connection="live"]');
    expect(await page.locator('[data-testid="replay-badge"]').count()).toBe(0);
    await page.waitForSelector('[data-alert-id="e2e-live-red"]');
    expect(await alertIds(page)).toEqual(['e2e-live-red', 'e2e-live-yellow']);
    await expect.poll(() => page.textContent('[data-testid="city-aqi"]')).toBe('AQI 48 Excellent');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="replay-badge"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-connection="live"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="replay-badge"]');
    await page.keyboard.press('l');
    await page.waitForSelector('[data-connection="live"]');
    await page.close();
  });

  it('draws the replay without overflow on a 3840×2160 wall', async () => {
    const page = await openWall('/wall', { width: 3840, height: 2160 });
    await page.getByTestId('history-slider').focus();
    // From live, ← lands five minutes back on a whole minute, then on whole five minutes: step to about T0.
    const presses = Math.round((Date.now() - T0) / (5 * MIN));
    for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="replay-badge"]');
    await replayedHeatDrawn(page);
    await page.waitForSelector('[data-alert-id="e2e-past-orange"]');
    expect(await overflowingPanels(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'wall-history-replay-4k.png') });
    await page.close();
  });

  it("answers the history routes only within the caller's scope", async () => {
    const get = async (path: string, token: string): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(`${web.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: await response.json() };
    };
    const at = encodeURIComponent(new Date(T0).toISOString());
    const city = await get(`/api/history/heat?at=${at}`, displayToken);
    expect(city.status).toBe(200);
    const cityHeat = city.body as HistoryHeat;
    expect(cityHeat.cells).toHaveLength(PAST_CELLS.length);
    expect(cityHeat.segments.map((s) => [s.segmentId, s.congestionIndex])).toEqual([['shennan-05', 3.33]]);
    // Nanshan's wall sees its own district: Futian's past heat and orange alert are not its business.
    const nanshan = await get(`/api/history/heat?at=${at}`, nanshanToken);
    expect((nanshan.body as HistoryHeat).cells).toEqual([]);
    const nanshanAlerts = await get(`/api/history/alerts?at=${at}`, nanshanToken);
    expect((nanshanAlerts.body as HistoryAlerts).alerts).toEqual([]);
    expect((await get(`/api/history/alerts?at=${at}&scope=city`, nanshanToken)).status).toBe(403);
    const bad = await get('/api/history/heat?at=yesterday', displayToken);
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/^at:/);
    expect((await fetch(`${web.url}/api/history/air?at=${at}`)).status).toBe(401);
  });
});
