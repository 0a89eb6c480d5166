import {
  crowdHeat,
  sensorReading,
  trafficFlow,
  trafficIncident,
  type CrowdHeat,
  type SensorReading,
  type TrafficFlow,
  type TrafficIncident,
} from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { crowdHeats, sensorReadings, trafficFlows, trafficIncidents } from '../../test/support/events.js';
import { createFeed } from '../simulator/index.js';
import { CONTRACTS } from './contracts.js';

const PLAIN = { sensorReading, crowdHeat, trafficFlow, trafficIncident } as const;
type Name = keyof typeof PLAIN;
const NAMES = Object.keys(PLAIN) as Name[];

const BY_TOPIC: Readonly<Record<string, Name>> = {
  [TOPICS.sensorReadings]: 'sensorReading',
  [TOPICS.crowdHeat]: 'crowdHeat',
  [TOPICS.trafficFlow]: 'trafficFlow',
  [TOPICS.trafficIncidents]: 'trafficIncident',
};

type Event = SensorReading | CrowdHeat | TrafficFlow | TrafficIncident;

/** Valid events of each contract: the simulator's feed (every scenario) and the integration fixtures. */
function validEvents(): Map<Name, Record<string, unknown>[]> {
  const byName = new Map<Name, Record<string, unknown>[]>(NAMES.map((name) => [name, []]));
  const districts = new DistrictIndex(loadDistricts());
  for (const scenario of ['normal', 'holiday-surge', 'rainstorm', 'evening-rush'] as const) {
    const feed = createFeed({
      seed: 11,
      scenario,
      runId: scenario,
      startMs: Date.parse('2026-11-21T08:00:00Z'),
      districts,
      pace: { speed: 3_600, rate: 50_000 },
    });
    for (const event of feed.generator.eventsUntil(Date.parse('2026-11-21T11:00:00Z'), 5_000)) {
      const name = BY_TOPIC[event.topic];
      if (name) byName.get(name)?.push(event.value);
    }
  }
  const fixtures: [Name, object[]][] = [
    ['sensorReading', sensorReadings('fx', 20)],
    ['crowdHeat', crowdHeats('fx', 20)],
    ['trafficFlow', trafficFlows('fx', 20)],
    ['trafficIncident', trafficIncidents('fx', 20)],
  ];
  for (const [name, events] of fixtures) byName.get(name)?.push(...(events as Record<string, unknown>[]));
  return byName;
}

// Values chosen to sit on or next to every bound, type and format rule the contracts have.
const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  0,
  -0,
  -1,
  1,
  0.5,
  16,
  17,
  250,
  250.0001,
  -90.0001,
  90,
  180.5,
  1e6,
  1e6 + 1,
  2 ** 53,
  Number.MAX_VALUE,
  Infinity,
  -Infinity,
  NaN,
  '',
  ' ',
  'a',
  'x'.repeat(16),
  'x'.repeat(17),
  'x'.repeat(32),
  'x'.repeat(33),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(2000),
  'x'.repeat(2001),
  '😀'.repeat(32),
  '😀'.repeat(33),
  '\ud800',
  'NaN',
  '12',
  [],
  {},
  { id: 'nested' },
  // timestamps: zone forms, precision, calendar edges, near misses
  '2026-11-21T08:30:00.000Z',
  '2026-11-21T08:30:00Z',
  '2026-11-21T08:30:00.123456789Z',
  '2026-11-21T08:30:00+08:00',
  '2026-11-21T08:30:00.5-03:30',
  '2026-11-21T08:30:00',
  '2026-11-21 08:30:00.000Z',
  '2026-11-21t08:30:00.000z',
  '2026-11-21T08:30Z',
  '2026-11-21T24:00:00Z',
  '2026-11-21T23:59:60Z',
  '2024-02-29T00:00:00Z',
  '2026-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '+02026-11-21T08:30:00Z',
  // enum members and near misses
  'air.pm25',
  'AIR.PM25',
  'temperature',
  'µg/m³',
  'ug/m3',
  'μg/m³',
  '°C',
  'C',
  'dB(A)',
  'AQI',
  'aqi',
  'signaling',
  'wifi ',
  'accident',
  'fire',
  'critical',
  'cleared',
  'Open',
  // H3 cells: a crowd cell, another resolution, garbage
  '89411ca1e6fffff',
  '8928308280fffff',
  '88411ca1e7fffff',
  '8928308280fffff0',
  'constructor',
  '__proto__',
];

function mutations(event: Record<string, unknown>, keys: readonly string[]): unknown[] {
  const out: unknown[] = [];
  for (const key of keys) {
    const { [key]: _dropped, ...without } = event;
    out.push(without);
    for (const value of ODD_VALUES) out.push({ ...event, [key]: value });
  }
  out.push([event], null, 'event', 42, Object.assign(Object.create(null) as object, event));
  return out;
}

function sameOutcome(name: Name, input: unknown): void {
  const fast = (CONTRACTS[name] as z.ZodType<Event>).safeParse(input);
  const plain = (PLAIN[name] as z.ZodType<Event>).safeParse(input);
  expect(fast.success, JSON.stringify(input)).toBe(plain.success);
  if (fast.success && plain.success) expect(fast.data).toStrictEqual(plain.data);
  if (!fast.success && !plain.success) expect(fast.error.issues).toStrictEqual(plain.error.issues);
}

describe('compiled contracts', () => {
  const valid = validEvents();

  it('are compiled clones of the schemas (zod refuses nothing in them)', () => {
    for (const name of NAMES) {
      expect(() => z.compile(PLAIN[name], { strict: true })).not.toThrow();
      expect(CONTRACTS[name]).not.toBe(PLAIN[name]);
    }
  });

  it('accept every valid event with the same output as the schemas', () => {
    for (const name of NAMES) {
      const events = valid.get(name) ?? [];
      expect(events.length, name).toBeGreaterThan(name === 'trafficIncident' ? 20 : 500);
      for (const event of events) {
        const parsed = CONTRACTS[name].safeParse(event);
        expect(parsed.success, JSON.stringify(event)).toBe(true);
        sameOutcome(name, event);
      }
    }
  });

  it('accept and refuse exactly what the schemas do, with the same issues, on mutated events', () => {
    let cases = 0;
    for (const name of NAMES) {
      const keys = [...Object.keys(PLAIN[name].shape), 'extra', 'phone'];
      const events = valid.get(name) ?? [];
      // a few of each shape: by cell, by point, with and without the optional fields
      const samples = [...new Map(events.map((e) => [Object.keys(e).sort().join(), e])).values()].slice(
        0,
        12,
      );
      for (const event of samples) {
        for (const input of mutations(event, keys)) {
          sameOutcome(name, input);
          cases += 1;
        }
      }
    }
    expect(cases).toBeGreaterThan(5_000);
  });
});
