// Live aggregates on the Socket.IO wire. A tick's heat is most of its bytes (200 cells per district), and a
// list of {cell, people} objects costs every wall a JSON decode of every cell as soon as the message
// arrives, whether or not the heat layer is shown: ~0.75 ms per 77 KB tick on this project's machine,
// which with 1,000 walls on one loopback was what kept the fan-out's tail latency up. On the wire the heat
// is one string of `cell:people` pairs (half the bytes; JSON decodes a string at copy speed), and a page
// turns it back into cells the first time something reads `heat`, i.e. when the heat layer or a venue panel
// is drawn.
import type { LiveAggregate } from '@citybrain/schemas/events';
import type { WallSnapshot } from './events.js';

type HeatCell = LiveAggregate['heat'][number];

/** A live aggregate as the gateway sends it: `heat` packed into `heatPacked`. */
export type WireLiveAggregate = Omit<LiveAggregate, 'heat'> & {
  /** `cell:people` pairs joined by commas (H3 indexes are hex, counts plain decimals: no separator inside). */
  heatPacked: string;
};

/** A snapshot as the gateway sends it. */
export type WireSnapshot = Omit<WallSnapshot, 'live'> & { live: WireLiveAggregate[] };

/** Lossless: `String(n)` is the shortest text that reads back as the same number. */
export function packHeat(heat: readonly HeatCell[]): string {
  return heat.map(({ cell, people }) => `${cell}:${people}`).join(',');
}

/** The cells of a packed heat string, in order. A pair that does not read as `cell:count` is skipped. */
export function unpackHeat(packed: string): HeatCell[] {
  if (packed === '') return [];
  const cells: HeatCell[] = [];
  for (const pair of packed.split(',')) {
    const colon = pair.indexOf(':');
    const people = colon > 0 ? Number(pair.slice(colon + 1)) : NaN;
    if (Number.isFinite(people) && people >= 0) cells.push({ cell: pair.slice(0, colon), people });
  }
  return cells;
}

export function toWire(aggregate: LiveAggregate): WireLiveAggregate {
  const { heat, ...rest } = aggregate;
  return { ...rest, heatPacked: packHeat(heat) };
}

/**
 * The aggregate a page works with. `heat` is decoded on first read and kept: receiving a tick costs the
 * same whatever its size, and the cells are built once however often they are read.
 */
export function fromWire(wire: WireLiveAggregate): LiveAggregate {
  const { heatPacked, ...rest } = wire;
  let heat: HeatCell[] | undefined;
  return Object.defineProperty(rest, 'heat', {
    enumerable: true,
    get: () => (heat ??= unpackHeat(heatPacked)),
  }) as LiveAggregate;
}

export function toWireSnapshot(snapshot: WallSnapshot): WireSnapshot {
  return { ...snapshot, live: snapshot.live.map(toWire) };
}

export function fromWireSnapshot(snapshot: WireSnapshot): WallSnapshot {
  return { ...snapshot, live: snapshot.live.map(fromWire) };
}
