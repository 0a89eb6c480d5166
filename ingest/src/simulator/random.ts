// Seeded randomness: every draw the simulator makes comes from here, so a seed replays a run exactly
// (`--seed`). Wraps pure-rand's xoroshiro128+ (fast, well tested, 2^128 period) with the few distributions
// a city feed needs. Never use Math.random in the simulator: it would make runs unrepeatable.
import { randomInt } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class SeededRandom {
  private readonly generator: JumpableRandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Normally distributed (Box–Muller); one value per call keeps the stream's consumption predictable. */
  normal(mean = 0, standardDeviation = 1): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let remaining = this.next() * total;
    for (const [value, weight] of entries) {
      remaining -= weight;
      if (remaining < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('cannot pick from an empty list');
    return last[0];
  }

  /**
   * An independent stream seeded from this one. Separate concerns (city layout, world events, reading
   * noise) draw from separate streams, so e.g. changing how often sensors report does not move incidents.
   */
  fork(): SeededRandom {
    return new SeededRandom(this.int(-0x8000_0000, 0x7fff_ffff));
  }
}

/** A fresh seed for runs that do not ask for one; it is logged so the run can be replayed. */
export function randomSeed(): number {
  return randomInt(0, 0x7fff_ffff);
}
