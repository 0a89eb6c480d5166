// One alert action from a signed-in user, end to end on the server: rate limit, shape, scope, role, the
// version the user saw, then city.alert-actions.v1 (DESIGN §4). Actor, role, id and time come from the
// session and the server, never from the client. Streams owns the alert and applies the action; its new
// state comes back on city.alerts.v1 like any other change. The version check here answers a stale console
// at once; streams checks again, so two consoles racing through two web instances still cannot both win.
import { randomUUID } from 'node:crypto';
import { alertAction, type AlertAction } from '@citybrain/schemas/events';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { ActionRefusal, ActionReply, Viewer } from '../../realtime/events.js';
import { checkAction } from '../../realtime/permissions.js';
import { alertVisibleIn } from '../../realtime/picture.js';
import type { CityPicture } from '../city-picture.js';
import type { WebMetrics } from '../metrics.js';
import { viewerSession } from '../auth/session-info.js';
import { parseActionRequest } from './action-request.js';

export interface ActionPublisher {
  /** Resolves once Kafka acknowledged the action (acks = all). */
  publish(action: AlertAction): Promise<void>;
}

export interface ActionLimits {
  /** Sustained actions per user per second… */
  perSecond: number;
  /** …and the burst allowed on top (a duty officer clearing a queue with the keyboard). */
  burst: number;
}

export interface ActionHandlerDeps {
  picture: CityPicture;
  publisher: ActionPublisher;
  metrics: WebMetrics;
  logger: Logger;
  now: () => number;
  limits: ActionLimits;
}

export type ActionHandler = (viewer: Viewer, raw: unknown) => Promise<ActionReply>;

export function createActionHandler(deps: ActionHandlerDeps): ActionHandler {
  const { picture, publisher, metrics, logger } = deps;
  const limiter = new RateLimiterMemory({
    points: deps.limits.burst,
    duration: Math.max(1, Math.ceil(deps.limits.burst / deps.limits.perSecond)),
  });

  const refuse = (type: string, reason: ActionRefusal, detail: string, viewer: Viewer): ActionReply => {
    metrics.actions.inc({ type, outcome: reason });
    logger.info({ user: viewer.userId, role: viewer.role, type, reason, detail }, 'action refused');
    return { ok: false, reason, detail };
  };

  return async (viewer, raw) => {
    try {
      await limiter.consume(viewer.userId);
    } catch {
      return refuse('unknown', 'rate_limited', 'too many actions: wait a moment', viewer);
    }
    const parsed = parseActionRequest(raw);
    if (!parsed.ok) return refuse('unknown', 'invalid', parsed.detail, viewer);
    const request = parsed.request;
    const { type } = request;

    const alert = picture.alert(request.alertId);
    // An alert outside the viewer's scope is answered like one that does not exist: no probing for ids.
    if (alert === undefined || !alertVisibleIn(viewer.scope, alert)) {
      if (alert === undefined && picture.wasClosed(request.alertId))
        return refuse(type, 'closed', 'the alert is already closed', viewer);
      return refuse(type, 'unknown_alert', `no active alert ${request.alertId} in your scope`, viewer);
    }
    // An agency account reports its own part: the agency defaults to (and must be) its own.
    const agency =
      type === 'agency_update' && viewer.scope.kind === 'agency'
        ? (request.agency ?? viewer.scope.agency)
        : request.agency;
    const check = checkAction(viewerSession(viewer), alert, {
      ...request,
      ...(agency !== undefined ? { agency } : {}),
    });
    if (!check.ok) return refuse(type, check.reason, check.detail, viewer);

    const candidate = alertAction.safeParse({
      id: randomUUID(),
      alertId: alert.alertId,
      version: request.version,
      type,
      actor: viewer.userId,
      role: viewer.role,
      ts: new Date(deps.now()).toISOString(),
      ...(request.note !== undefined ? { note: request.note } : {}),
      ...(request.agencies !== undefined ? { agencies: request.agencies } : {}),
      ...(agency !== undefined ? { agency } : {}),
      ...(request.progress !== undefined ? { progress: request.progress } : {}),
      ...(request.level !== undefined ? { level: request.level } : {}),
    });
    if (!candidate.success) {
      return refuse(type, 'invalid', candidate.error.issues.map((i) => i.message).join('; '), viewer);
    }
    try {
      await publisher.publish(candidate.data);
    } catch (error) {
      logger.error({ err: error, alertId: alert.alertId, type }, 'could not publish an alert action');
      return refuse(type, 'unavailable', 'the action could not be recorded: try again', viewer);
    }
    metrics.actions.inc({ type, outcome: 'accepted' });
    logger.info(
      { alertId: alert.alertId, version: request.version, type, user: viewer.userId, role: viewer.role },
      'alert action published',
    );
    return { ok: true, actionId: candidate.data.id };
  };
}
