import { describe, expect, it } from 'vitest';
import { uniqueName, waitFor, WaitForTimeoutError } from './testing.js';

describe('test helpers', () => {
  it('makes distinct names with the prefix', () => {
    const a = uniqueName('group');
    expect(a).toMatch(/^group-[0-9a-f]{8}$/);
    expect(uniqueName('group')).not.toBe(a);
  });

  it('waits until the condition holds and returns the value', async () => {
    let calls = 0;
    const value = await waitFor(
      () => ++calls,
      (n) => n >= 3,
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
  });

  it('times out with the last value seen', async () => {
    await expect(
      waitFor(
        () => 'never',
        () => false,
        { timeoutMs: 20, intervalMs: 5, what: 'x' },
      ),
    ).rejects.toThrow(WaitForTimeoutError);
    await expect(
      waitFor(
        () => 'never',
        () => false,
        { timeoutMs: 20, intervalMs: 5 },
      ),
    ).rejects.toThrow(/"never"/);
  });
});
