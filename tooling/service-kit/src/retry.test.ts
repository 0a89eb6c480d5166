import { describe, expect, it } from 'vitest';
import { retryUntilDone, ShutdownError } from './retry.js';

const fast = { initialMs: 1, maxMs: 4 };

describe('retryUntilDone', () => {
  it('retries until the attempt succeeds, reporting each failure', async () => {
    let calls = 0;
    const failures: number[] = [];
    const result = await retryUntilDone(
      () => {
        calls += 1;
        return calls < 4 ? Promise.reject(new Error(`fail ${calls}`)) : Promise.resolve('done');
      },
      {
        policy: fast,
        signal: new AbortController().signal,
        onFailure: (_e, attempt) => failures.push(attempt),
      },
    );
    expect(result).toBe('done');
    expect(failures).toEqual([1, 2, 3]);
  });

  it('keeps each delay within the cap', async () => {
    const delays: number[] = [];
    let calls = 0;
    await retryUntilDone(() => (++calls < 8 ? Promise.reject(new Error('x')) : Promise.resolve()), {
      policy: fast,
      signal: new AbortController().signal,
      onFailure: (_e, _a, delay) => delays.push(delay),
    });
    expect(Math.max(...delays)).toBeLessThanOrEqual(fast.maxMs);
  });

  it('stops with ShutdownError when aborted while waiting', async () => {
    const controller = new AbortController();
    const run = retryUntilDone(() => Promise.reject(new Error('down')), {
      policy: { initialMs: 10_000, maxMs: 10_000 },
      signal: controller.signal,
      onFailure: () => controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ShutdownError);
  });
});
