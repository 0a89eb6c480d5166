// The Socket.IO contract between web's gateway and its pages (STYLE §7). It lives in web, not schemas:
// only web's server and web's browser code speak it, while the Kafka contracts they carry (Alert,
// LiveAggregate) stay in @citybrain/schemas.
import type { AlertEvent, LiveAggregate, Alert } from '@citybrain/schemas/events';

/** What one connection may see: the whole city, or one district (plus city-wide red alerts). */
export type WallScope = { kind: 'city' } | { kind: 'district'; adcode: string };

/** Who is connected; the next issue's authentication fills `role` from a token instead of a default. */
export interface Viewer {
  role: 'wall';
  scope: WallScope;
}

/** The current picture for one scope, sent on connect (and on request) before any delta. */
export interface WallSnapshot {
  scope: WallScope;
  /** Active alerts visible in the scope, highest version of each. */
  alerts: Alert[];
  /** Latest live aggregate per district in the scope, plus the city summary. */
  live: LiveAggregate[];
  /** Server wall clock (ISO) when the snapshot was taken: lets the page judge its own clock skew. */
  serverTime: string;
  /** Live data older than this is shown as stale. */
  staleAfterMs: number;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: WallSnapshot) => void;
  /** An alert changed: the full state after the change (a `cleared` event or closed status removes it). */
  alert: (event: AlertEvent) => void;
  /** An alert left this connection's scope without being cleared (e.g. a red alert downgraded elsewhere). */
  alertRemoved: (alertId: string) => void;
  live: (aggregate: LiveAggregate) => void;
}

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, e.g. after returning from history replay to live. */
  resync: (ack: (snapshot: WallSnapshot) => void) => void;
}

/** What the page sends in the Socket.IO handshake `auth` field. */
export interface HandshakeAuth {
  /** 'city' or a district adcode. */
  scope?: string;
  /** Reserved for the authentication issue (display tokens); ignored until then. */
  token?: string;
}

export interface SocketData {
  viewer: Viewer;
}

export const CITY_ROOM = 'city';
export function districtRoom(adcode: string): string {
  return `district:${adcode}`;
}
