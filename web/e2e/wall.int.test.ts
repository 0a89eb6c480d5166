// End to end: web (production pages, Socket.IO, Kafka feed) with the mock Kafka cluster and chDB, and the
// wall in headless Chromium. Live aggregates and alerts are produced on the real topics, as streams would.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger, waitFor } from '@citybrain/devstack/testing';
import type { SharedClickHouse } from '@citybrain/schemas/clickhouse';
import type { AlertEvent, LiveAggregate } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import type { Producer } from 'kafkajs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningWeb } from '../src/server/start.js';
import {
  FUTIAN,
  NANSHAN,
  alertEventFixture,
  alertFixture,
  cityFixture,
  liveFixture,
  sensorsFixture,
} from '../test/fixtures.js';
import { seedAccounts } from '../test/auth-fixtures.js';
import { startWebTestParts, type Cleanup } from '../test/web-test-parts.js';
import { displaySignInUrl, launchChromium, type TestBrowser } from './browser.js';

const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

/** Panels whose content is taller than the panel: the wall never scrolls, so that content is cut off. */
async function overflowingPanels(page: Page): Promise<string[]> {
  return page
    .locator('.panel')
    .evaluateAll((panels: Element[]): string[] =>
      panels
        .filter((panel) => panel.scrollHeight > panel.clientHeight + 1)
        .map((panel) => panel.getAttribute('class') ?? ''),
    );
}

describe('the wall in a browser', { timeout: 120_000 }, () => {
  let clickhouse: SharedClickHouse;
  let web: RunningWeb;
  let producer: Producer;
  let chromium: TestBrowser;
  /** Tokens, as the users CLI issues them: the city wall, Nanshan's wall, an admin and Futian's center. */
  const tokens = { cityWall: '', nanshanWall: '', admin: '', futianCenter: '' };
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  // Undone in reverse order, including when beforeAll failed halfway.
  const cleanup: Cleanup[] = [];

  const send = async (topic: string, key: string, value: AlertEvent | LiveAggregate) =>
    producer.send({ topic, messages: [{ key, value: JSON.stringify(value) }] });
  const publishLive = async (seq: number) => {
    const ts = new Date().toISOString();
    for (const district of [NANSHAN, FUTIAN])
      await send(
        TOPICS.live,
        district,
        liveFixture(district, { ts, seq, sensors: sensorsFixture(district, ts) }),
      );
    await send(TOPICS.live, 'city', cityFixture(ts));
  };

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const parts = await startWebTestParts('web-e2e', { WEB_MODE: 'prod' }, cleanup);
    const { config, kafka } = parts;
    ({ clickhouse, producer } = parts);
    const accounts = await seedAccounts(config.auth, [
      { id: 'admin-1', role: 'admin' },
      { id: 'futian-center', role: 'district', district: FUTIAN },
    ]);
    tokens.cityWall = await accounts.displayToken('lobby-wall', 'city');
    tokens.nanshanWall = await accounts.displayToken('nanshan-wall', NANSHAN);
    tokens.admin = await accounts.sessionToken('admin-1');
    tokens.futianCenter = await accounts.sessionToken('futian-center');
    // Before web starts: a new instance must rebuild the picture from the topics' history.
    await publishLive(1);
    await send(
      TOPICS.alerts,
      'e2e-futian-yellow',
      alertEventFixture(alertFixture('e2e-futian-yellow', { district: FUTIAN })),
    );
    web = await start(config, { logger: silentLogger(), kafka, clickhouse: clickhouse.client });
    cleanup.push(() => web.stop());
    let seq = 2;
    // Streams republishes every few seconds; keep the data fresh so the header shows it live.
    const liveTimer = setInterval(() => void publishLive(seq++), 3_000);
    cleanup.push(() => clearInterval(liveTimer));
    chromium = await launchChromium();
    cleanup.push(() => chromium.close());
  });

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  async function openWall(path: string, token: string): Promise<{ page: Page; readyMs: number }> {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // A failing wall says why in the test log.
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error')
        console.error(`page console: ${message.text()} ${message.location().url}`);
    });
    const started = Date.now();
    // Signs in as a display does (the link sets the session cookie), then lands on the wall.
    await page.goto(displaySignInUrl(web.url, token, path));
    expect(new URL(page.url()).pathname).toBe(path);
    await page.waitForSelector('[data-testid="wall-map"][data-ready="true"]', { timeout: READY_TIMEOUT_MS });
    return { page, readyMs: Date.now() - started };
  }

  it('renders the map and crowd heat, and shows an injected alert within 2 s', async () => {
    const { page, readyMs } = await openWall('/wall', tokens.cityWall);
    console.info(`wall: navigation to first heat render ${readyMs} ms`);
    expect(web.mode).toBe('prod');
    // maplibre's canvas and deck.gl's overlay canvas.
    expect(await page.locator('[data-testid="wall-map"] canvas').count()).toBeGreaterThanOrEqual(2);
    expect(Number(await page.getAttribute('[data-testid="wall-map"]', 'data-heat-cells'))).toBeGreaterThan(0);
    await expect.poll(() => page.getAttribute('[data-connection]', 'data-connection')).toBe('live');
    expect(await page.getAttribute('[data-freshness]', 'data-freshness')).toBe('fresh');
    expect(await page.locator('[data-alert-id="e2e-futian-yellow"]').count()).toBe(1);
    // The live aggregates' sensors are on the map, coloured by band (four per district in the fixture).
    await expect
      .poll(async () => Number(await page.getAttribute('[data-testid="wall-map"]', 'data-sensors')))
      .toBeGreaterThan(0);

    // The ECharts side panels draw into canvases sized to their panels, and nothing spills or scrolls.
    for (const chart of ['chart-venues', 'chart-congestion', 'chart-alert-stats']) {
      const canvas = page.locator(`[data-testid="${chart}"] canvas`);
      await canvas.waitFor({ timeout: 10_000 });
      const box = await canvas.boundingBox();
      expect(box?.width, chart).toBeGreaterThan(200);
      expect(box?.height, chart).toBeGreaterThan(120);
    }
    expect(await overflowingPanels(page)).toEqual([]);
    // The trend has the city summary's index as its latest point.
    await expect.poll(() => page.textContent('.trend-panel .count')).toBe('1.40');

    // The heat is really drawn: hiding the heat layer changes the map's pixels (no alert markers yet).
    const map = page.locator('[data-testid="wall-map"]');
    const withHeat = await map.screenshot();
    await page.getByRole('button', { name: '人流热力' }).click();
    await waitFor(
      () => map.screenshot(),
      (shot) => !shot.equals(withHeat),
      { timeoutMs: 15_000, what: 'heat hidden' },
    );
    await page.getByRole('button', { name: '人流热力' }).click();
    await page.screenshot({ path: join(OUTPUT, 'wall-city.png') });

    const injected = Date.now();
    await send(
      TOPICS.alerts,
      'e2e-red',
      alertEventFixture(alertFixture('e2e-red', { district: NANSHAN, level: 'red' })),
    );
    await page.waitForSelector('[data-alert-id="e2e-red"]', { timeout: 2_000 });
    const shownMs = Date.now() - injected;
    console.info(`wall: alert produced → shown in list ${shownMs} ms`);
    // Most severe first.
    expect(await page.locator('[data-alert-id]').first().getAttribute('data-alert-id')).toBe('e2e-red');
    // The header's ticker announces it, then its acknowledgement, newest first.
    const ticker = page.locator('[data-testid="alert-ticker"] [data-ticker-alert-id="e2e-red"]');
    await page.waitForSelector(
      '[data-testid="ticker-item"][data-ticker-alert-id="e2e-red"][data-change="raised"]',
      {
        timeout: 2_000,
      },
    );
    expect(await ticker.first().textContent()).toContain('发布');
    const red = alertFixture('e2e-red', { district: NANSHAN, level: 'red' });
    await send(
      TOPICS.alerts,
      'e2e-red',
      alertEventFixture({ ...red, version: 2, status: 'acknowledged' }, 'updated'),
    );
    await page.waitForSelector('[data-testid="ticker-item"][data-change="acknowledged"]', { timeout: 2_000 });
    expect(
      await ticker.evaluateAll((items) => items.map((item) => item.getAttribute('data-change'))),
    ).toEqual(['acknowledged', 'raised']);
    expect(await ticker.first().textContent()).toMatch(/已确认.*南山区/);
    await page.screenshot({ path: join(OUTPUT, 'wall-city-alert.png') });

    await page.getByRole('button', { name: 'EN' }).click();
    await page.waitForSelector('text=Shenzhen City Operations Center');
    expect(await ticker.first().textContent()).toContain('Acknowledged');
    expect(await overflowingPanels(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'wall-city-en.png') });
    await page.close();
  });

  it('serves the REST feeds from the shared ClickHouse client, to signed-in callers only', async () => {
    const alerts = await fetch(`${web.url}/api/alerts?status=all&hours=1`, bearer(tokens.cityWall));
    expect(alerts.status).toBe(200);
    expect(Array.isArray(await alerts.json())).toBe(true);
    const heat = await fetch(`${web.url}/api/heat?window=30`, bearer(tokens.cityWall));
    expect(heat.status).toBe(200);
    expect(Array.isArray(await heat.json())).toBe(true);
    const bad = await fetch(`${web.url}/api/heat?window=0`, bearer(tokens.cityWall));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^window:/);
    const health = (await (await fetch(`${web.url}/api/health`)).json()) as {
      status: string;
      districtsLive: number;
    };
    expect(health).toMatchObject({ status: 'ok', districtsLive: 3 });
    expect(await (await fetch(`${web.url}/metrics`, bearer(tokens.admin))).text()).toContain(
      'citybrain_web_kafka_messages_total',
    );
    // Without a token, with a forged one, or below the role: refused with the reason.
    const anonymous = await fetch(`${web.url}/api/alerts`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'unauthenticated', reason: 'missing' });
    const forged = await fetch(`${web.url}/api/heat`, bearer(`${tokens.admin.slice(0, -4)}AAAA`));
    expect(forged.status).toBe(401);
    expect((await fetch(`${web.url}/metrics`, bearer(tokens.cityWall))).status).toBe(403);
    // A page without a session goes to the sign-in page.
    const page = await fetch(`${web.url}/wall`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login\?next=%2Fwall/);
  });

  it("never gives a district center another district's data over REST", async () => {
    // Futian's center asking for Nanshan's heat, or widening its scope, is refused, not answered.
    const otherHeat = await fetch(`${web.url}/api/heat?district=${NANSHAN}`, bearer(tokens.futianCenter));
    expect(otherHeat.status).toBe(403);
    const widened = await fetch(`${web.url}/api/alerts?scope=city&status=all`, bearer(tokens.futianCenter));
    expect(widened.status).toBe(403);
    const own = await fetch(`${web.url}/api/heat?window=30`, bearer(tokens.futianCenter));
    expect(own.status).toBe(200);
    for (const row of (await own.json()) as { district: string }[]) expect(row.district).toBe(FUTIAN);
    // The CAP feed: the caller's scope only (Futian's yellow alert is there), never anonymous.
    const cap = await fetch(`${web.url}/api/feeds/alerts.cap`, bearer(tokens.futianCenter));
    expect(cap.status).toBe(200);
    expect(cap.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(await cap.text()).toContain('<identifier>e2e-futian-yellow.v1</identifier>');
    expect((await fetch(`${web.url}/api/feeds/alerts.cap`)).status).toBe(401);
    const widerCap = await fetch(`${web.url}/api/feeds/alerts.cap?scope=city`, bearer(tokens.futianCenter));
    expect(widerCap.status).toBe(403);
  });

  it('scopes a district wall to its district and the city-wide red alerts', async () => {
    const { page } = await openWall(`/wall/${NANSHAN}`, tokens.nanshanWall);
    await page.waitForSelector('[data-alert-id="e2e-red"]');
    // Futian's yellow alert is not Nanshan's business; the red one (Nanshan's own here) is shown.
    expect(await page.locator('[data-alert-id="e2e-futian-yellow"]').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, `wall-district-${NANSHAN}.png`) });
    await page.close();
  });
});
