// The Socket.IO contract between web's gateway and its pages (STYLE §7). It lives in web, not schemas:
// only web's server and web's browser code speak it, while the Kafka contracts they carry (Alert,
// LiveAggregate) stay in @citybrain/schemas.
import type {
  ActorRole,
  AgencyId,
  AgencyProgressState,
  Alert,
  AlertActionType,
  AlertEvent,
  AlertLevel,
  LiveAggregate,
} from '@citybrain/schemas/events';
import type { WireLiveAggregate, WireSnapshot } from './live-wire.js';

/**
 * What one connection may see: the whole city; one district (its alerts plus city-wide red alerts); or one
 * agency (the alerts routed to it, DESIGN §7).
 */
export type WallScope =
  { kind: 'city' } | { kind: 'district'; adcode: string } | { kind: 'agency'; agency: AgencyId };

/**
 * Who is connected, as proven by a session or display token (never by what the client claims). `scope` is
 * what this connection shows: the viewer's permitted scope or a narrower one the page asked for.
 */
export interface Viewer {
  /** User or display id from the token (an account name, never a person's name or phone). */
  userId: string;
  role: ActorRole;
  scope: WallScope;
  /** Epoch ms when the token expires: the server disconnects the socket then. */
  expiresAt: number;
}

/** The part of the Viewer a page may know about itself (to enable the actions its role allows). */
export interface SessionInfo {
  userId: string;
  role: ActorRole;
  scope: WallScope;
  expiresAt: string;
}

/** The current picture for one scope, sent on connect (and on request) before any delta. */
export interface WallSnapshot {
  scope: WallScope;
  /** Who the server believes this connection is. */
  viewer: SessionInfo;
  /** Active alerts visible in the scope, highest version of each. */
  alerts: Alert[];
  /** Latest live aggregate per district in the scope, plus the city summary. */
  live: LiveAggregate[];
  /** Server wall clock (ISO) when the snapshot was taken: lets the page judge its own clock skew. */
  serverTime: string;
  /** Live data older than this is shown as stale. */
  staleAfterMs: number;
}

/** Live aggregates travel with their heat packed (live-wire.ts); pages decode them with fromWire. */
export interface ServerToClientEvents {
  snapshot: (snapshot: WireSnapshot) => void;
  /** An alert changed: the full state after the change (a `cleared` event or closed status removes it). */
  alert: (event: AlertEvent) => void;
  /** An alert left this connection's scope without being cleared (e.g. a red alert downgraded elsewhere). */
  alertRemoved: (alertId: string) => void;
  /**
   * One live tick: the newest aggregate of every district in the scope that changed since the last tick,
   * plus the city summary. One message per tick rather than one per district: a wall gets one frame to
   * decode and re-renders once, and the server writes to each socket once.
   */
  live: (aggregates: WireLiveAggregate[]) => void;
}

/**
 * An action a signed-in user asks for from the duty console or an agency view. The server fills in the
 * actor, role, id and time from the session (never from the client), checks role and scope, and produces
 * an AlertAction on city.alert-actions.v1. `version` is the alert version the user saw.
 */
export interface ActionRequest {
  alertId: string;
  version: number;
  type: AlertActionType;
  note?: string;
  /** For `assign`. */
  agencies?: AgencyId[];
  /** For `agency_update`: must be the caller's own agency unless the caller is a duty officer or admin. */
  agency?: AgencyId;
  progress?: AgencyProgressState;
  /** For `escalate`: the target level (default: one above). */
  level?: AlertLevel;
}

export type ActionRefusal =
  | 'invalid'
  | 'forbidden'
  | 'rate_limited'
  | 'unknown_alert'
  | 'stale_version'
  | 'closed'
  /** Kafka did not take the action (the server retried briefly): try again. */
  | 'unavailable';

/**
 * The server's answer to an ActionRequest: accepted means published to Kafka, and the new state arrives as
 * an `alert` event; a refusal names its reason (a stale version means: look again at the current alert).
 */
export type ActionReply =
  { ok: true; actionId: string } | { ok: false; reason: ActionRefusal; detail: string };

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, e.g. after returning from history replay to live. */
  resync: (ack: (snapshot: WireSnapshot) => void) => void;
  /** Duty console and agency views: act on an alert. */
  action: (request: ActionRequest, ack: (reply: ActionReply) => void) => void;
}

/** What the page sends in the Socket.IO handshake `auth` field. */
export interface HandshakeAuth {
  /**
   * The scope the page wants: 'city', a district adcode, or 'agency:<id>'. Omitted: the viewer's own
   * permitted scope. A scope outside what the token permits is refused.
   */
  scope?: string;
  /**
   * A session or display token. Browsers leave it out: the httpOnly session cookie travels with the
   * handshake. Server-to-server subscribers (district centers' systems) pass their token here.
   */
  token?: string;
  /** What the connection receives. Omitted: 'all'. Any other value is refused. */
  feed?: Feed;
}

/**
 * 'all': alert events and live ticks (walls, district centers' systems). 'alerts': alert events only, and
 * snapshots without live aggregates: the duty console draws no map, and a city tick is ~5 KB every 2 s.
 */
export type Feed = 'all' | 'alerts';
/** Every alerts-only connection is also in this room, which live ticks leave out. */
export const ALERTS_ONLY_ROOM = 'feed:alerts';

export interface SocketData {
  viewer: Viewer;
  feed: Feed;
}

export const CITY_ROOM = 'city';
export const DISTRICT_ROOM_PREFIX = 'district:';
export const AGENCY_ROOM_PREFIX = 'agency:';
export function districtRoom(adcode: string): string {
  return `${DISTRICT_ROOM_PREFIX}${adcode}`;
}
export function agencyRoom(agency: AgencyId): string {
  return `${AGENCY_ROOM_PREFIX}${agency}`;
}
