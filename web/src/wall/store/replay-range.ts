// Where the history slider may go and how the keys move it: the last six hours in five-minute steps, on
// whole minutes so a replayed time reads "14:35", and stepping past now returns to live.
export const REPLAY_SPAN_MS = 6 * 3_600_000;
export const REPLAY_STEP_MS = 5 * 60_000;
const MINUTE = 60_000;

/**
 * The slider's range at `nowMs` (server clock): the last six hours on whole minutes. Whole minutes on both
 * ends keep every slider position a whole minute, so the value the page sets is the one the browser holds
 * (a value off the slider's step grid would be snapped and re-set mid-drag, and the thumb would jump).
 */
export function replayRange(nowMs: number): { min: number; max: number } {
  return {
    min: Math.ceil((nowMs - REPLAY_SPAN_MS) / MINUTE) * MINUTE,
    max: Math.floor(nowMs / MINUTE) * MINUTE,
  };
}

/** Clamps an instant into the range, on a whole minute; null at the live end (the slider pulled to now). */
export function replayInstant(ms: number, nowMs: number): number | null {
  const { min, max } = replayRange(nowMs);
  if (ms >= max) return null;
  return Math.max(min, Math.floor(ms / MINUTE) * MINUTE);
}

/**
 * One key press: from live, ← goes one step back; in replay, ← / → move a step along the whole five
 * minutes (14:32 → 14:30 → 14:25), and → past now returns to live (null).
 */
export function stepReplay(at: number | null, direction: -1 | 1, nowMs: number): number | null {
  if (at === null) return direction < 0 ? replayInstant(nowMs - REPLAY_STEP_MS, nowMs) : null;
  const aligned = direction < 0 ? Math.ceil(at / REPLAY_STEP_MS) : Math.floor(at / REPLAY_STEP_MS);
  return replayInstant((aligned + direction) * REPLAY_STEP_MS, nowMs);
}

export interface ReplayTick {
  ms: number;
  /** Position along the slider, 0–100. */
  percent: number;
}

/** Whole hours inside the range, for the labels under the slider. */
export function replayTicks(nowMs: number): ReplayTick[] {
  const { min, max } = replayRange(nowMs);
  const ticks: ReplayTick[] = [];
  for (let ms = Math.ceil(min / 3_600_000) * 3_600_000; ms <= max; ms += 3_600_000)
    ticks.push({ ms, percent: ((ms - min) / (max - min)) * 100 });
  return ticks;
}
