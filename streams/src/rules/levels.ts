// Threshold levels with sustain and hysteresis. Going up needs the value at or above a level's threshold for
// `sustainWindows` windows in a row; coming down needs it `hysteresis` below the threshold of the level held,
// so a crowd hovering around 85 % does not flip orange/yellow every minute.
import { ALERT_LEVELS, levelRank, type AlertLevel } from '@citybrain/schemas/events';

export type Thresholds = Partial<Record<AlertLevel, number>>;

export interface LevelState {
  /** Consecutive windows at or above each level's threshold. */
  streaks: Partial<Record<AlertLevel, number>>;
  level: AlertLevel | null;
}

export function emptyLevelState(): LevelState {
  return { streaks: {}, level: null };
}

export function maxLevel(...levels: (AlertLevel | null | undefined)[]): AlertLevel | null {
  let best: AlertLevel | null = null;
  for (const level of levels) {
    if (level != null && (best === null || levelRank(level) > levelRank(best))) best = level;
  }
  return best;
}

/** The most severe level whose threshold the value reaches, ignoring sustain and hysteresis. */
export function measuredLevel(thresholds: Thresholds, value: number): AlertLevel | null {
  let level: AlertLevel | null = null;
  for (const candidate of ALERT_LEVELS) {
    const threshold = thresholds[candidate];
    if (threshold !== undefined && value >= threshold) level = candidate;
  }
  return level;
}

/** Advances the state by one window's value; returns the new state (the input is not changed). */
export function stepLevel(
  thresholds: Thresholds,
  value: number,
  state: LevelState,
  { sustainWindows, hysteresis }: { sustainWindows: number; hysteresis: number },
): LevelState {
  const streaks: Partial<Record<AlertLevel, number>> = {};
  let up: AlertLevel | null = null;
  let held: AlertLevel | null = null;
  for (const level of ALERT_LEVELS) {
    const threshold = thresholds[level];
    if (threshold === undefined) continue;
    const streak = value >= threshold ? (state.streaks[level] ?? 0) + 1 : 0;
    streaks[level] = streak;
    if (streak >= sustainWindows) up = level;
    // A level already held (or one below it) stays while the value is within the hysteresis band.
    const holdable = state.level !== null && levelRank(level) <= levelRank(state.level);
    if (holdable && value >= threshold * (1 - hysteresis)) held = level;
  }
  return { streaks, level: maxLevel(up, held) };
}
