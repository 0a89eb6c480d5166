import { describe, expect, it } from 'vitest';
import { emptyLevelState, measuredLevel, stepLevel, type LevelState } from './levels.js';

const occupancy = { blue: 50, yellow: 70, orange: 85, red: 100 };

function run(values: number[], options = { sustainWindows: 1, hysteresis: 0.05 }): (string | null)[] {
  let state: LevelState = emptyLevelState();
  return values.map((value) => {
    state = stepLevel(occupancy, value, state, options);
    return state.level;
  });
}

describe('levels', () => {
  it('maps a value to the most severe threshold it reaches', () => {
    expect(measuredLevel(occupancy, 49.9)).toBeNull();
    expect(measuredLevel(occupancy, 70)).toBe('yellow');
    expect(measuredLevel(occupancy, 130)).toBe('red');
    expect(measuredLevel({ yellow: 30, red: 100 }, 50)).toBe('yellow');
  });

  it('rises immediately with sustain 1 and skips levels on a jump', () => {
    expect(run([40, 72, 101])).toEqual([null, 'yellow', 'red']);
  });

  it('needs the value above a level for N windows in a row with sustain N', () => {
    expect(run([72, 60, 72, 73, 74], { sustainWindows: 3, hysteresis: 0.05 })).toEqual([
      null,
      null,
      'blue', // 72, 60, 72 are all above blue's 50: three in a row
      'blue',
      'yellow',
    ]);
  });

  it('does not flap when the value hovers at a threshold (hysteresis)', () => {
    // 85 ± 2: once orange, it holds until the value drops below 85 × 0.95 = 80.75
    expect(run([86, 84, 86, 83, 81, 80])).toEqual([
      'orange',
      'orange',
      'orange',
      'orange',
      'orange',
      'yellow',
    ]);
  });

  it('steps down through held levels and to nothing below the lowest band', () => {
    expect(run([101, 90, 75, 60, 48, 47])).toEqual(['red', 'orange', 'yellow', 'blue', 'blue', null]);
  });
});
