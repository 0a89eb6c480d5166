import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, cityFixture, liveFixture, wallSnapshotFixture } from '../../test/fixtures.js';
import type { LiveAggregate } from '@citybrain/schemas/events';
import {
  LiveDeltaEncoder,
  decodeLive,
  fromWire,
  fromWireSnapshot,
  packHeat,
  toWire,
  toWireSnapshot,
  unpackHeat,
} from './live-wire.js';

type Cell = LiveAggregate['heat'][number];
/** Pages hold a district's heat sorted by cell (the order deltas name positions in). */
const byCell = (heat: readonly Cell[] | undefined): Cell[] =>
  [...(heat ?? [])].sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));

describe('live aggregates on the wire', () => {
  it('round-trips an aggregate exactly, fractional and zero counts included', () => {
    const aggregate = liveFixture(NANSHAN, { rings: 3 });
    const heat = aggregate.heat.map((cell, i) => ({
      ...cell,
      people: [0, 1.5, 12_345, 0.1 + 0.2][i % 4] ?? 0,
    }));
    const original = { ...aggregate, heat };
    const wire = toWire(original);
    expect(wire).not.toHaveProperty('heat');
    // What the socket carries is JSON: decode it as the page does.
    const decoded = fromWire(JSON.parse(JSON.stringify(wire)) as typeof wire);
    expect(decoded.heat).toEqual(byCell(heat));
    expect({ ...decoded }).toEqual({ ...original, heat: byCell(heat) });
  });

  it('packs an aggregate once however many snapshots carry it', () => {
    const aggregate = liveFixture(NANSHAN, { rings: 3 });
    const first = toWireSnapshot(wallSnapshotFixture({ live: [aggregate] }));
    const second = toWireSnapshot(wallSnapshotFixture({ live: [aggregate] }));
    expect(second.live[0]).toBe(first.live[0]);
    // A newer aggregate of the district is packed afresh.
    const newer = { ...aggregate, seq: aggregate.seq + 1, heat: aggregate.heat.slice(1) };
    expect(toWire(newer).heatPacked).toBe(packHeat(byCell(newer.heat)));
  });

  it('carries a district tick in about half the bytes', () => {
    const aggregate = liveFixture(NANSHAN, { rings: 8 });
    expect(JSON.stringify(toWire(aggregate)).length).toBeLessThan(JSON.stringify(aggregate).length * 0.6);
  });

  it('keeps an empty heat list empty (the city summary has none)', () => {
    const city = cityFixture();
    expect(city.heat).toEqual([]);
    expect(toWire(city).heatPacked).toBe('');
    expect(fromWire(toWire(city)).heat).toEqual([]);
  });

  it('decodes the heat once, on first read', () => {
    const decoded = fromWire(toWire(liveFixture(FUTIAN)));
    expect(decoded.heat).toBe(decoded.heat);
  });

  it('skips pairs that are not cell:count rather than inventing cells', () => {
    expect(
      unpackHeat('89411caa2a7ffff:5,garbage,89411caa2a3ffff:-1,:3,89411caa2a1ffff:x,89411caa2a5ffff:7'),
    ).toEqual([
      { cell: '89411caa2a7ffff', people: 5 },
      { cell: '89411caa2a5ffff', people: 7 },
    ]);
    expect(packHeat([])).toBe('');
  });

  it('carries a snapshot, alerts untouched', () => {
    const snapshot = wallSnapshotFixture({ live: [liveFixture(NANSHAN), cityFixture()] });
    const back = fromWireSnapshot(
      JSON.parse(JSON.stringify(toWireSnapshot(snapshot))) as ReturnType<typeof toWireSnapshot>,
    );
    expect(back.live.map((a) => ({ ...a }))).toEqual(
      snapshot.live.map((a) => ({ ...a, heat: byCell(a.heat) })),
    );
    expect({ ...back, live: [] }).toEqual({ ...snapshot, live: [] });
  });

  describe('deltas', () => {
    const over = (wire: unknown) =>
      JSON.parse(JSON.stringify(wire)) as ReturnType<LiveDeltaEncoder['encode']>;
    const sorted = (aggregate: LiveAggregate | null) => byCell(aggregate?.heat);
    const first = liveFixture(NANSHAN, { ts: '2026-11-26T08:00:00.000Z', seq: 1 });
    // Next tick: two counts changed, one cell left, one appeared.
    const cellAt = (i: number) => {
      const cell = first.heat[i];
      if (cell === undefined) throw new Error(`the fixture has no cell ${i}`);
      return cell;
    };
    const [c0, c1, c2] = [cellAt(0), cellAt(1), cellAt(2)];
    const others = first.heat.slice(3);
    const appeared = { cell: '8941a4c9a2bffff', people: 42 };
    const second: LiveAggregate = {
      ...first,
      ts: '2026-11-26T08:00:02.000Z',
      seq: 2,
      heat: [{ ...c0, people: c0.people + 1 }, { ...c1, people: 0 }, ...others, appeared],
    };

    it("sends a district's first tick whole, then only what changed, and the page rebuilds it", () => {
      const encoder = new LiveDeltaEncoder();
      const one = over(encoder.encode(first));
      expect(one.heatBase).toBeUndefined();
      const held = decodeLive(one, undefined);
      expect(held?.heat).toEqual(byCell(first.heat));

      const two = over(encoder.encode(second));
      expect(two.heatBase).toEqual({ ts: first.ts, seq: 1 });
      // Changed counts by position in the sorted list the page holds; the cell that left by position too.
      const position = (cell: Cell) => byCell(first.heat).findIndex((c) => c.cell === cell.cell);
      expect(two.heatPacked.split(',').sort()).toEqual(
        [`${position(c0)}:${c0.people + 1}`, `${position(c1)}:0`].sort(),
      );
      expect(two.heatRemoved).toBe(String(position(c2)));
      expect(two.heatAdded).toBe(`${appeared.cell}:${appeared.people}`);
      const rebuilt = decodeLive(two, held ?? undefined);
      expect(rebuilt?.heat).toEqual(byCell(second.heat));
      expect({ ...rebuilt, heat: [] }).toEqual({ ...second, heat: [] });

      // Nothing changed: an empty delta, and the page still moves to the new tick.
      const third = { ...second, ts: '2026-11-26T08:00:04.000Z', seq: 3 };
      const three = over(encoder.encode(third));
      expect(three.heatPacked).toBe('');
      expect(three.heatRemoved).toBeUndefined();
      expect(sorted(decodeLive(three, rebuilt ?? undefined))).toEqual(sorted(third));
    });

    it('follows a long run of deltas, cells leaving and appearing, to the latest heat', () => {
      const encoder = new LiveDeltaEncoder();
      let held = decodeLive(over(encoder.encode(first)), undefined);
      let latest = first;
      for (let seq = 2; seq <= 200; seq++) {
        // Every tick a few counts change; every fifth tick a cell leaves and a new one appears.
        const moved = latest.heat.map((c, i) => (i % 50 === seq % 50 ? { ...c, people: c.people + seq } : c));
        const heat =
          seq % 5 === 0
            ? [...moved.slice(1), { cell: `89aa${String(seq).padStart(7, '0')}ffff`, people: seq }]
            : moved;
        latest = { ...latest, seq, ts: new Date(Date.parse(first.ts) + seq * 2_000).toISOString(), heat };
        const wire = over(encoder.encode(latest));
        expect(wire.heatBase?.seq).toBe(seq - 1);
        held = decodeLive(wire, held ?? undefined);
      }
      expect(held?.seq).toBe(200);
      expect(held?.heat).toEqual(byCell(latest.heat));
    });

    it('refuses a delta against a tick the page does not hold, and keeps a tick it already holds', () => {
      const encoder = new LiveDeltaEncoder();
      encoder.encode(first);
      const two = over(encoder.encode(second));
      expect(decodeLive(two, undefined)).toBeNull();
      expect(decodeLive(two, { ...first, seq: 7 })).toBeNull();
      expect(decodeLive(two, { ...first, ts: '2026-11-26T07:59:58.000Z' })).toBeNull();
      // A snapshot taken between the tick's arrival at the server and its broadcast already holds it.
      expect(decodeLive(two, second)).toBe(second);
      // A delta whose positions do not fit the list held is refused rather than applied to the wrong cells.
      const held = decodeLive(over(new LiveDeltaEncoder().encode(first)), undefined);
      expect(held).not.toBeNull();
      const short = { ...(held as LiveAggregate), heat: (held as LiveAggregate).heat.slice(0, 2) };
      expect(decodeLive({ ...two, heatPacked: '5:1' }, short)).toBeNull();
      expect(decodeLive({ ...two, heatPacked: '', heatRemoved: '9' }, short)).toBeNull();
      expect(decodeLive({ ...two, heatPacked: 'x:1' }, held ?? undefined)).toBeNull();
    });

    it('sends the whole heat again when most of it changed, and keeps districts apart', () => {
      const encoder = new LiveDeltaEncoder();
      encoder.encode(first);
      const futian = over(encoder.encode(liveFixture(FUTIAN)));
      expect(futian.heatBase).toBeUndefined();
      const moved = { ...second, heat: second.heat.map((c) => ({ ...c, people: c.people + 1 })) };
      const whole = over(encoder.encode(moved));
      expect(whole.heatBase).toBeUndefined();
      expect(decodeLive(whole, undefined)?.heat).toEqual(byCell(moved.heat));
    });
  });
});
