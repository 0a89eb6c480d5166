import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, cityFixture, liveFixture } from '../../test/fixtures.js';
import { fromWire, fromWireSnapshot, packHeat, toWire, toWireSnapshot, unpackHeat } from './live-wire.js';
import type { WallSnapshot } from './events.js';

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
    expect(decoded.heat).toEqual(heat);
    expect({ ...decoded }).toEqual(original);
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
    const snapshot: WallSnapshot = {
      scope: { kind: 'city' },
      viewer: {
        userId: 'wall-1',
        role: 'wall',
        scope: { kind: 'city' },
        expiresAt: '2026-11-27T00:00:00.000Z',
      },
      alerts: [],
      live: [liveFixture(NANSHAN), cityFixture()],
      serverTime: '2026-11-26T12:00:00.000Z',
      staleAfterMs: 20_000,
    };
    const back = fromWireSnapshot(
      JSON.parse(JSON.stringify(toWireSnapshot(snapshot))) as ReturnType<typeof toWireSnapshot>,
    );
    expect(back.live.map((a) => ({ ...a }))).toEqual(snapshot.live);
    expect({ ...back, live: [] }).toEqual({ ...snapshot, live: [] });
  });
});
