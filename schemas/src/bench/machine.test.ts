import { describe, expect, it } from 'vitest';
import { cpuShares, describeCpuShares } from './machine.js';

describe('cpuShares', () => {
  it('splits the elapsed ticks into busy and stolen shares', () => {
    const before = { total: 1_000, idle: 600, steal: 100 };
    const after = { total: 2_000, idle: 900, steal: 300 };
    // 1,000 ticks elapsed: 300 idle, 200 stolen, the other 500 busy.
    expect(cpuShares(before, after)).toEqual({ busy: 0.5, steal: 0.2 });
    expect(describeCpuShares(before, after)).toContain('50 % busy, 20 % stolen');
  });

  it('reports unknown without readings or elapsed time', () => {
    const reading = { total: 10, idle: 5, steal: 0 };
    expect(cpuShares(null, reading)).toBeNull();
    expect(cpuShares(reading, reading)).toBeNull();
    expect(describeCpuShares(null, null)).toContain('unknown');
  });
});
