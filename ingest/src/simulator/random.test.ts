import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.js';

const draw = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed', () => {
    expect(draw(new SeededRandom(42), 5)).toEqual(draw(new SeededRandom(42), 5));
    expect(draw(new SeededRandom(42), 5)).not.toEqual(draw(new SeededRandom(43), 5));
  });

  it('forks streams that are independent of the parent and of each other', () => {
    const parent = new SeededRandom(7);
    const [a, b] = [parent.fork(), parent.fork()];
    expect(draw(a, 5)).not.toEqual(draw(b, 5));
  });

  it('draws normals with the requested mean and spread', () => {
    const random = new SeededRandom(1);
    const values = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it('picks by weight', () => {
    const random = new SeededRandom(5);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ['a', 3],
        ['b', 1],
      ] as const),
    );
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });
});
