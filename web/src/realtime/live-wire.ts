// Live aggregates on the Socket.IO wire. A tick's heat is most of its bytes (200 cells per district), and
// a list of {cell, people} objects cost every wall a JSON decode of every cell on arrival: ~0.75 ms per
// 77 KB tick on this project's machine, times 1,000 walls on one loopback in the fan-out figure. So:
// - heat is one string of `cell:people` pairs (half the bytes; JSON decodes a string at copy speed), turned
//   back into cells the first time something reads `heat` (the heat layer, a venue panel);
// - after a district's first tick a socket gets only the cells that changed since the previous tick
//   (`heatBase` names that tick): a crowd cell reports about once a minute while ticks come every few
//   seconds, so most ticks carry a few cells per district. Snapshots always carry the whole heat.
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
   * `cell:people` pairs joined by commas (H3 indexes are hex, counts plain decimals: no separator inside):
   * the whole heat, or with `heatBase` the cells that changed or appeared since that tick.
   */
  heatPacked: string;
  /** Present: a delta against this tick of the same district. */
  heatBase?: TickRef;
  /** Delta only: cells that left the district's heat since `heatBase`, comma-joined. */
  heatRemoved?: string;
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

/** The whole aggregate (snapshots, and a district's first tick). */
export function toWire(aggregate: LiveAggregate): WireLiveAggregate {
  const { heat, ...rest } = aggregate;
  return { ...rest, heatPacked: packHeat(heat) };
}

/**
 * An aggregate whose `heat` is computed on first read and kept: receiving a tick costs the same whatever
 * its size, and the cells are built once however often they are read.
 */
function withLazyHeat(rest: Omit<LiveAggregate, 'heat'>, compute: () => HeatCell[]): LiveAggregate {
  let heat: HeatCell[] | undefined;
  // An own enumerable getter, so a spread copy of the aggregate carries the cells like any other field.
  return {
    ...rest,
    get heat() {
      return (heat ??= compute());
    },
  };
}

/** The aggregate a page works with, from a whole (non-delta) wire aggregate. */
export function fromWire(wire: WireLiveAggregate): LiveAggregate {
  const { heatPacked, heatBase: _base, heatRemoved: _removed, ...rest } = wire;
  return withLazyHeat(rest, () => unpackHeat(heatPacked));
}

/**
 * The server's side of the deltas: remembers the last heat sent per district, and encodes each new tick
 * against it. Every socket that holds a district's live picture receives every tick of it (rooms are
 * fixed per connection), so one memory serves all of them.
 */
export class LiveDeltaEncoder {
  private readonly sent = new Map<string, TickRef & { cells: Map<string, number> }>();

  encode(aggregate: LiveAggregate): WireLiveAggregate {
    const previous = this.sent.get(aggregate.district);
    const cells = new Map(aggregate.heat.map(({ cell, people }) => [cell, people]));
    this.sent.set(aggregate.district, { ts: aggregate.ts, seq: aggregate.seq, cells });
    if (previous === undefined) return toWire(aggregate);
    const changed = aggregate.heat.filter(({ cell, people }) => previous.cells.get(cell) !== people);
    const removed = [...previous.cells.keys()].filter((cell) => !cells.has(cell));
    // When most of the heat changed, the whole of it is as small and simpler to apply.
    if (changed.length + removed.length >= aggregate.heat.length) return toWire(aggregate);
    const { heat: _heat, ...rest } = aggregate;
    return {
      ...rest,
      heatPacked: packHeat(changed),
      heatBase: { ts: previous.ts, seq: previous.seq },
      ...(removed.length > 0 ? { heatRemoved: removed.join(',') } : {}),
    };
  }
}

/**
 * Deltas applied lazily that nobody has read yet, per aggregate: each holds on to the tick before it, so a
 * page that never draws heat (layer hidden, or the benchmark's clients) would otherwise keep an ever longer
 * chain. Past this many, a delta is applied at once.
 */
const MAX_UNREAD_DELTAS = 30;
const unreadDeltas = new WeakMap<LiveAggregate, number>();

/** `held`'s heat with a delta applied: changed counts replaced, removed cells dropped, new cells appended. */
function applyHeatDelta(
  held: readonly HeatCell[],
  changedPacked: string,
  removedCells: string | undefined,
): HeatCell[] {
  const changes = new Map(unpackHeat(changedPacked).map(({ cell, people }) => [cell, people]));
  const removed = new Set(removedCells === undefined || removedCells === '' ? [] : removedCells.split(','));
  const heat: HeatCell[] = [];
  for (const cell of held) {
    if (removed.has(cell.cell)) continue;
    const now = changes.get(cell.cell);
    if (now === undefined) heat.push(cell);
    else {
      heat.push({ cell: cell.cell, people: now });
      changes.delete(cell.cell);
    }
  }
  for (const [cell, people] of changes) heat.push({ cell, people });
  return heat;
}

/**
 * A page's side: the aggregate a wire message stands for, given what the page holds for that district.
 * null when the message is a delta against a tick the page does not hold (it must resync); the held
 * aggregate itself when the page already holds this very tick (e.g. from a snapshot taken meanwhile).
 * A delta is applied when the heat is first read, like a whole heat is decoded then.
 */
export function decodeLive(wire: WireLiveAggregate, held: LiveAggregate | undefined): LiveAggregate | null {
  if (wire.heatBase === undefined) return fromWire(wire);
  if (held !== undefined && held.ts === wire.ts && held.seq === wire.seq) return held;
  if (held === undefined || held.ts !== wire.heatBase.ts || held.seq !== wire.heatBase.seq) return null;
  const { heatPacked, heatBase: _base, heatRemoved, ...rest } = wire;
  const unread = (unreadDeltas.get(held) ?? 0) + 1;
  if (unread > MAX_UNREAD_DELTAS)
    return { ...rest, heat: applyHeatDelta(held.heat, heatPacked, heatRemoved) };
  const aggregate = withLazyHeat(rest, () => {
    unreadDeltas.delete(aggregate);
    return applyHeatDelta(held.heat, heatPacked, heatRemoved);
  });
  unreadDeltas.set(aggregate, unread);
  return aggregate;
}

export function toWireSnapshot(snapshot: WallSnapshot): WireSnapshot {
  return { ...snapshot, live: snapshot.live.map(toWire) };
}

export function fromWireSnapshot(snapshot: WireSnapshot): WallSnapshot {
  return { ...snapshot, live: snapshot.live.map(fromWire) };
}
