// The engine end to end with synthetic time: a holiday surge at Shenzhen Bay Park must raise an early
// warning with a forecast ETA before the park is full; late events are counted; incidents alert at once.
import { crowdHeat, levelRank, type CrowdHeat } from '@citybrain/schemas/events';
import { beforeAll, describe, expect, it } from 'vitest';
import { shenzhenCatalog } from '../test/support/catalog.js';
import { capacityMinute, MIN, PARK_CAPACITY, PARK_CELLS, surgeMinute } from '../test/support/surge.js';
import type { AlertChange } from './alerts/book.js';
import { DEFAULT_RULES_FILE } from './config.js';
import { StreamEngine } from './engine.js';
import type { Observation } from './input/observation.js';
import { loadRules } from './rules/load.js';
import { must } from '../test/support/must.js';

const T0 = Date.UTC(2026, 3, 5, 2, 0); // Qingming holiday, 10:00 in Shenzhen

function engine(wall: { now: number }): StreamEngine {
  return new StreamEngine({
    rules: loadRules(DEFAULT_RULES_FILE),
    catalog: shenzhenCatalog(),
    windowMs: MIN,
    allowedLatenessMs: 15_000,
    idleMs: 5_000,
    staleMs: 10 * MIN,
    now: () => wall.now,
  });
}

function observation(event: CrowdHeat): Observation {
  const e = crowdHeat.parse(event);
  return {
    kind: 'crowd',
    tsMs: Date.parse(e.ts),
    place: { cell: e.cell ?? '', district: '440305', lat: undefined, lon: undefined },
    people: e.count,
    venueId: 'shenzhen-bay-park',
  };
}

describe('stream engine', () => {
  let changes: { minute: number; change: AlertChange }[];
  let lateCount: number;

  beforeAll(() => {
    const wall = { now: T0 };
    const e = engine(wall);
    changes = [];
    lateCount = 0;
    for (let minute = 0; minute < 32; minute++) {
      for (const event of surgeMinute(T0, minute, 'unit')) {
        wall.now += 1;
        if (e.observe(observation(event), { key: 'crowd:0', offset: 0 }) === 'late') lateCount += 1;
      }
      if (minute === 10) {
        // A straggler from minute 2, long after its window closed.
        const [late] = surgeMinute(T0, 2, 'late');
        if (e.observe(observation(must(late)), { key: 'crowd:0', offset: 0 }) === 'late') lateCount += 1;
      }
      for (const change of e.advance().changes) changes.push({ minute, change });
    }
  });

  it('warns early, with a forecast ETA, before the park reaches its capacity', () => {
    const venue = changes.filter((c) => c.change.alert.ruleId === 'crowd-venue-occupancy');
    const early = venue.find(
      (c) =>
        c.change.alert.metric.forecast !== undefined &&
        levelRank(c.change.alert.level) >= levelRank('yellow'),
    );
    expect(early, JSON.stringify(venue.map((c) => [c.minute, c.change.alert.level]))).toBeDefined();
    expect(must(early).minute).toBeLessThan(capacityMinute());
    expect(must(early).change.alert.metric.value).toBeLessThan(100);
    const eta = Date.parse(must(must(early).change.alert.metric.forecast).eta);
    expect(eta).toBeGreaterThan(Date.parse(must(early).change.alert.updatedAt));
    // Red did come, on the same alert.
    const red = venue.find((c) => c.change.alert.level === 'red');
    expect(red?.change.alert.alertId).toBe(venue[0]?.change.alert.alertId);
    expect(new Set(venue.map((c) => c.change.alert.alertId)).size).toBe(1);
    expect(venue.map((c) => c.change.alert.version)).toEqual(venue.map((_, i) => i + 1));
  });

  it('counts the straggler as late', () => {
    expect(lateCount).toBe(1);
  });

  it('does not alert on single cells of a venue that is evenly full', () => {
    // ~80,000 × 1.3 / cells per cell is far below the cell-density bands
    expect(PARK_CAPACITY / PARK_CELLS.length).toBeLessThan(4_000);
    expect(changes.filter((c) => c.change.alert.ruleId === 'crowd-cell-density')).toEqual([]);
  });

  it('raises an open critical incident on an arterial at once and clears it with its clearing report', () => {
    const wall = { now: T0 };
    const e = engine(wall);
    const incident = (open: boolean, tsMs: number): Observation => ({
      kind: 'incident',
      tsMs,
      place: { cell: '89411c86b2fffff', district: '440304', lat: 22.5405, lon: 114.05 }, // on Shennan Blvd
      incidentId: 'inc-1',
      incidentType: 'accident',
      severity: 'critical',
      open,
      lanesBlocked: 2,
    });
    e.observe(incident(true, T0));
    const [raised] = e.advance().changes;
    expect(raised).toMatchObject({
      type: 'raised',
      alert: {
        ruleId: 'traffic-incident-arterial',
        level: 'orange',
        category: 'traffic',
        agencies: ['traffic_police'],
        district: '440304',
      },
    });
    e.observe(incident(false, T0 + 5 * MIN));
    expect(e.advance().changes[0]).toMatchObject({
      type: 'cleared',
      alert: { alertId: raised?.alert.alertId, status: 'expired' },
    });
  });
});
