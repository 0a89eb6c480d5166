// One action in flight per alert, from the click to the alert's new version. Pure transitions, so the
// store's flow is tested without sockets.
//
// Streams owns the alert and applies an action only at the version it names, bumping the version by one. So
// the first newer version the console sees decides: it carries the action (done), or someone else changed
// the alert first and this action will be refused (superseded: the officer must look again). The gateway's
// reply and that version can arrive in either order.
import { levelRank, type Alert } from '@citybrain/schemas/events';
import type { ActionRefusal, ActionReply, ActionRequest } from '../../realtime/events.js';
import { nextLevel } from '../../realtime/permissions.js';
import type { TransportFailure } from '../transport.js';

export type PendingState = 'sending' | 'accepted' | 'done' | 'refused' | 'superseded' | 'failed';

export interface PendingAction {
  request: ActionRequest;
  state: PendingState;
  /** Why it was refused or failed. */
  reason?: ActionRefusal | TransportFailure;
  detail?: string;
  /**
   * While the reply was outstanding, a newer version arrived that carried it (seen), or one that did not or
   * the alert closed (overtaken, and why).
   */
  seen?: boolean;
  overtaken?: 'stale_version' | 'closed';
}

export function isInFlight(pending: PendingAction | undefined): boolean {
  return pending !== undefined && (pending.state === 'sending' || pending.state === 'accepted');
}

/** Whether the alert's state shows the requested action applied. A comment changes nothing but the version. */
export function actionReflected(request: ActionRequest, alert: Alert): boolean {
  switch (request.type) {
    case 'ack':
      return alert.status !== 'active';
    case 'assign':
      return alert.status === 'assigned' && (request.agencies ?? []).every((a) => alert.agencies.includes(a));
    case 'escalate': {
      // `level` is the alert's level when the request was made only if the caller left it out; the console
      // always names it.
      const target = request.level ?? nextLevel(alert.level);
      return target !== undefined && levelRank(alert.level) >= levelRank(target);
    }
    case 'resolve':
      return alert.status === 'resolved';
    case 'comment':
      return true;
    case 'agency_update':
      return (
        request.agency !== undefined && alert.agencyProgress?.[request.agency]?.state === request.progress
      );
  }
}

export function started(request: ActionRequest): PendingAction {
  return { request, state: 'sending' };
}

/** The gateway answered. */
export function withReply(pending: PendingAction, reply: ActionReply): PendingAction {
  if (pending.state !== 'sending') return pending;
  if (!reply.ok)
    return { request: pending.request, state: 'refused', reason: reply.reason, detail: reply.detail };
  if (pending.seen) return { request: pending.request, state: 'done' };
  if (pending.overtaken) return { request: pending.request, state: 'superseded', reason: pending.overtaken };
  return { request: pending.request, state: 'accepted' };
}

export function withFailure(pending: PendingAction, reason: TransportFailure): PendingAction {
  if (pending.state !== 'sending') return pending;
  return { request: pending.request, state: 'failed', reason };
}

/** A version of the alert arrived (delta or snapshot). Returns the same object when it changes nothing. */
export function withAlert(pending: PendingAction, alert: Alert): PendingAction {
  const { request } = pending;
  if (alert.alertId !== request.alertId || alert.version <= request.version) return pending;
  if (pending.seen || pending.overtaken) return pending; // the first newer version already decided
  const reflected = actionReflected(request, alert);
  if (pending.state === 'accepted') {
    return reflected ? { request, state: 'done' } : { request, state: 'superseded', reason: 'stale_version' };
  }
  if (pending.state === 'sending') {
    return reflected ? { ...pending, seen: true } : { ...pending, overtaken: 'stale_version' };
  }
  return pending;
}

/**
 * A fresh snapshot no longer holds the alert: it closed. That is this action's doing only for a resolve.
 */
export function withAlertGone(pending: PendingAction): PendingAction {
  if (pending.seen || pending.overtaken) return pending;
  const mine = pending.request.type === 'resolve';
  if (pending.state === 'accepted') {
    return mine
      ? { request: pending.request, state: 'done' }
      : { request: pending.request, state: 'superseded', reason: 'closed' };
  }
  if (pending.state === 'sending')
    return mine ? { ...pending, seen: true } : { ...pending, overtaken: 'closed' };
  return pending;
}
