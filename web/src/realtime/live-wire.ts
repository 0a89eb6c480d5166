// Live aggregates on the Socket.IO wire. A tick's heat is most of its bytes (200 cells per district), and
// a list of {cell, people} objects cost every wall a JSON decode of every cell on arrival: ~0.75 ms per
// 77 KB tick on this project's machine, times 1,000 walls on one loopback in the fan-out figure. So:
// - heat is one string of `cell:people` pairs (half the bytes; JSON decodes a string at copy speed), turned
//   back into cells the first time something reads `heat` (the heat layer, a venue panel);
// - after a district's first tick a socket gets only what changed since the previous tick (`heatBase`
//   names that tick): new counts by position in that tick's list (kept sorted by cell on both sides),
//   positions that left, cells that appeared. A crowd cell reports about once a minute while ticks come
//   every few seconds, so most ticks carry a few cells per district, and applying one is patching a few
//   positions in a copy of the list. Snapshots always carry the whole heat.
// Deltas need the previous tick, which Socket.IO's ordered delivery and connection-state recovery
// guarantee; a page that finds it holds something else asks for a fresh snapshot (decodeLive → null).
import type { LiveAggregate } from '@citybrain/schemas/events';
import type { WallSnapshot } from './events.js';

type HeatCell = LiveAggregate['heat'][number];

/** Which tick of a district: its publish time and sequence number, as in the aggregate. */
export interface TickRef {
  ts: string;
  seq: number;
}

/** A live aggregate as the gateway sends it: `heat` packed into `heatPacked`, possibly as a delta. */
export type WireLiveAggregate = Omit<LiveAggregate, 'heat'> & {
  /**
   * The whole heat as `cell:people` pairs joined by commas, sorted by cell (H3 indexes are hex, counts
   * plain decimals: no separator inside); or, with `heatBase`, `position:people` pairs for the cells of
   * that tick's list whose count changed.
   */
  heatPacked: string;
  /** Present: a delta against this tick of the same district. */
  heatBase?: TickRef;
  /** Delta only: positions (in the base's list) of cells that left the district's heat, comma-joined. */
  heatRemoved?: string;
  /** Delta only: cells that appeared since `heatBase`, as `cell:people` pairs. */
  heatAdded?: string;
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

/**
 * Whole wire forms already made, per aggregate object (aggregates are never mutated). Every snapshot
 * carries every district of its scope: when 1,000 walls reconnect after a restart, each district's heat is
 * sorted and packed once, not once per wall (~0.1 ms per district each time).
 */
const wholeOnWire = new WeakMap<LiveAggregate, WireLiveAggregate>();

/** The whole aggregate (snapshots, and a district's first tick). */
export function toWire(aggregate: LiveAggregate): WireLiveAggregate {
  let wire = wholeOnWire.get(aggregate);
  if (wire === undefined) {
    const { heat, ...rest } = aggregate;
    wire = { ...rest, heatPacked: packHeat(sortedHeat(heat)) };
    wholeOnWire.set(aggregate, wire);
  }
  return wire;
}

/** The aggregate's fields other than its heat, as the wire carries them. */
function withoutHeat(wire: WireLiveAggregate): Omit<LiveAggregate, 'heat'> {
  const { heatPacked: _packed, heatBase: _base, heatRemoved: _removed, heatAdded: _added, ...rest } = wire;
  return rest;
}

/**
 * The aggregate a page works with, from a whole (non-delta) wire aggregate. Its `heat` is unpacked on first
 * read and kept: receiving a tick costs the same whatever its size, and the cells are built once however
 * often they are read.
 */
export function fromWire(wire: WireLiveAggregate): LiveAggregate {
  let heat: HeatCell[] | undefined;
  // An own enumerable getter, so a spread copy of the aggregate carries the cells like any other field.
  return {
    ...withoutHeat(wire),
    get heat() {
      return (heat ??= unpackHeat(wire.heatPacked));
    },
  };
}

/**
 * The server's side of the deltas: remembers the heat last sent per district (sorted by cell, as every
 * page holds it) and encodes each new tick against it. Every socket that holds a district's live picture
 * receives every tick of it (rooms are fixed per connection), so one memory serves all of them.
 */
export class LiveDeltaEncoder {
  private readonly sent = new Map<string, TickRef & { heat: readonly HeatCell[] }>();

  encode(aggregate: LiveAggregate): WireLiveAggregate {
    const previous = this.sent.get(aggregate.district);
    const heat = sortedHeat(aggregate.heat);
    this.sent.set(aggregate.district, { ts: aggregate.ts, seq: aggregate.seq, heat });
    const { heat: _heat, ...rest } = aggregate;
    if (previous === undefined) return { ...rest, heatPacked: packHeat(heat) };
    const changed: string[] = [];
    const removed: number[] = [];
    const added: HeatCell[] = [];
    // Both lists are sorted by cell: one walk finds what changed, left and appeared.
    let i = 0;
    let j = 0;
    while (i < previous.heat.length || j < heat.length) {
      const before = previous.heat[i];
      const now = heat[j];
      if (now === undefined || (before !== undefined && before.cell < now.cell)) {
        removed.push(i++);
      } else if (before === undefined || now.cell < before.cell) {
        added.push(now);
        j++;
      } else {
        if (before.people !== now.people) changed.push(`${i}:${now.people}`);
        i++;
        j++;
      }
    }
    // When most of the heat changed, the whole of it is as small and simpler to apply.
    if (changed.length + removed.length + added.length >= heat.length)
      return { ...rest, heatPacked: packHeat(heat) };
    return {
      ...rest,
      heatPacked: changed.join(','),
      heatBase: { ts: previous.ts, seq: previous.seq },
      ...(removed.length > 0 ? { heatRemoved: removed.join(',') } : {}),
      ...(added.length > 0 ? { heatAdded: packHeat(added) } : {}),
    };
  }
}

/** A copy sorted by cell: the order every page holds a district's heat in, so deltas can name positions. */
function sortedHeat(heat: readonly HeatCell[]): HeatCell[] {
  return [...heat].sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}

/** Non-negative integers from a comma-joined list; null if any item is not one. */
function indexList(text: string | undefined): number[] | null {
  if (text === undefined || text === '') return [];
  const indexes = text.split(',').map(Number);
  return indexes.every((n) => Number.isInteger(n) && n >= 0) ? indexes : null;
}

/**
 * `held`'s heat (sorted by cell) with a delta applied: counts replaced at their positions, positions
 * removed, new cells merged in order. null when the delta does not fit the list (it was made for another).
 */
function applyHeatDelta(held: readonly HeatCell[], wire: WireLiveAggregate): HeatCell[] | null {
  const removed = indexList(wire.heatRemoved);
  if (removed === null || removed.some((i) => i >= held.length)) return null;
  const heat = held.slice();
  for (const pair of wire.heatPacked === '' ? [] : wire.heatPacked.split(',')) {
    const colon = pair.indexOf(':');
    const index = Number(pair.slice(0, colon));
    const people = Number(pair.slice(colon + 1));
    const cell = heat[index];
    if (colon < 1 || cell === undefined || !Number.isFinite(people) || people < 0) return null;
    heat[index] = { cell: cell.cell, people };
  }
  const added = sortedHeat(unpackHeat(wire.heatAdded ?? ''));
  if (removed.length === 0 && added.length === 0) return heat;
  const gone = new Set(removed);
  const kept = heat.filter((_, index) => !gone.has(index));
  // Merge the two sorted lists.
  const merged: HeatCell[] = [];
  let k = 0;
  for (const cell of kept) {
    while (k < added.length && (added[k]?.cell ?? '') < cell.cell) merged.push(added[k++] as HeatCell);
    merged.push(cell);
  }
  while (k < added.length) merged.push(added[k++] as HeatCell);
  return merged;
}

/**
 * A page's side: the aggregate a wire message stands for, given what the page holds for that district.
 * null when the message is a delta against a tick the page does not hold, or does not fit it (the page
 * must resync); the held aggregate itself when the page already holds this very tick (e.g. from a snapshot
 * taken meanwhile). A delta is applied at once: a few positions patched in a copy of the held list.
 */
export function decodeLive(wire: WireLiveAggregate, held: LiveAggregate | undefined): LiveAggregate | null {
  if (wire.heatBase === undefined) return fromWire(wire);
  if (held !== undefined && held.ts === wire.ts && held.seq === wire.seq) return held;
  if (held === undefined || held.ts !== wire.heatBase.ts || held.seq !== wire.heatBase.seq) return null;
  const heat = applyHeatDelta(held.heat, wire);
  return heat === null ? null : { ...withoutHeat(wire), heat };
}

export function toWireSnapshot(snapshot: WallSnapshot): WireSnapshot {
  return { ...snapshot, live: snapshot.live.map(toWire) };
}

export function fromWireSnapshot(snapshot: WireSnapshot): WallSnapshot {
  return { ...snapshot, live: snapshot.live.map(fromWire) };
}
