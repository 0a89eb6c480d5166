import { VENUE_CELLS } from '@citybrain/schemas/geo';
import { describe, expect, it } from 'vitest';
import { shenzhenCatalog } from '../../test/support/catalog.js';
import { WindowAggregates } from './aggregates.js';
import { congestionIndex, SnapshotBuilder } from './snapshot.js';
import { must } from '../../test/support/must.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 5, 2, 0);
const parkCells = VENUE_CELLS.get('shenzhen-bay-park') ?? [];

function window(startMs: number): WindowAggregates {
  return new WindowAggregates(startMs, startMs + MIN);
}

describe('window snapshot', () => {
  it('sums a venue from its cells, carrying a cell that missed a window while fresh', () => {
    const builder = new SnapshotBuilder(shenzhenCatalog(), 3 * MIN);
    const w1 = window(T0);
    for (const cell of parkCells) {
      w1.add({
        kind: 'crowd',
        tsMs: T0 + 1_000,
        place: { cell, district: '440305', lat: undefined, lon: undefined },
        people: 1_000,
        venueId: 'shenzhen-bay-park',
      });
    }
    const first = builder.samples(w1).find((s) => s.metric === 'crowd.venue.occupancy');
    expect(first?.value).toBeCloseTo((100 * 1_000 * parkCells.length) / 80_000, 2);
    expect(first?.evidence).toMatchObject({
      people: 1_000 * parkCells.length,
      capacity: 80_000,
      cellsReporting: parkCells.length,
    });
    // One cell reports again; the others are carried.
    const w2 = window(T0 + MIN);
    w2.add({
      kind: 'crowd',
      tsMs: T0 + MIN + 1_000,
      place: { cell: must(parkCells[0]), district: '440305', lat: undefined, lon: undefined },
      people: 2_000,
      venueId: 'shenzhen-bay-park',
    });
    const second = builder.samples(w2).find((s) => s.metric === 'crowd.venue.occupancy');
    expect(second?.evidence.people).toBe(1_000 * parkCells.length + 1_000);
    // After the stale time the silent cells drop out.
    const later = builder.samples(window(T0 + 5 * MIN));
    expect(later.filter((s) => s.metric === 'crowd.cell.people')).toEqual([]);
  });

  it('derives the congestion index per segment and per district', () => {
    const builder = new SnapshotBuilder(shenzhenCatalog(), 3 * MIN);
    const w = window(T0);
    for (const [i, speed] of [20, 30, 15].entries()) {
      w.add({
        kind: 'traffic',
        tsMs: T0 + 1_000,
        place: { cell: '89411ca1e6fffff', district: '440304', lat: 22.54, lon: 114.05 },
        segmentId: `shennan-0${i + 1}`,
        speedKmh: speed,
        freeFlowKmh: 60,
      });
    }
    w.add({
      kind: 'traffic',
      tsMs: T0 + 2_000,
      place: { cell: '89411ca1e6fffff', district: '440304', lat: 22.54, lon: 114.05 },
      segmentId: 'shennan-01',
      speedKmh: 40,
      freeFlowKmh: 60,
    });
    const samples = builder.samples(w);
    expect(samples.find((s) => s.subject.key === 'segment:shennan-01')).toMatchObject({
      value: 2,
      evidence: { speedKmh: 30 },
    });
    expect(samples.find((s) => s.metric === 'traffic.district.congestion')).toMatchObject({
      subject: { key: 'district:440304' },
      value: 2.667,
    }); // (2 + 2 + 4) / 3
    expect(congestionIndex(60, 0)).toBe(10);
  });

  it('averages air readings and keeps the latest water level', () => {
    const builder = new SnapshotBuilder(shenzhenCatalog(), 3 * MIN);
    const w = window(T0);
    const place = { cell: '89411ca1e6fffff', district: '440305', lat: 22.52, lon: 113.97 };
    w.add({ kind: 'sensor', tsMs: T0 + 1_000, place, sensorId: 'pm-1', sensorKind: 'air.pm25', value: 70 });
    w.add({ kind: 'sensor', tsMs: T0 + 2_000, place, sensorId: 'pm-1', sensorKind: 'air.pm25', value: 90 });
    w.add({
      kind: 'sensor',
      tsMs: T0 + 2_000,
      place,
      sensorId: 'wl-1',
      sensorKind: 'water.level',
      value: 3.2,
    });
    w.add({
      kind: 'sensor',
      tsMs: T0 + 1_000,
      place,
      sensorId: 'wl-1',
      sensorKind: 'water.level',
      value: 3.0,
    });
    const samples = builder.samples(w);
    expect(samples.find((s) => s.subject.id === 'pm-1')).toMatchObject({ metric: 'air.pm25', value: 80 });
    expect(samples.find((s) => s.subject.id === 'wl-1')).toMatchObject({ metric: 'water.level', value: 3.2 });
  });
});
