import { toClickHouseTime } from '@citybrain/schemas/clickhouse';
import { centerOf, DistrictIndex, loadDistricts, SHENZHEN_BBOX } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { describe, expect, it } from 'vitest';
import { crowdHeats, sensorReadings, trafficFlows, trafficIncidents } from '../../test/support/events.js';
import {
  expectedRow,
  LINES,
  parseTsvLine,
  TABLE_OF_KIND,
  type EventKind,
} from '../../test/support/expected-rows.js';
import { createFeed } from '../simulator/index.js';
import { checkedClickHouseTime, type NormalizeContext } from './normalize.js';
import { PlaceIndex } from './places.js';
import { EVENT_COLUMNS, SourcePartition } from './rows.js';
import { checkEventTime, MAX_FUTURE_MS } from './validate.js';

const KIND_OF_TOPIC: Readonly<Record<string, EventKind>> = {
  [TOPICS.sensorReadings]: 'sensorReading',
  [TOPICS.crowdHeat]: 'crowdHeat',
  [TOPICS.trafficFlow]: 'trafficFlow',
  [TOPICS.trafficIncidents]: 'trafficIncident',
};

describe('normalize: TabSeparated lines', () => {
  const districts = new DistrictIndex(loadDistricts());
  const nowMs = Date.now();

  it('read back as the row objects, field by field in the table columns, for the whole feed and the fixtures', () => {
    const context: NormalizeContext = { places: new PlaceIndex(districts), bbox: SHENZHEN_BBOX, nowMs };
    const source = new SourcePartition('cluster-"1"', TOPICS.crowdHeat, 3);
    const feed = createFeed({
      seed: 5,
      scenario: 'holiday-surge',
      runId: 'norm',
      startMs: nowMs - 4 * 3_600_000,
      districts,
      pace: { speed: 3_600, rate: 50_000 },
    });
    type Case = [EventKind, Record<string, unknown>];
    const of = (kind: EventKind, events: readonly object[]): Case[] =>
      events.map((e) => [kind, e as Record<string, unknown>]);
    const cases: Case[] = [
      ...feed.generator
        .eventsUntil(nowMs - 60_000, 20_000)
        .map((e): Case => [KIND_OF_TOPIC[e.topic] ?? 'sensorReading', e.value]),
      ...of('sensorReading', sensorReadings('fx', 30)),
      ...of('crowdHeat', crowdHeats('fx', 30)),
      ...of('trafficFlow', trafficFlows('fx', 30)),
      ...of(
        'trafficIncident',
        trafficIncidents('fx', 30).map((e) => ({
          ...e,
          plate: 'plt_x"\\y',
          description: 'lane 2\tblocked\r\nby a truck \\N \\t',
        })),
      ),
      [
        'crowdHeat',
        { id: 'v', ts: '2026-11-21T08:00:00+08:00', source: 's', count: 1, cell: '89411ca1e6fffff' },
      ],
      [
        'crowdHeat',
        { id: 'w', ts: '2026-11-21T08:00:00.5Z', source: 's', count: 0, venueId: 'x', lat: 22.5, lon: 114 },
      ],
      [
        'trafficFlow',
        {
          id: 'ü\n"\u2028😀',
          ts: '2026-11-21T07:00:00.123456Z',
          source: 's',
          segmentId: 's',
          speedKmh: 0,
          lat: 22.5,
          lon: 114.0000001,
        },
      ],
    ];
    expect(cases.length).toBeGreaterThan(10_000);
    cases.forEach(([kind, event], i) => {
      const offset = String(1_000_000 + i);
      const line = LINES[kind](event, context, source.lineageTsv(offset));
      const row = expectedRow(kind, event, districts, source.lineage(offset));
      expect(Object.keys(row)).toEqual(EVENT_COLUMNS[TABLE_OF_KIND[kind]]);
      expect(parseTsvLine(line)).toEqual(
        Object.values(row).map((v) => (v === null ? null : String(v as string | number))),
      );
    });
  });

  it('checks and writes event time as checkEventTime(Date.parse(ts)) then toClickHouseTime do', () => {
    /** The obvious way: what checkedClickHouseTime must agree with, refusal message included. */
    const expected = (ts: string, now: number): string => {
      try {
        checkEventTime(Date.parse(ts), now);
        return toClickHouseTime(Date.parse(ts));
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    };
    const actual = (ts: string, now: number): string => {
      try {
        return checkedClickHouseTime(ts, now);
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    };
    const cases: [string, number][] = [];
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const now of [
      nowMs,
      Date.parse('2026-02-28T23:59:59.999Z'),
      Date.parse('9999-12-30T00:00:00.000Z'),
    ]) {
      // both sides of the 24 h limit, to the ms, in UTC and with an offset
      for (const delta of [-1, 0, 1, 2, -86_400_001, 3_600_000])
        cases.push([iso(now + MAX_FUTURE_MS + delta), now]);
      cases.push([iso(now + MAX_FUTURE_MS + 1).replace('Z', '+00:00'), now]);
      cases.push(['2026-11-21T16:00:00+08:00', now], ['2026-11-21T08:00:00Z', now]);
      cases.push(['0999-01-01T00:00:00.000Z', now], ['2026-11-21T08:00:00.123456Z', now]);
    }
    const edges = ['1000-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2024-02-29T12:00:00.000Z'];
    for (const ts of edges) cases.push([ts, nowMs]);
    for (let i = 0; i < 20_000; i++) cases.push([iso(Math.floor(-30e12 + Math.random() * 280e12)), nowMs]);
    for (const [ts, now] of cases) expect(actual(ts, now), ts).toBe(expected(ts, now));
    expect(cases.filter(([ts, now]) => actual(ts, now).startsWith('refused')).length).toBeGreaterThan(1_000);
  });

  it('refuses an event from the far future or outside the city, as before', () => {
    const context: NormalizeContext = { places: new PlaceIndex(districts), bbox: SHENZHEN_BBOX, nowMs };
    const flow = { id: 'f', source: 's', segmentId: 's', speedKmh: 40, lat: 22.54, lon: 114.05 };
    const ts = (hours: number) => new Date(nowMs + hours * 3_600_000).toISOString();
    expect(() => LINES.trafficFlow({ ...flow, ts: ts(25) }, context, '')).toThrow(/in the future/);
    const speed = EVENT_COLUMNS.traffic_flow.indexOf('speed_kmh');
    expect(parseTsvLine(LINES.trafficFlow({ ...flow, ts: ts(23) }, context, ''))[speed]).toBe('40');
    expect(() => LINES.trafficFlow({ ...flow, ts: ts(-1), lat: 39.9, lon: 116.4 }, context, '')).toThrow(
      /outside the city/,
    );
  });
});

describe('PlaceIndex', () => {
  const districts = new DistrictIndex(loadDistricts());

  it('remembers places, and forgets them all when full', () => {
    const places = new PlaceIndex(districts, 2);
    const a = places.atPoint(22.5185, 113.968);
    expect(places.atPoint(22.5185, 113.968)).toBe(a);
    expect(a).toMatchObject({ cell: '89411ca1e6fffff', district: '440305', venueId: 'shenzhen-bay-park' });
    places.atPoint(22.54, 114.05);
    places.atPoint(22.55, 114.06); // over the limit: starts afresh
    const again = places.atPoint(22.5185, 113.968);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
    expect(places.ofCell('89411ca1e6fffff')).toMatchObject({
      ...centerOf('89411ca1e6fffff'),
      district: '440305',
    });
  });
});
