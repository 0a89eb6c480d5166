// Shared test helpers (kafkajs testHelpers style): unique names, a silent logger, and polling waits.
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

export class WaitForTimeoutError extends Error {
  override readonly name = 'WaitForTimeoutError';
}

/**
 * Polls `probe` until `done(value)` holds; the last value is in the error so a failing test says what it saw.
 * Synchronisation by condition, never by sleeping a guessed time.
 */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  done: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > deadline) {
      throw new WaitForTimeoutError(
        `timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export { exited, freePort, metricSum, spawnService, type ChildService } from './child-service.js';
