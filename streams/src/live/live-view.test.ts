import type { Alert, SensorKind } from '@citybrain/schemas/events';
import { LIVE_SENSORS_MAX, liveAggregate } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { LiveStore } from './live-store.js';
import { buildLiveView } from './live-view.js';
import { must } from '../../test/support/must.js';

const T0 = Date.UTC(2026, 3, 5, 2, 0);
const place = (cell: string, district: string) => ({ cell, district, lat: 22.52, lon: 113.97 });

describe('live view', () => {
  it('sends per district the top-N cells, most congested segments and KPIs, plus a city summary', () => {
    const store = new LiveStore();
    const cells = ['89411ca1e6fffff', '89411ca1e73ffff', '89411ca1e77ffff'];
    cells.forEach((cell, i) =>
      store.observe({
        kind: 'crowd',
        tsMs: T0,
        place: place(cell, '440305'),
        people: 100 * (i + 1),
        venueId: undefined,
      }),
    );
    store.observe({
      kind: 'crowd',
      tsMs: T0 - 1,
      place: place(must(cells[2]), '440305'),
      people: 5,
      venueId: undefined,
    }); // older: ignored
    store.observe({
      kind: 'traffic',
      tsMs: T0,
      place: place(must(cells[0]), '440305'),
      segmentId: 'binhai-01',
      speedKmh: 20,
      freeFlowKmh: 80,
    });
    store.observe({
      kind: 'traffic',
      tsMs: T0,
      place: place(must(cells[0]), '440305'),
      segmentId: 'binhai-02',
      speedKmh: 80,
      freeFlowKmh: 80,
    });
    const alerts = [
      { level: 'orange', district: '440305' },
      { level: 'blue', district: '440305' },
    ] as Alert[];
    const view = buildLiveView(store, alerts, { topCells: 2, topSegments: 1, seq: 7, nowMs: T0 + 5_000 });
    expect(view.map((m) => m.district)).toEqual(['440305', 'city']);
    const nanshan = must(view[0]);
    expect(nanshan).toMatchObject({
      seq: 7,
      asOf: new Date(T0).toISOString(),
      kpis: { people: 600, congestionIndex: 2.5, activeAlerts: { blue: 1, yellow: 0, orange: 1, red: 0 } },
      heat: [
        { cell: cells[2], people: 300 },
        { cell: cells[1], people: 200 },
      ],
      congestion: [{ segmentId: 'binhai-01', congestionIndex: 4 }],
      truncated: true,
    });
    for (const message of view) expect(liveAggregate.safeParse(message).success).toBe(true);
  });

  it("carries each district's air quality as the mean of its stations' latest readings", () => {
    const store = new LiveStore();
    const sensor = (sensorId: string, sensorKind: SensorKind, value: number, district: string, tsMs = T0) =>
      store.observe({
        kind: 'sensor',
        tsMs,
        place: place('89411ca1e6fffff', district),
        sensorId,
        sensorKind,
        value,
      });
    sensor('aqi-1', 'air.aqi', 60, '440305');
    sensor('aqi-2', 'air.aqi', 81, '440305');
    sensor('aqi-2', 'air.aqi', 500, '440305', T0 - 1); // older: ignored
    sensor('pm25-1', 'air.pm25', 30.04, '440305');
    sensor('aqi-3', 'air.aqi', 120, '440304');
    sensor('level-1', 'water.level', 2.1, '440304'); // not air: not in the panel, only in `sensors`
    const view = buildLiveView(store, [], { topCells: 10, topSegments: 10, seq: 1, nowMs: T0 });
    const byDistrict = new Map(view.map((m) => [m.district, m]));
    expect(byDistrict.get('440305')?.air).toEqual({ aqi: 71, pm25: 30, pm10: null, no2: null, stations: 3 });
    expect(byDistrict.get('440304')?.air).toEqual({
      aqi: 120,
      pm25: null,
      pm10: null,
      no2: null,
      stations: 1,
    });
    // The city's mean is over stations, not over district means: (60 + 81 + 120) / 3.
    expect(byDistrict.get('city')?.air).toMatchObject({ aqi: 87, stations: 4 });
    expect(byDistrict.get('440304')?.sensors?.map((s) => s.sensorId)).toEqual(['aqi-3', 'level-1']);
    for (const message of view) expect(liveAggregate.safeParse(message).success).toBe(true);
    store.prune(0);
    store.observe({
      kind: 'crowd',
      tsMs: T0 + 1,
      place: place('89411ca1e6fffff', '440305'),
      people: 1,
      venueId: undefined,
    });
    store.prune(0);
    // Stations that stopped reporting leave the mean; a district without any sends no `air` at all.
    const later = buildLiveView(store, [], { topCells: 10, topSegments: 10, seq: 2, nowMs: T0 });
    expect(later.every((m) => m.air === undefined && m.sensors === undefined)).toBe(true);
  });

  it("lists each district's sensors of every kind, newest first, bounded, with place, unit and time", () => {
    const store = new LiveStore();
    const at = (tsMs: number) => new Date(tsMs).toISOString();
    store.observe({
      kind: 'sensor',
      tsMs: T0,
      place: { cell: '89411ca1e6fffff', district: '440305', lat: 22.5, lon: 113.9 },
      sensorId: 'water-1',
      sensorKind: 'water.level',
      value: 2.7,
    });
    // No coordinates from the producer: the cell's centre stands in.
    store.observe({
      kind: 'sensor',
      tsMs: T0 + 1_000,
      place: { cell: '89411ca1e6fffff', district: '440305', lat: undefined, lon: undefined },
      sensorId: 'temp-1',
      sensorKind: 'temperature',
      value: 24.5,
    });
    store.observe({
      kind: 'sensor',
      tsMs: T0 - 1,
      place: place('89411ca1e6fffff', '440305'),
      sensorId: 'water-1',
      sensorKind: 'water.level',
      value: 9,
    }); // older: ignored
    store.observe({
      kind: 'sensor',
      tsMs: T0,
      place: { cell: '89411ca1e6fffff', district: '', lat: 22.4, lon: 113.8 },
      sensorId: 'noise-sea',
      sensorKind: 'noise.leq',
      value: 50,
    }); // outside every district: on no district's list
    const view = buildLiveView(store, [], { topCells: 10, topSegments: 10, seq: 1, nowMs: T0 });
    const nanshan = must(view.find((m) => m.district === '440305'));
    const [temp, water] = nanshan.sensors ?? [];
    expect(water).toEqual({
      sensorId: 'water-1',
      kind: 'water.level',
      lat: 22.5,
      lon: 113.9,
      value: 2.7,
      unit: 'm',
      ts: at(T0),
    });
    expect(temp).toMatchObject({ sensorId: 'temp-1', unit: '°C', ts: at(T0 + 1_000) });
    expect(temp?.lat).toBeCloseTo(22.5, 0);
    expect(nanshan.air).toBeUndefined(); // no air station: no air field, sensors or not
    expect(view.find((m) => m.district === 'city')?.sensors).toBeUndefined();
    for (const message of view) expect(liveAggregate.safeParse(message).success).toBe(true);

    for (let i = 0; i < LIVE_SENSORS_MAX + 20; i += 1)
      store.observe({
        kind: 'sensor',
        tsMs: T0 + 10_000 + i,
        place: place('89411ca1e6fffff', '440304'),
        sensorId: `noise-${String(i).padStart(3, '0')}`,
        sensorKind: 'noise.leq',
        value: 55,
      });
    const many = buildLiveView(store, [], { topCells: 10, topSegments: 10, seq: 2, nowMs: T0 });
    const futian = must(many.find((m) => m.district === '440304'));
    expect(futian.sensors).toHaveLength(LIVE_SENSORS_MAX);
    expect(futian.sensors?.[0]?.sensorId).toBe(`noise-${LIVE_SENSORS_MAX + 19}`);
    expect(liveAggregate.safeParse(futian).success).toBe(true);
    expect(JSON.stringify(futian).length).toBeLessThan(64 * 1024);
  });

  it('drops cells that stopped reporting', () => {
    const store = new LiveStore();
    store.observe({
      kind: 'crowd',
      tsMs: T0,
      place: place('89411ca1e6fffff', '440305'),
      people: 10,
      venueId: undefined,
    });
    store.observe({
      kind: 'crowd',
      tsMs: T0 + 20 * 60_000,
      place: place('89411ca1e73ffff', '440305'),
      people: 10,
      venueId: undefined,
    });
    store.prune(10 * 60_000);
    expect([...store.cells.keys()]).toEqual(['89411ca1e73ffff']);
  });
});
