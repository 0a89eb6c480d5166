import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, alertFixture } from '../../../test/fixtures.js';
import type { HistoryAir, HistoryAlerts, HistoryHeat } from '../../realtime/history.js';
import { historyUrl } from './replay-client.js';
import { replayPicture } from './replay-picture.js';
import { replayKeyAction } from './use-replay-keys.js';

const AT = Date.parse('2026-11-22T06:00:00.000Z');
const ISO = new Date(AT).toISOString();

describe('replay picture', () => {
  const heat: HistoryHeat = {
    at: ISO,
    windowMinutes: 10,
    cells: [
      { cell: '89411ca1e6fffff', district: NANSHAN, people: 300 },
      { cell: '89411ca1e73ffff', district: NANSHAN, people: 200 },
      { cell: '89411c00000ffff', district: FUTIAN, people: 50 },
      { cell: '8941100000fffff', district: '', people: 7 }, // outside every district
    ],
    truncated: false,
    segments: [
      { segmentId: 'binhai-03', district: NANSHAN, speedKmh: 20, congestionIndex: 3, lat: 22.5, lon: 113.9 },
      {
        segmentId: 'binhai-04',
        district: NANSHAN,
        speedKmh: 40,
        congestionIndex: 1.5,
        lat: 22.5,
        lon: 113.9,
      },
      { segmentId: 'shennan-01', district: FUTIAN, speedKmh: 30, congestionIndex: 2, lat: 22.5, lon: 114 },
    ],
    trend: [{ ts: AT - 60_000, value: 2.1 }],
  };
  const alerts: HistoryAlerts = {
    at: ISO,
    alerts: [
      alertFixture('a', { district: NANSHAN, level: 'orange' }),
      alertFixture('b', { district: FUTIAN }),
    ],
  };
  const air: HistoryAir = {
    at: ISO,
    windowMinutes: 10,
    districts: [
      { district: NANSHAN, aqi: 70, pm25: 35, pm10: null, no2: null, stations: 3 },
      { district: 'city', aqi: 90, pm25: 35, pm10: null, no2: null, stations: 4 },
    ],
  };

  it('rebuilds the live shapes per district and for the city, as streams would have published them', () => {
    const picture = replayPicture(AT, heat, alerts, air);
    expect(picture.at).toBe(AT);
    expect([...picture.alerts.keys()]).toEqual(['a', 'b']);
    expect(picture.congestionTrend).toEqual(heat.trend);
    const nanshan = picture.live.get(NANSHAN);
    expect(nanshan).toMatchObject({
      district: NANSHAN,
      ts: ISO,
      kpis: { people: 500, congestionIndex: 2.25, activeAlerts: { blue: 0, yellow: 0, orange: 1, red: 0 } },
      heat: [
        { cell: '89411ca1e6fffff', people: 300 },
        { cell: '89411ca1e73ffff', people: 200 },
      ],
      air: { aqi: 70, stations: 3 },
    });
    expect(nanshan?.congestion.map((s) => s.segmentId)).toEqual(['binhai-03', 'binhai-04']);
    expect(picture.live.get(FUTIAN)?.air).toBeUndefined();
    // The city counts every cell (also those outside the districts) and every segment.
    expect(picture.live.get('city')).toMatchObject({
      kpis: { people: 557, congestionIndex: 2.17, activeAlerts: { yellow: 1, orange: 1 } },
      heat: [],
      air: { aqi: 90 },
    });
  });
});

describe('replay requests and keys', () => {
  it("asks the history routes for the instant in the page's own scope", () => {
    expect(historyUrl('heat', AT, { kind: 'city' })).toBe(
      '/api/history/heat?at=2026-11-22T06%3A00%3A00.000Z',
    );
    expect(historyUrl('alerts', AT, { kind: 'district', adcode: NANSHAN })).toBe(
      `/api/history/alerts?at=2026-11-22T06%3A00%3A00.000Z&scope=${NANSHAN}`,
    );
    expect(historyUrl('air', AT, { kind: 'agency', agency: 'water' })).toContain('scope=agency%3Awater');
  });

  it('steps with the arrows and returns with Esc or L, except while typing', () => {
    const body = { tagName: 'BODY' };
    expect(replayKeyAction('ArrowLeft', body)).toEqual({ kind: 'step', direction: -1 });
    expect(replayKeyAction('ArrowRight', { tagName: 'INPUT', type: 'range' })).toEqual({
      kind: 'step',
      direction: 1,
    });
    expect(replayKeyAction('Escape', body)).toEqual({ kind: 'live' });
    expect(replayKeyAction('l', { tagName: 'BUTTON' })).toEqual({ kind: 'live' });
    expect(replayKeyAction('L', null)).toEqual({ kind: 'live' });
    expect(replayKeyAction('ArrowLeft', { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(replayKeyAction('l', { tagName: 'TEXTAREA' })).toBeNull();
    expect(replayKeyAction('x', body)).toBeNull();
  });
});
