// A duty officer's action applied to an alert with optimistic concurrency: the action names the version the
// officer saw, and is refused if the alert has changed since (the officer must look again). Pure.
import { ALERT_LEVELS, levelRank, type Alert, type AlertAction } from '@citybrain/schemas/events';

export type RefusalReason = 'unknown_alert' | 'stale_version' | 'closed' | 'invalid_transition';

export type ActionOutcome = { ok: true; alert: Alert } | { ok: false; reason: RefusalReason; detail: string };

const refuse = (reason: RefusalReason, detail: string): ActionOutcome => ({ ok: false, reason, detail });

function laterIso(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export function applyAction(alert: Alert, action: AlertAction): ActionOutcome {
  if (alert.status === 'resolved' || alert.status === 'expired') {
    return refuse('closed', `alert is ${alert.status}`);
  }
  if (action.version !== alert.version) {
    return refuse(
      'stale_version',
      `action is for version ${action.version}; the alert is at ${alert.version}`,
    );
  }
  const next: Alert = {
    ...alert,
    version: alert.version + 1,
    // Never backwards: an officer's clock may lag the event time the alert was last updated at.
    updatedAt: laterIso(action.ts, alert.updatedAt),
  };
  switch (action.type) {
    case 'ack':
      if (alert.status !== 'active')
        return refuse('invalid_transition', `cannot acknowledge an ${alert.status} alert`);
      return { ok: true, alert: { ...next, status: 'acknowledged' } };
    case 'assign': {
      const agencies = [...new Set([...alert.agencies, ...(action.agencies ?? [])])];
      return { ok: true, alert: { ...next, status: 'assigned', agencies } };
    }
    case 'escalate': {
      const target = action.level ?? ALERT_LEVELS[levelRank(alert.level) + 1];
      if (target === undefined || levelRank(target) <= levelRank(alert.level)) {
        return refuse(
          'invalid_transition',
          `cannot escalate a ${alert.level} alert to ${target ?? 'beyond red'}`,
        );
      }
      return { ok: true, alert: { ...next, level: target } };
    }
    case 'resolve':
      return { ok: true, alert: { ...next, status: 'resolved' } };
    case 'comment':
      return { ok: true, alert: next };
    case 'agency_update': {
      // The schema guarantees both fields for this type; the checks narrow them.
      const { agency, progress } = action;
      if (agency === undefined || progress === undefined) {
        return refuse('invalid_transition', 'agency_update needs agency and progress');
      }
      if (!alert.agencies.includes(agency)) {
        return refuse('invalid_transition', `agency ${agency} is not assigned to this alert`);
      }
      const entry = {
        state: progress,
        by: action.actor,
        at: action.ts,
        ...(action.note ? { note: action.note } : {}),
      };
      return { ok: true, alert: { ...next, agencyProgress: { ...alert.agencyProgress, [agency]: entry } } };
    }
  }
}
