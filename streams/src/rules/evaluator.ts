// One threshold rule applied to one subject window after window: thresholds with sustain and hysteresis,
// rate of rise, and the forecast early warning. Pure: time comes in as window ends.
import { ALERT_LEVELS, levelRank, type AlertLevel } from '@citybrain/schemas/events';
import { firstCrossing, fitHolt } from '../forecast/holt.js';
import { emptyLevelState, maxLevel, stepLevel, type LevelState } from './levels.js';
import type { ThresholdRule } from './schema.js';

export interface ForecastCrossing {
  level: AlertLevel;
  value: number;
  etaMs: number;
}

export type Trigger = 'threshold' | 'rise' | 'forecast';

export interface Decision {
  /** The level the alert should have now; null: the condition is gone. */
  level: AlertLevel | null;
  trigger: Trigger | null;
  value: number;
  /** The threshold the alert is about: the forecast level's for an early warning, else the level's own. */
  threshold: number;
  forecast: ForecastCrossing | undefined;
  evidence: Record<string, number | string>;
}

interface SubjectState {
  levels: LevelState;
  /** Values of consecutive windows, oldest first. */
  history: number[];
  lastEndMs: number;
  forecastStreak: number;
}

const HISTORY_WINDOWS = 30;

export class ThresholdEvaluator {
  private readonly subjects = new Map<string, SubjectState>();
  private readonly historyCap: number;

  constructor(
    readonly rule: ThresholdRule,
    private readonly windowMs: number,
  ) {
    const riseWindows = rule.rise ? Math.round(rule.rise.overMs / windowMs) : 0;
    this.historyCap = Math.max(HISTORY_WINDOWS, riseWindows + 1, rule.forecast?.minWindows ?? 0);
  }

  evaluate(subjectKey: string, value: number, windowEndMs: number): Decision {
    const state = this.stateOf(subjectKey, windowEndMs);
    state.history.push(value);
    if (state.history.length > this.historyCap) state.history.shift();
    state.lastEndMs = windowEndMs;
    state.levels = stepLevel(this.rule.levels, value, state.levels, this.rule);

    const evidence: Record<string, number | string> = {
      windowValue: round(value),
      windows: state.history.length,
    };
    const riseLevel = this.riseLevel(state.history, evidence);
    const measured = maxLevel(state.levels.level, riseLevel);
    const forecast = this.forecast(state, measured, windowEndMs, evidence);
    const early = forecast ? earlyLevel(forecast.level, this.rule.forecast?.stepBelow ?? 1) : null;
    const level = maxLevel(measured, early);

    let trigger: Trigger | null = null;
    if (level !== null) {
      if (level === state.levels.level) trigger = 'threshold';
      else if (level === riseLevel) trigger = 'rise';
      else trigger = 'forecast';
    }
    const thresholdLevel = trigger === 'forecast' && forecast ? forecast.level : level;
    return {
      level,
      trigger,
      value,
      threshold: this.thresholdOf(thresholdLevel),
      forecast,
      evidence,
    };
  }

  /** Forgets a subject's streaks and trend (after a resolve, so a recurrence must build up again). */
  reset(subjectKey: string): void {
    this.subjects.delete(subjectKey);
  }

  /** Restores the level an alert held before a restart, so hysteresis holds it instead of re-deriving it. */
  seed(subjectKey: string, level: AlertLevel): void {
    this.subjects.set(subjectKey, {
      levels: { streaks: {}, level },
      history: [],
      lastEndMs: Number.NEGATIVE_INFINITY,
      forecastStreak: 0,
    });
  }

  /** Drops subjects not seen since `beforeMs`, so state does not grow with every cell that ever reported. */
  prune(beforeMs: number): void {
    for (const [key, state] of this.subjects) if (state.lastEndMs < beforeMs) this.subjects.delete(key);
  }

  get subjectCount(): number {
    return this.subjects.size;
  }

  private stateOf(subjectKey: string, windowEndMs: number): SubjectState {
    let state = this.subjects.get(subjectKey);
    if (!state) {
      state = { levels: emptyLevelState(), history: [], lastEndMs: windowEndMs, forecastStreak: 0 };
      this.subjects.set(subjectKey, state);
    } else if (windowEndMs - state.lastEndMs > this.windowMs && state.history.length > 0) {
      // A gap: trends and streaks assume consecutive windows. The level held survives (the alert goes on).
      state.history = [];
      state.levels = { streaks: {}, level: state.levels.level };
      state.forecastStreak = 0;
    }
    return state;
  }

  private riseLevel(
    history: readonly number[],
    evidence: Record<string, number | string>,
  ): AlertLevel | null {
    const rise = this.rule.rise;
    if (!rise) return null;
    const steps = Math.round(rise.overMs / this.windowMs);
    if (history.length <= steps) return null;
    const before = history[history.length - 1 - steps] as number;
    const now = history[history.length - 1] as number;
    if (before <= 0) return null;
    const ratio = (now - before) / before;
    evidence.risePercent = round(ratio * 100);
    return ratio >= rise.ratio && now >= rise.minValue ? rise.level : null;
  }

  private forecast(
    state: SubjectState,
    measured: AlertLevel | null,
    windowEndMs: number,
    evidence: Record<string, number | string>,
  ): ForecastCrossing | undefined {
    const model = this.rule.forecast;
    if (!model || state.history.length < model.minWindows) {
      state.forecastStreak = 0;
      return undefined;
    }
    const fit = fitHolt(state.history, model);
    if (!fit) return undefined;
    evidence.trendPerWindow = round(fit.trend);
    const steps = Math.floor(model.horizonMs / this.windowMs);
    let crossing: ForecastCrossing | undefined;
    for (const level of ALERT_LEVELS) {
      const threshold = this.rule.levels[level];
      if (threshold === undefined || (measured !== null && levelRank(level) <= levelRank(measured))) continue;
      const hit = firstCrossing(fit, threshold, steps);
      if (hit) crossing = { level, value: round(hit.value), etaMs: windowEndMs + hit.steps * this.windowMs };
    }
    state.forecastStreak = crossing ? state.forecastStreak + 1 : 0;
    if (!crossing || state.forecastStreak < model.confirmWindows) return undefined;
    evidence.forecastLevel = crossing.level;
    return crossing;
  }

  private thresholdOf(level: AlertLevel | null): number {
    if (level !== null) return this.rule.levels[level] ?? 0;
    const lowest = ALERT_LEVELS.find((l) => this.rule.levels[l] !== undefined);
    return lowest === undefined ? 0 : (this.rule.levels[lowest] ?? 0);
  }
}

/** "Red expected" raises orange now (stepBelow 1); a forecast below blue raises nothing. */
export function earlyLevel(forecastLevel: AlertLevel, stepBelow: number): AlertLevel | null {
  return ALERT_LEVELS[levelRank(forecastLevel) - stepBelow] ?? null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
