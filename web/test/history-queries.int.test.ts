// The history queries against the real ClickHouse engine (chDB): the picture at an instant is the latest
// report per cell / segment / station in the window before it, alerts in the state they had then, and every
// query keeps to its scope.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireClickHouse, migrate, type SharedClickHouse } from '@citybrain/schemas/clickhouse';
import type { Alert } from '@citybrain/schemas/events';
import { gridDisk, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAirAt } from '../src/server/rest/history-air-query.js';
import { queryAlertsAt } from '../src/server/rest/history-alerts-query.js';
import { queryHeatAt } from '../src/server/rest/history-heat-query.js';
import { querySegmentsAt, queryTrendAt } from '../src/server/rest/history-traffic-query.js';
import { FUTIAN, NANSHAN, alertFixture } from './fixtures.js';
import { alertVersionRows, heatRow, seedHistory, sensorRow, trafficRow } from './history-seed.js';

const T = Date.parse('2026-11-22T06:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const CITY = { kind: 'city' } as const;
const NANSHAN_WALL = { kind: 'district', adcode: NANSHAN } as const;

const [bay, bay2] = gridDisk(latLngToCell(22.515, 113.96, 9), 1);
const civic = latLngToCell(22.541, 114.055, 9);

/** An alert's life as versions: each entry overrides the fixture's state at that version's time. */
function versions(id: string, base: Partial<Alert>, steps: { atMs: number; over?: Partial<Alert> }[]) {
  const raisedAt = iso(steps[0]?.atMs ?? T);
  return steps.map((step, i) => ({
    alert: {
      ...alertFixture(id, { raisedAt }),
      ...base,
      ...step.over,
      version: i + 1,
      updatedAt: iso(step.atMs),
    },
    type:
      i === 0
        ? ('raised' as const)
        : step.over?.status === 'expired'
          ? ('cleared' as const)
          : ('updated' as const),
  }));
}

describe('history queries (chDB)', () => {
  let dir: string;
  let clickhouse: SharedClickHouse;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citybrain-history-'));
    clickhouse = acquireClickHouse({ kind: 'chdb', path: join(dir, 'chdb') });
    await migrate(clickhouse.client);
    const alerts = [
      // Raised yellow, orange before T, expired after T: at T it is orange.
      ...versions('escalated', {}, [
        { atMs: T - 30 * MIN },
        { atMs: T - 10 * MIN, over: { level: 'orange' } },
        { atMs: T + 10 * MIN, over: { level: 'orange', status: 'expired' } },
      ]),
      // Raised after T.
      ...versions('later', {}, [{ atMs: T + 5 * MIN }]),
      // Over before T.
      ...versions('over', {}, [{ atMs: T - 60 * MIN }, { atMs: T - 20 * MIN, over: { status: 'resolved' } }]),
      // Futian's red alert (every district wall takes part) routed to the water authority, still open.
      ...versions('futian-red', { district: FUTIAN, level: 'red', agencies: ['water', 'emergency'] }, [
        { atMs: T - 5 * MIN },
        { atMs: T - 1 * MIN, over: { status: 'acknowledged' } },
      ]),
      // Futian's yellow one: not a Nanshan wall's business.
      ...versions('futian-yellow', { district: FUTIAN }, [{ atMs: T - 15 * MIN }]),
    ];
    await seedHistory(clickhouse.client, {
      heat: [
        heatRow(bay ?? '', NANSHAN, 100, T - 20 * MIN), // before the 10-minute window
        heatRow(bay ?? '', NANSHAN, 200, T - 5 * MIN),
        heatRow(bay ?? '', NANSHAN, 999, T + 1), // after T
        heatRow(bay2 ?? '', NANSHAN, 300, T - 8 * MIN),
        heatRow(civic, FUTIAN, 50, T - 2 * MIN),
      ],
      traffic: [
        trafficRow('binhai-03', NANSHAN, 40, 60, T - 6 * MIN),
        trafficRow('binhai-03', NANSHAN, 20, 60, T - 3 * MIN), // the latest: index 3
        trafficRow('shennan-01', FUTIAN, 30, null, T - 2 * MIN), // free flow from the arterial table
      ],
      sensors: [
        sensorRow('aqi-ns-1', 'air.aqi', 60, NANSHAN, T - 4 * MIN),
        sensorRow('aqi-ns-2', 'air.aqi', 80, NANSHAN, T - 4 * MIN),
        sensorRow('aqi-ns-2', 'air.aqi', 300, NANSHAN, T + MIN), // after T
        sensorRow('pm25-ns-1', 'air.pm25', 35.5, NANSHAN, T - 4 * MIN),
        sensorRow('aqi-ft-1', 'air.aqi', 130, FUTIAN, T - 4 * MIN),
        sensorRow('rain-ft-1', 'rain.intensity', 12, FUTIAN, T - 4 * MIN), // not air
      ],
      alertVersions: alerts.map(({ alert, type }) => alertVersionRows(alert, type)),
    });
  });

  afterAll(async () => {
    await clickhouse.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it("replays each cell's latest count in the window, within the scope", async () => {
    const city = await queryHeatAt(clickhouse.client, CITY, T, 10);
    expect(city).toEqual({
      cells: [
        { cell: bay2, district: NANSHAN, people: 300 },
        { cell: bay, district: NANSHAN, people: 200 },
        { cell: civic, district: FUTIAN, people: 50 },
      ],
      truncated: false,
    });
    const nanshan = await queryHeatAt(clickhouse.client, NANSHAN_WALL, T, 10);
    expect(nanshan.cells.map((c) => c.district)).toEqual([NANSHAN, NANSHAN]);
    // A wider window reaches the older report only where nothing newer came.
    expect((await queryHeatAt(clickhouse.client, CITY, T - 10 * MIN, 15)).cells).toEqual([
      { cell: bay, district: NANSHAN, people: 100 },
    ]);
    expect(await queryHeatAt(clickhouse.client, CITY, T, 10, 2)).toMatchObject({ truncated: true });
    // Agencies see the whole city's counts, as on the live feed.
    const agency = await queryHeatAt(clickhouse.client, { kind: 'agency', agency: 'water' }, T, 10);
    expect(agency.cells).toHaveLength(3);
  });

  it('replays segment congestion and the trend before the instant', async () => {
    const freeFlow = new Map([['shennan-01', 60]]);
    const segments = await querySegmentsAt(clickhouse.client, CITY, T, 10, freeFlow);
    expect(segments.map((s) => [s.segmentId, s.congestionIndex])).toEqual([
      ['binhai-03', 3],
      ['shennan-01', 2],
    ]);
    expect(await querySegmentsAt(clickhouse.client, CITY, T, 10, new Map())).toHaveLength(1);
    const trend = await queryTrendAt(clickhouse.client, NANSHAN_WALL, T, freeFlow);
    expect(trend).toEqual([
      { ts: T - 6 * MIN, value: 1.5 },
      { ts: T - 3 * MIN, value: 3 },
    ]);
  });

  it('replays the alerts active at the instant, in the state they had then', async () => {
    const ids = (alerts: Alert[]) => alerts.map((a) => a.alertId).sort();
    const city = await queryAlertsAt(clickhouse.client, CITY, T);
    expect(ids(city.alerts)).toEqual(['escalated', 'futian-red', 'futian-yellow']);
    expect(city.unreadable).toBe(0);
    expect(city.alerts.find((a) => a.alertId === 'escalated')).toMatchObject({ level: 'orange', version: 2 });
    expect(city.alerts.find((a) => a.alertId === 'futian-red')?.status).toBe('acknowledged');
    // Before the acknowledgement and before the escalation.
    const earlier = await queryAlertsAt(clickhouse.client, CITY, T - 2 * MIN);
    expect(earlier.alerts.find((a) => a.alertId === 'futian-red')?.status).toBe('active');
    expect(
      (await queryAlertsAt(clickhouse.client, CITY, T - 25 * MIN)).alerts.map((a) => [a.alertId, a.level]),
    ).toEqual(
      expect.arrayContaining([
        ['escalated', 'yellow'],
        ['over', 'yellow'],
      ]),
    );
    // A district wall: its own and the city's red ones; an agency: the alerts routed to it.
    expect(ids((await queryAlertsAt(clickhouse.client, NANSHAN_WALL, T)).alerts)).toEqual([
      'escalated',
      'futian-red',
    ]);
    expect(
      ids((await queryAlertsAt(clickhouse.client, { kind: 'agency', agency: 'water' }, T)).alerts),
    ).toEqual(['futian-red']);
    expect((await queryAlertsAt(clickhouse.client, CITY, T + 20 * MIN)).alerts.map((a) => a.alertId)).toEqual(
      expect.not.arrayContaining(['escalated']),
    );
  });

  it('replays air quality per district and for the city', async () => {
    const city = await queryAirAt(clickhouse.client, CITY, T, 10);
    expect(city).toEqual([
      { district: FUTIAN, aqi: 130, pm25: null, pm10: null, no2: null, stations: 1 },
      { district: NANSHAN, aqi: 70, pm25: 35.5, pm10: null, no2: null, stations: 3 },
      { district: 'city', aqi: 90, pm25: 35.5, pm10: null, no2: null, stations: 4 },
    ]);
    // A district wall gets its own district and the city's mean over every station.
    expect(
      (await queryAirAt(clickhouse.client, NANSHAN_WALL, T, 10)).map((d) => [d.district, d.aqi]),
    ).toEqual([
      [NANSHAN, 70],
      ['city', 90],
    ]);
  });
});
