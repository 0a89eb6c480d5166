import type { Alert } from '@citybrain/schemas/events';
import { liveAggregate } from '@citybrain/schemas/events';
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
