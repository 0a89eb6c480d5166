import { describe, expect, it } from 'vitest';
import { earlyLevel, ThresholdEvaluator } from './evaluator.js';
import type { ThresholdRule } from './schema.js';
import { must } from '../../test/support/must.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 5, 2, 0);

const occupancy: ThresholdRule = {
  id: 'crowd-venue-occupancy',
  kind: 'threshold',
  category: 'crowd',
  title: { zh: '{subject}', en: '{subject}' },
  metric: 'crowd.venue.occupancy',
  unit: '%',
  levels: { blue: 50, yellow: 70, orange: 85, red: 100 },
  sustainWindows: 1,
  hysteresis: 0.05,
  minChange: 0.05,
  coolDownMs: 10 * MIN,
  expireNoDataMs: 30 * MIN,
  rise: undefined,
  forecast: undefined,
};

function feed(rule: ThresholdRule, values: number[]) {
  const evaluator = new ThresholdEvaluator(rule, MIN);
  return values.map((value, i) => evaluator.evaluate('venue:x', value, T0 + (i + 1) * MIN));
}

describe('threshold evaluator', () => {
  it('raises by threshold and reports the level threshold', () => {
    const decisions = feed(occupancy, [40, 72, 90]);
    expect(decisions.map((d) => [d.level, d.trigger, d.threshold])).toEqual([
      [null, null, 50],
      ['yellow', 'threshold', 70],
      ['orange', 'threshold', 85],
    ]);
  });

  it('raises the rise level when the value climbs fast, even below the thresholds', () => {
    const rule = {
      ...occupancy,
      levels: { orange: 85, red: 100 },
      rise: { ratio: 0.3, overMs: 3 * MIN, level: 'yellow' as const, minValue: 40 },
    };
    const decisions = feed(rule, [40, 44, 48, 53, 54]);
    expect(decisions[3]).toMatchObject({ level: 'yellow', trigger: 'rise', evidence: { risePercent: 32.5 } });
    expect(decisions[4]?.level).toBeNull(); // 54 vs 44 three windows before: +22.7 %
  });

  it('warns early, one level below the forecast level, with an ETA inside the horizon', () => {
    const rule: ThresholdRule = {
      ...occupancy,
      forecast: {
        horizonMs: 15 * MIN,
        minWindows: 5,
        confirmWindows: 2,
        alpha: 0.5,
        beta: 0.3,
        damping: 1,
        stepBelow: 1,
      },
    };
    // +3.33 %/min from 30 %: red (100 %) is reached 21 minutes in.
    const values = Array.from({ length: 12 }, (_, i) => 30 + (10 / 3) * i);
    const decisions = feed(rule, values);
    // First "orange expected" raises yellow; once red is inside the horizon, "red expected" raises orange.
    const first = decisions.findIndex((d) => d.trigger === 'forecast');
    expect(first).toBeGreaterThanOrEqual(5);
    expect(decisions[first]).toMatchObject({ level: 'yellow', threshold: 85, forecast: { level: 'orange' } });
    const redIndex = decisions.findIndex((d) => d.forecast?.level === 'red');
    const early = must(decisions[redIndex]);
    expect(early).toMatchObject({ level: 'orange', trigger: 'forecast', threshold: 100 });
    expect(early.value).toBeLessThan(85); // measured: not even orange yet
    const windowEnd = T0 + (redIndex + 1) * MIN;
    const redAt = T0 + 22 * MIN; // the window ending after the 21st value
    expect(must(early.forecast).etaMs).toBeGreaterThan(windowEnd);
    expect(Math.abs(must(early.forecast).etaMs - redAt)).toBeLessThanOrEqual(2 * MIN);
    expect(must(early.forecast).value).toBeGreaterThanOrEqual(100);
  });

  it('does not forecast from a falling or flat series', () => {
    const rule: ThresholdRule = {
      ...occupancy,
      forecast: {
        horizonMs: 15 * MIN,
        minWindows: 3,
        confirmWindows: 1,
        alpha: 0.5,
        beta: 0.3,
        damping: 1,
        stepBelow: 1,
      },
    };
    expect(feed(rule, [80, 79, 78, 77, 76, 75]).every((d) => d.forecast === undefined)).toBe(true);
    expect(feed(rule, [60, 60, 60, 60, 60]).every((d) => d.forecast === undefined)).toBe(true);
  });

  it('forgets trends across a gap but keeps the level held', () => {
    const evaluator = new ThresholdEvaluator(occupancy, MIN);
    evaluator.evaluate('venue:x', 90, T0 + MIN);
    const afterGap = evaluator.evaluate('venue:x', 84, T0 + 10 * MIN);
    expect(afterGap.level).toBe('orange'); // within hysteresis of orange
    expect(afterGap.evidence.windows).toBe(1);
  });

  it('restarts from a seeded level without raising anew', () => {
    const evaluator = new ThresholdEvaluator(occupancy, MIN);
    evaluator.seed('venue:x', 'orange');
    expect(evaluator.evaluate('venue:x', 82, T0).level).toBe('orange');
    evaluator.reset('venue:x');
    expect(evaluator.evaluate('venue:x', 82, T0 + MIN).level).toBe('yellow');
  });

  it('maps forecast levels to early-warning levels', () => {
    expect(earlyLevel('red', 1)).toBe('orange');
    expect(earlyLevel('yellow', 1)).toBe('blue');
    expect(earlyLevel('blue', 1)).toBeNull();
    expect(earlyLevel('red', 0)).toBe('red');
  });
});
