import { describe, expect, it } from 'vitest';
import { firstCrossing, fitHolt, forecastAt } from './holt.js';
import { must } from '../../test/support/must.js';

const plain = { alpha: 0.5, beta: 0.3, damping: 1 };

describe("Holt's linear smoothing", () => {
  it('recovers a straight line exactly', () => {
    const line = Array.from({ length: 10 }, (_, i) => 30 + 3 * i);
    const fit = fitHolt(line, plain);
    expect(fit?.level).toBeCloseTo(57, 9);
    expect(fit?.trend).toBeCloseTo(3, 9);
    expect(forecastAt(must(fit), 5)).toBeCloseTo(72, 9);
  });

  it('needs two points', () => {
    expect(fitHolt([5], plain)).toBeUndefined();
  });

  it('damps the trend so the horizon sum converges', () => {
    const fit = { level: 100, trend: 10, damping: 0.9 };
    // φ + φ² + … converges to φ / (1 − φ) = 9
    expect(forecastAt(fit, 1)).toBeCloseTo(109, 9);
    expect(forecastAt(fit, 1000)).toBeCloseTo(190, 6);
  });

  it('follows a noisy rise with a positive trend', () => {
    const noise = [0.4, -0.3, 0.2, -0.5, 0.1, 0.3, -0.2, 0.4];
    const values = noise.map((n, i) => 50 + 2 * i + n);
    const fit = must(fitHolt(values, { alpha: 0.5, beta: 0.3, damping: 0.98 }));
    expect(fit.trend).toBeGreaterThan(1.2);
    expect(fit.trend).toBeLessThan(2.8);
  });

  it('finds the first step at which the forecast crosses a threshold', () => {
    const fit = { level: 80, trend: 3, damping: 1 };
    expect(firstCrossing(fit, 100, 15)).toEqual({ steps: 7, value: 101 });
    expect(firstCrossing(fit, 200, 15)).toBeUndefined();
    expect(firstCrossing({ level: 80, trend: -1, damping: 1 }, 70, 15)).toBeUndefined();
  });
});
