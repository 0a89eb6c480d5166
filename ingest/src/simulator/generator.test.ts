import { crowdHeat, sensorReading, trafficFlow, trafficIncident } from '@citybrain/schemas/events';
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { describe, expect, it } from 'vitest';
import { createFeed } from './feed.js';
import type { FeedEvent } from './generator.js';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios.js';

const districts = new DistrictIndex(loadDistricts());
const START = Date.parse('2026-04-05T07:00:00Z'); // 15:00 in Shenzhen
const MINUTE = 60_000;

function feed(scenario: ScenarioName, seed = 42, runId = 'run-a') {
  return createFeed({ seed, scenario, runId, startMs: START, districts });
}

const VALIDATORS = {
  [TOPICS.crowdHeat]: crowdHeat,
  [TOPICS.sensorReadings]: sensorReading,
  [TOPICS.trafficFlow]: trafficFlow,
  [TOPICS.trafficIncidents]: trafficIncident,
} as const;

function keyOf(event: FeedEvent): string {
  switch (event.topic) {
    case TOPICS.crowdHeat:
      return event.value.cell ?? '';
    case TOPICS.sensorReadings:
      return event.value.sensorId;
    case TOPICS.trafficFlow:
      return event.value.segmentId;
    case TOPICS.trafficIncidents:
      return event.value.incidentId;
  }
}

describe('FeedGenerator determinism', () => {
  it('replays the same events for the same seed, run id and start', () => {
    const a = feed('holiday-surge').generator.eventsUntil(START + 10 * MINUTE);
    const b = feed('holiday-surge').generator.eventsUntil(START + 10 * MINUTE);
    expect(a.length).toBeGreaterThan(7_000);
    expect(b).toEqual(a);
  });

  it('gives the same sequence however the caller slices time and caps batches', () => {
    const whole = feed('rainstorm').generator.eventsUntil(START + 10 * MINUTE);
    const { generator } = feed('rainstorm');
    const sliced: FeedEvent[] = [];
    for (let t = START; t <= START + 10 * MINUTE; t += 7_000) {
      // A rate cap: at most 50 events per call, the rest on later calls.
      let batch: FeedEvent[];
      do {
        batch = generator.eventsUntil(Math.min(t, START + 10 * MINUTE), 50);
        sliced.push(...batch);
      } while (batch.length >= 50);
    }
    sliced.push(...generator.eventsUntil(START + 10 * MINUTE));
    expect(sliced).toEqual(whole);
  });

  it('differs with another seed, and prefixes ids with the run id', () => {
    const a = feed('normal', 1, 'run-a').generator.eventsUntil(START + 2 * MINUTE);
    const b = feed('normal', 2, 'run-b').generator.eventsUntil(START + 2 * MINUTE);
    expect(b.map((e) => e.value)).not.toEqual(a.map((e) => e.value));
    expect(a[0]?.value.id).toBe('run-a-1');
    expect(b[0]?.value.id).toBe('run-b-1');
    const ids = a.map((e) => e.value.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => id === `run-a-${i + 1}`)).toBe(true);
  });
});

describe('FeedGenerator events', () => {
  it.each(SCENARIO_NAMES)(
    '%s: every event passes its topic validator and is keyed by its entity',
    (scenario) => {
      const { generator } = feed(scenario);
      const events = generator.eventsUntil(START + 90 * MINUTE);
      const byTopic = new Map<string, number>();
      const failures = events.flatMap((event) => {
        byTopic.set(event.topic, (byTopic.get(event.topic) ?? 0) + 1);
        const result = VALIDATORS[event.topic].safeParse(event.value);
        return result.success && event.key === keyOf(event) ? [] : [{ event, issues: result.error?.issues }];
      });
      expect(failures.slice(0, 3)).toEqual([]);
      // 90 simulated minutes: 462 cells and 199 segments each minute, 300 sensors every 1–5 minutes.
      expect(byTopic.get(TOPICS.crowdHeat)).toBeGreaterThan(90 * 400);
      expect(byTopic.get(TOPICS.trafficFlow)).toBeGreaterThan(90 * 190);
      expect(byTopic.get(TOPICS.sensorReadings)).toBeGreaterThan(90 * 100);
    },
  );

  it('stamps events with simulated time, in order, within the requested window', () => {
    const { generator } = feed('normal');
    const events = generator.eventsUntil(START + 5 * MINUTE);
    const times = events.map((e) => Date.parse(e.value.ts));
    expect(times.every((t) => t >= START && t <= START + 5 * MINUTE)).toBe(true);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(events[0]?.value.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(generator.clock).toBe(START + 5 * MINUTE);
  });

  it('reports each crowd cell once per simulated minute at the nominal cadence', () => {
    const { generator, model } = feed('normal');
    const events = generator.eventsUntil(START + 10 * MINUTE - 1);
    const perCell = new Map<string, number[]>();
    for (const event of events) {
      if (event.topic !== TOPICS.crowdHeat) continue;
      perCell.set(event.key, [...(perCell.get(event.key) ?? []), Date.parse(event.value.ts)]);
    }
    expect(perCell.size).toBe(model.crowdCells.length);
    for (const times of perCell.values()) {
      expect(times).toHaveLength(10);
      expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual(Array(9).fill(MINUTE));
    }
  });

  it('opens incidents and clears them later, some with a Shenzhen plate and a description', () => {
    const { generator } = feed('rainstorm');
    const incidents = generator
      .eventsUntil(START + 4 * 60 * MINUTE)
      .flatMap((e) => (e.topic === TOPICS.trafficIncidents ? [e.value] : []));
    const opened = incidents.filter((i) => i.status === 'open');
    const cleared = incidents.filter((i) => i.status === 'cleared');
    expect(opened.length).toBeGreaterThan(10);
    expect(cleared.length).toBeGreaterThan(5);
    for (const clear of cleared) {
      const open = opened.find((i) => i.incidentId === clear.incidentId);
      expect(open).toBeDefined();
      expect(Date.parse(clear.ts)).toBeGreaterThan(Date.parse(open?.ts ?? ''));
      expect(clear.plate).toBeUndefined();
    }
    const plates = opened.flatMap((i) => (i.plate === undefined ? [] : [i.plate]));
    expect(plates.length).toBeGreaterThan(3);
    for (const plate of plates) expect(plate).toMatch(/^粤B([0-9]{5}|[A-HJ-NP-Z][0-9]{4}|[DF][0-9]{5})$/);
    expect(opened.every((i) => (i.description ?? '').includes(' / '))).toBe(true);
    expect(opened.every((i) => i.incidentId.startsWith('run-a-inc-'))).toBe(true);
  });
});
