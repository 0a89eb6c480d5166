// Who may do what to an alert (DESIGN §7): one table shared by the duty console, which enables its buttons
// from it, and the gateway, which enforces it. Pure and server-safe: no React, no DOM, no I/O.
import {
  ALERT_LEVELS,
  levelRank,
  type ActorRole,
  type AgencyId,
  type Alert,
  type AlertActionType,
  type AlertLevel,
} from '@citybrain/schemas/events';
import type { ActionRefusal, ActionRequest, SessionInfo } from './events.js';
import { alertVisibleIn } from './picture.js';

/** What each role may do at all, before scope and the alert's state narrow it. */
export const ROLE_ACTIONS: Readonly<Record<ActorRole, readonly AlertActionType[]>> = {
  wall: [],
  operator: ['ack', 'comment', 'resolve'],
  duty_officer: ['ack', 'assign', 'escalate', 'resolve', 'comment', 'agency_update'],
  admin: ['ack', 'assign', 'escalate', 'resolve', 'comment', 'agency_update'],
  district: ['ack', 'comment'],
  agency: ['agency_update', 'comment'],
};

/** Roles that may report progress for any agency assigned to an alert, not only their own. */
const ANY_AGENCY: ReadonlySet<ActorRole> = new Set(['duty_officer', 'admin']);

type AlertFacts = Pick<Alert, 'district' | 'level' | 'agencies' | 'status' | 'agencyProgress'>;

export function isClosedAlert(alert: Pick<Alert, 'status'>): boolean {
  return alert.status === 'resolved' || alert.status === 'expired';
}

/**
 * True when the session may act on the alert at all. A district sees every red alert in the city (市区联动)
 * but acts only on its own district's; an agency acts on the alerts routed to it.
 */
export function actsOn(session: Pick<SessionInfo, 'scope'>, alert: AlertFacts): boolean {
  const { scope } = session;
  if (scope.kind === 'district') return alert.district === scope.adcode;
  return alertVisibleIn(scope, alert);
}

/** The agencies whose progress the session may report on this alert (for `agency_update`). */
export function progressAgencies(
  session: Pick<SessionInfo, 'role' | 'scope'>,
  alert: AlertFacts,
): AgencyId[] {
  if (!ROLE_ACTIONS[session.role].includes('agency_update')) return [];
  if (ANY_AGENCY.has(session.role)) return [...alert.agencies];
  const { scope } = session;
  return scope.kind === 'agency' && alert.agencies.includes(scope.agency) ? [scope.agency] : [];
}

/** The level `escalate` goes to by default: one above; undefined at red. */
export function nextLevel(level: AlertLevel): AlertLevel | undefined {
  return ALERT_LEVELS[levelRank(level) + 1];
}

/** Whether the alert's current state admits the action at all (as streams/ would apply it). */
function applicable(type: AlertActionType, session: Pick<SessionInfo, 'role' | 'scope'>, alert: AlertFacts) {
  switch (type) {
    case 'ack':
      return alert.status === 'active';
    case 'escalate':
      return nextLevel(alert.level) !== undefined;
    case 'agency_update':
      return progressAgencies(session, alert).length > 0;
    case 'assign':
    case 'resolve':
    case 'comment':
      return true;
  }
}

/**
 * The actions the session may take on the alert now: its role's actions, if the alert is in its scope and
 * still open, that the alert's state admits (ack only an active alert, escalate below red, agency_update
 * only with an assigned agency it may speak for). In ROLE_ACTIONS order.
 */
export function allowedActions(
  session: Pick<SessionInfo, 'role' | 'scope'>,
  alert: AlertFacts,
): AlertActionType[] {
  if (isClosedAlert(alert) || !actsOn(session, alert)) return [];
  return ROLE_ACTIONS[session.role].filter((type) => applicable(type, session, alert));
}

export type ActionCheck = { ok: true } | { ok: false; reason: ActionRefusal; detail: string };

const refuse = (reason: ActionRefusal, detail: string): ActionCheck => ({ ok: false, reason, detail });

/**
 * The whole check of one request against the alert as the checker holds it (the gateway: its city picture;
 * the console: its store), in the order a user should hear about it: closed, stale, not permitted, malformed.
 * `undefined` alert: unknown (or already closed and forgotten).
 */
export function checkAction(
  session: Pick<SessionInfo, 'role' | 'scope'>,
  alert: (AlertFacts & Pick<Alert, 'version'>) | undefined,
  request: ActionRequest,
): ActionCheck {
  if (alert === undefined) return refuse('unknown_alert', `no active alert ${request.alertId}`);
  if (isClosedAlert(alert)) return refuse('closed', `alert is ${alert.status}`);
  if (request.version !== alert.version) {
    return refuse(
      'stale_version',
      `request is for version ${request.version}; the alert is at ${alert.version}`,
    );
  }
  if (!ROLE_ACTIONS[session.role].includes(request.type) || !actsOn(session, alert)) {
    return refuse('forbidden', `${session.role} may not ${request.type} this alert`);
  }
  switch (request.type) {
    case 'ack':
      return alert.status === 'active' ? { ok: true } : refuse('invalid', `alert is already ${alert.status}`);
    case 'assign':
      return request.agencies !== undefined && request.agencies.length > 0
        ? { ok: true }
        : refuse('invalid', 'assign needs at least one agency');
    case 'escalate': {
      const target = request.level ?? nextLevel(alert.level);
      return target !== undefined && levelRank(target) > levelRank(alert.level)
        ? { ok: true }
        : refuse('invalid', `cannot escalate a ${alert.level} alert to ${target ?? 'beyond red'}`);
    }
    case 'resolve':
      return request.note !== undefined && request.note.trim() !== ''
        ? { ok: true }
        : refuse('invalid', 'resolve needs a note');
    case 'comment':
      return request.note !== undefined && request.note.trim() !== ''
        ? { ok: true }
        : refuse('invalid', 'a comment needs text');
    case 'agency_update':
      if (request.agency === undefined || request.progress === undefined) {
        return refuse('invalid', 'agency_update needs agency and progress');
      }
      if (!alert.agencies.includes(request.agency)) {
        return refuse('invalid', `agency ${request.agency} is not assigned to this alert`);
      }
      return progressAgencies(session, alert).includes(request.agency)
        ? { ok: true }
        : refuse('forbidden', `${session.role} may not report for ${request.agency}`);
  }
}
