import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, alertFixture } from '../../../test/fixtures.js';
import { airFromRows, airAtStatement } from './history-air-query.js';
import { alertScopeFilter, alertsAtStatement, alertsFromRows } from './history-alerts-query.js';
import { heatAtStatement } from './history-heat-query.js';
import { historyQuery } from './history-params.js';
import { congestionIndex, segmentsAtStatement, trendAtStatement } from './history-traffic-query.js';

const AT = Date.parse('2026-11-22T06:00:00.000Z');
const CITY = { kind: 'city' } as const;
const NANSHAN_WALL = { kind: 'district', adcode: NANSHAN } as const;
const WATER = { kind: 'agency', agency: 'water' } as const;

describe('history query parameters', () => {
  const schema = historyQuery(() => AT);
  it('takes an ISO instant with a zone and a window in minutes', () => {
    expect(schema.parse({ at: '2026-11-22T13:30:00+08:00' })).toEqual({
      at: Date.parse('2026-11-22T05:30:00.000Z'),
      window: 10,
    });
    // The scope is the caller's (scoped-answer.ts), not a query parameter of these routes.
    expect(schema.parse({ at: '2026-11-22T05:00:00Z', window: '30', scope: NANSHAN })).toEqual({
      at: Date.parse('2026-11-22T05:00:00.000Z'),
      window: 30,
    });
  });

  it('refuses instants without a zone, in the future or beyond a week, and odd windows', () => {
    const bad = (query: Record<string, string>) => !schema.safeParse(query).success;
    expect(bad({ at: '2026-11-22T05:00:00' })).toBe(true);
    expect(bad({ at: '2026-11-22T06:05:00Z' })).toBe(true);
    expect(bad({ at: '2026-11-14T06:00:00Z' })).toBe(true);
    expect(bad({ at: '2026-11-22T05:00:00Z', window: '0' })).toBe(true);
    expect(bad({ at: '2026-11-22T05:00:00Z', window: '61' })).toBe(true);
    expect(bad({})).toBe(true);
  });
});

describe('history statements', () => {
  it('cuts heat to the window before the instant and to a district scope', () => {
    const city = heatAtStatement(CITY, AT, 10, 500);
    expect(city.query_params).toEqual({ fromMs: AT - 600_000, atMs: AT, limit: 501 });
    expect(city.query).not.toContain('{district:String}');
    const district = heatAtStatement(NANSHAN_WALL, AT, 10);
    expect(district.query).toContain('district = {district:String}');
    expect(district.query_params).toMatchObject({ district: NANSHAN, limit: 20_001 });
    // Agencies see the whole city's counts, as on the live feed.
    expect(heatAtStatement(WATER, AT, 10).query_params).not.toHaveProperty('district');
    expect(segmentsAtStatement(NANSHAN_WALL, AT, 5).query_params).toEqual({
      fromMs: AT - 300_000,
      atMs: AT,
      district: NANSHAN,
    });
  });

  it('computes the congestion index as streams does, with the arterial table as free-flow fallback', () => {
    expect(congestionIndex(60, 20)).toBe(3);
    expect(congestionIndex(60, 0)).toBe(10);
    expect(congestionIndex(60, 70)).toBeCloseTo(0.857, 3);
    const trend = trendAtStatement(CITY, AT, new Map([['binhai-01', 70]]));
    expect(trend.query_params).toMatchObject({
      fromMs: AT - 15 * 60_000,
      segmentIds: ['binhai-01'],
      freeFlows: [70],
      cap: 10,
    });
  });

  it("filters alerts by the scope's rule on the state they had then", () => {
    expect(alertScopeFilter(CITY)).toEqual({ sql: '1', params: {} });
    const district = alertScopeFilter(NANSHAN_WALL);
    expect(district.sql).toContain("JSONExtractString(state, 'level') = 'red'");
    expect(district.params).toEqual({ district: NANSHAN });
    expect(alertScopeFilter(WATER)).toMatchObject({ params: { agency: 'water' } });
    const statement = alertsAtStatement(WATER, AT);
    expect(statement.query).toContain('has(JSONExtract(state');
    expect(statement.query_params).toEqual({ atMs: AT, limit: 1_000, agency: 'water' });
  });

  it('parses stored alert states, skipping unreadable ones and anything outside the scope', () => {
    const own = alertFixture('own', { district: NANSHAN });
    const other = alertFixture('other', { district: FUTIAN });
    const rows = [
      { alert_id: 'own', state: JSON.stringify(own) },
      { alert_id: 'other', state: JSON.stringify(other) },
      { alert_id: 'broken', state: '{"alertId":' },
      { alert_id: 'old', state: JSON.stringify({ alertId: 'old', level: 'purple' }) },
    ];
    const parsed = alertsFromRows(rows, NANSHAN_WALL);
    expect(parsed.alerts.map((a) => a.alertId)).toEqual(['own']);
    expect(parsed.unreadable).toBe(2);
  });

  it('averages air over stations, per district in the scope and for the city', () => {
    expect(airAtStatement(AT, 10).query_params).toMatchObject({
      kinds: ['air.aqi', 'air.pm25', 'air.pm10', 'air.no2'],
    });
    const rows = [
      { district: NANSHAN, kind: 'air.aqi', total: 150, stations: 2 },
      { district: NANSHAN, kind: 'air.pm25', total: 35.55, stations: 1 },
      { district: FUTIAN, kind: 'air.aqi', total: 101, stations: 1 },
      { district: '', kind: 'air.aqi', total: 49, stations: 1 }, // outside every district: the city only
    ];
    expect(airFromRows(rows, CITY)).toEqual([
      { district: FUTIAN, aqi: 101, pm25: null, pm10: null, no2: null, stations: 1 },
      { district: NANSHAN, aqi: 75, pm25: 35.6, pm10: null, no2: null, stations: 3 },
      { district: 'city', aqi: 75, pm25: 35.6, pm10: null, no2: null, stations: 5 },
    ]);
    expect(airFromRows(rows, NANSHAN_WALL).map((d) => d.district)).toEqual([NANSHAN, 'city']);
    expect(airFromRows([], CITY)).toEqual([]);
  });
});
