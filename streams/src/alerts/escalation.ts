// Unacknowledged alerts climb one level after a configured time at their level: an alert nobody answers
// must get louder, not wait (e.g. blue 30 min, yellow 20, orange 10; red is the top).
import { ALERT_LEVELS, levelRank, type Alert, type AlertLevel } from '@citybrain/schemas/events';

export function dueEscalation(
  alert: Pick<Alert, 'level' | 'status'>,
  levelSinceMs: number,
  nowMs: number,
  afterMs: Partial<Record<AlertLevel, number>>,
): AlertLevel | null {
  if (alert.status !== 'active') return null;
  const after = afterMs[alert.level];
  if (after === undefined || nowMs - levelSinceMs < after) return null;
  return ALERT_LEVELS[levelRank(alert.level) + 1] ?? null;
}
