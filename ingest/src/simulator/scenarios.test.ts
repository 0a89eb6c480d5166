// What each scenario does to the city, read from the generated events (not from the model's internals).
import type { CrowdHeat, SensorReading, TrafficFlow } from '@citybrain/schemas/events';
import { DistrictIndex, loadDistricts, VENUES } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { describe, expect, it } from 'vitest';
import { createFeed, resolveStartMs } from './feed.js';
import type { FeedEvent } from './generator.js';
import { localHour } from './local-time.js';
import type { ScenarioName } from './scenarios.js';

const districts = new DistrictIndex(loadDistricts());
const MINUTE = 60_000;
/** 2026-04-05, Qingming holiday; times below are Shenzhen local (UTC+8). */
const at = (hhmm: string): number => Date.parse(`2026-04-05T${hhmm}:00+08:00`);

function run(scenario: ScenarioName, startMs: number) {
  return createFeed({ seed: 7, scenario, runId: 'scenario-test', startMs, districts });
}

/** The latest event per key during [from, to) of simulated time. */
function latest<T extends FeedEvent['value']>(
  events: FeedEvent[],
  topic: string,
  from: number,
  to: number,
): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const event of events) {
    const t = Date.parse(event.value.ts);
    if (event.topic === topic && t >= from && t < to) byKey.set(event.key, event.value as T);
  }
  return byKey;
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const speedRatio = (flows: Iterable<TrafficFlow>): number =>
  mean([...flows].map((f) => f.speedKmh / (f.freeFlowKmh ?? f.speedKmh)));

describe('holiday-surge', () => {
  const start = at('15:00');
  const { generator, model } = run('holiday-surge', start);
  const events = generator.eventsUntil(start + 32 * MINUTE);
  const bayCells = model.crowdCells.filter((c) => c.venueId === 'shenzhen-bay-park');
  const nodes = new Set(bayCells.filter((c) => c.isNode).map((c) => c.cell));
  const early = latest<CrowdHeat>(events, TOPICS.crowdHeat, start, start + MINUTE);
  const late = latest<CrowdHeat>(events, TOPICS.crowdHeat, start + 30 * MINUTE, start + 31 * MINUTE);
  const bayTotal = (counts: Map<string, CrowdHeat>): number =>
    bayCells.reduce((sum, c) => sum + (counts.get(c.cell)?.count ?? 0), 0);

  it('fills Shenzhen Bay Park from ~30 % to ~130 % of its 80,000 capacity in 30 minutes', () => {
    expect(bayCells.length).toBeGreaterThan(20);
    expect(bayTotal(early)).toBeGreaterThan(0.25 * 80_000);
    expect(bayTotal(early)).toBeLessThan(0.35 * 80_000);
    expect(bayTotal(late)).toBeGreaterThan(1.2 * 80_000);
    expect(bayTotal(late)).toBeLessThan(1.4 * 80_000);
  });

  it('rises fastest in four crowded nodes', () => {
    expect(nodes.size).toBe(4);
    const rise = bayCells
      .map((c) => ({ cell: c.cell, rise: (late.get(c.cell)?.count ?? 0) - (early.get(c.cell)?.count ?? 0) }))
      .sort((a, b) => b.rise - a.rise);
    expect(new Set(rise.slice(0, 4).map((r) => r.cell))).toEqual(nodes);
    const others = rise.slice(4).map((r) => r.rise);
    expect(Math.min(...rise.slice(0, 4).map((r) => r.rise))).toBeGreaterThan(4 * Math.max(...others));
    // A node holds several thousand people in ~0.1 km² by then.
    for (const node of nodes) expect(late.get(node)?.count).toBeGreaterThan(5_000);
  });

  it('keeps the other venues moderately busy (40–85 % of capacity) on a holiday afternoon', () => {
    for (const venue of VENUES.filter((v) => v.id !== 'shenzhen-bay-park' && v.kind !== 'port')) {
      const cells = model.crowdCells.filter((c) => c.venueId === venue.id);
      const total = cells.reduce((sum, c) => sum + (late.get(c.cell)?.count ?? 0), 0);
      expect(total / venue.capacity, venue.id).toBeGreaterThan(0.4);
      expect(total / venue.capacity, venue.id).toBeLessThan(0.85 * 1.1);
    }
  });
});

describe('rainstorm', () => {
  const start = at('10:00');
  const { generator, model } = run('rainstorm', start);
  const events = generator.eventsUntil(start + 45 * MINUTE);
  const before = latest<SensorReading>(events, TOPICS.sensorReadings, start, start + 2 * MINUTE);
  const after = latest<SensorReading>(
    events,
    TOPICS.sensorReadings,
    start + 40 * MINUTE,
    start + 42 * MINUTE,
  );
  const waterSensors = model.sensors.filter((s) => s.kind === 'water.level');
  const rise = (id: string): number => (after.get(id)?.value ?? NaN) - (before.get(id)?.value ?? NaN);

  it('raises water levels in the low-lying districts by 1.5–2.6 m over 40 minutes', () => {
    const lowland = waterSensors.filter((s) => s.site.lowland);
    const upland = waterSensors.filter((s) => !s.site.lowland);
    expect(lowland.length).toBeGreaterThan(10);
    expect(mean(lowland.map((s) => rise(s.sensorId)))).toBeGreaterThan(1.5);
    expect(Math.min(...lowland.map((s) => rise(s.sensorId)))).toBeGreaterThan(1.2);
    expect(Math.max(...upland.map((s) => rise(s.sensorId)))).toBeLessThan(0.8);
    // Futian, Luohu, Bao'an and the Nanshan lowlands all flood.
    const floodedDistricts = new Set(lowland.filter((s) => rise(s.sensorId) > 1.2).map((s) => s.district));
    expect([...floodedDistricts].sort()).toEqual(['440303', '440304', '440305', '440306']);
  });

  it('brings rain of 50–100 mm/h at the peak, from dry', () => {
    const gauges = model.sensors.filter((s) => s.kind === 'rain.intensity').map((s) => s.sensorId);
    const peak = latest<SensorReading>(
      events,
      TOPICS.sensorReadings,
      start + 35 * MINUTE,
      start + 36 * MINUTE,
    );
    expect(Math.max(...gauges.map((id) => before.get(id)?.value ?? NaN))).toBeLessThan(2);
    for (const id of gauges) {
      expect(peak.get(id)?.value, id).toBeGreaterThanOrEqual(50);
      expect(peak.get(id)?.value, id).toBeLessThanOrEqual(101);
    }
  });
});

describe('rush hour', () => {
  const arterialFlows = (scenario: ScenarioName, startMs: number, minutes: number) => {
    const events = run(scenario, startMs).generator.eventsUntil(startMs + minutes * MINUTE);
    return latest<TrafficFlow>(
      events,
      TOPICS.trafficFlow,
      startMs + (minutes - 1) * MINUTE,
      startMs + minutes * MINUTE,
    );
  };

  it('slows arterials at 08:30 compared with 13:00 and 03:00', () => {
    const rush = arterialFlows('normal', at('08:30'), 5);
    const midday = arterialFlows('normal', at('13:00'), 5);
    const night = arterialFlows('normal', at('03:00'), 5);
    expect(rush.size).toBeGreaterThan(190);
    expect(speedRatio(rush.values())).toBeLessThan(0.7);
    expect(speedRatio(midday.values())).toBeGreaterThan(0.95);
    expect(speedRatio(night.values())).toBeGreaterThan(0.95);
    const shennan = [...rush.values()].filter((f) => f.segmentId.startsWith('shennan-'));
    expect(mean(shennan.map((f) => f.speedKmh))).toBeLessThan(35); // free flow 60 km/h
  });

  it('evening-rush starts at 17:00 and jams Shennan, Beihuan and Binhai hardest within the hour', () => {
    const start = resolveStartMs('evening-rush', undefined, at('11:20'));
    expect(localHour(start)).toBe(17);
    const flows = arterialFlows('evening-rush', start, 60);
    const [main, rest] = [[] as TrafficFlow[], [] as TrafficFlow[]];
    for (const flow of flows.values())
      (/^(shennan|beihuan|binhai)-/.test(flow.segmentId) ? main : rest).push(flow);
    expect(speedRatio(main)).toBeLessThan(0.45);
    expect(speedRatio(main)).toBeLessThan(speedRatio(rest) - 0.2);
    const atStart = arterialFlows('evening-rush', start, 1);
    expect(speedRatio(atStart.values())).toBeGreaterThan(0.95);
  });
});
