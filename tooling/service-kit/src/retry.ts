// Retry until success or shutdown (DESIGN §5: ClickHouse or Kafka unavailable → back off and retry, commit
// nothing, never drop). Exponential backoff with full jitter, capped.
import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 15_000 };

export class ShutdownError extends Error {
  override readonly name = 'ShutdownError';
}

export async function retryUntilDone<T>(
  attempt: () => Promise<T>,
  {
    policy = DEFAULT_BACKOFF,
    signal,
    onFailure,
  }: {
    policy?: BackoffPolicy;
    signal: AbortSignal;
    onFailure: (error: unknown, attemptNumber: number, delayMs: number) => void;
  },
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    if (signal.aborted) throw new ShutdownError('stopped while retrying');
    try {
      return await attempt();
    } catch (error) {
      const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attemptNumber - 1, 16));
      const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
      onFailure(error, attemptNumber, delayMs);
      try {
        await sleep(delayMs, undefined, { signal });
      } catch {
        throw new ShutdownError('stopped while retrying');
      }
    }
  }
}
