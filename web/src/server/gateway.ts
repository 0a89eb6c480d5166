// Socket.IO gateway: every handshake is authenticated (session cookie or a token in `auth.token`) and
// scoped on the server; a snapshot of the viewer's scope on connect, then deltas to rooms `city`,
// `district:<adcode>` and `agency:<id>`. Connection-state recovery replays what a briefly dropped socket
// missed, so it gets no second snapshot; a socket that could not be recovered gets a fresh one. Client
// events are few, bounded and checked: `resync` and `action`; anything else is refused and counted.
import type { Server as HttpServer } from 'node:http';
import { LIVE_CITY_KEY, type AlertEvent, type LiveAggregate } from '@citybrain/schemas/events';
import type { Logger } from 'pino';
import { Server, type ExtendedError } from 'socket.io';
import {
  AGENCY_ROOM_PREFIX,
  ALERTS_ONLY_ROOM,
  agencyRoom,
  CITY_ROOM,
  DISTRICT_ROOM_PREFIX,
  districtRoom,
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
  type SocketData,
  type WallScope,
} from '../realtime/events.js';
import { LiveDeltaEncoder, toWireSnapshot, type WireSnapshot } from '../realtime/live-wire.js';
import type { ActionHandler } from './actions/action-handler.js';
import { tokenFromHeaders, type Authenticator } from './auth/authenticator.js';
import { AuthError, ScopeError } from './auth/principal.js';
import { resolveScope } from './auth/scope.js';
import type { CityPicture } from './city-picture.js';
import type { WebMetrics } from './metrics.js';

export type WallServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface Gateway {
  readonly io: WallServer;
  publishAlert(event: AlertEvent): void;
  publishLive(aggregate: LiveAggregate): void;
  close(): Promise<void>;
}

export interface GatewayDeps {
  picture: CityPicture;
  logger: Logger;
  metrics: WebMetrics;
  districts: ReadonlySet<string>;
  authenticator: Authenticator;
  handleAction: ActionHandler;
  now: () => number;
}

/** Client events this gateway answers; any other name is refused. */
const CLIENT_EVENTS: ReadonlySet<string> = new Set(['resync', 'action']);
/** Socket.IO drops a connection whose single message exceeds this (engine.io maxHttpBufferSize). */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;
/** Timers beyond 2^31-1 ms fire at once in Node: long display tokens are re-checked at this interval. */
const MAX_TIMER_MS = 2_147_483_647;

/** The room a connection of this scope joins. */
export function roomOf(scope: WallScope): string {
  switch (scope.kind) {
    case 'city':
      return CITY_ROOM;
    case 'district':
      return districtRoom(scope.adcode);
    case 'agency':
      return agencyRoom(scope.agency);
  }
}

function refusal(message: string, reason: string): ExtendedError {
  const error: ExtendedError = new Error(message);
  error.data = { reason };
  return error;
}

export function attachGateway(http: HttpServer, deps: GatewayDeps, options: { recoveryMs: number }): Gateway {
  const { picture, logger, metrics, districts, authenticator } = deps;
  const io: WallServer = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Middlewares run again on recovery (skipMiddlewares false) so a revoked token cannot ride a recovery.
    connectionStateRecovery: { maxDisconnectionDuration: options.recoveryMs, skipMiddlewares: false },
  });

  io.use((socket, next) => {
    const auth = (typeof socket.handshake.auth === 'object' ? socket.handshake.auth : {}) as HandshakeAuth;
    const feed: unknown = auth.feed ?? 'all';
    if (feed !== 'all' && feed !== 'alerts') {
      metrics.socketRefused.inc({ reason: 'malformed' });
      next(refusal('unknown feed: "all" or "alerts"', 'malformed'));
      return;
    }
    socket.data.feed = feed;
    const token = typeof auth.token === 'string' ? auth.token : tokenFromHeaders(socket.handshake.headers);
    authenticator
      .authenticate(token)
      .then((principal) => {
        const requested = typeof auth.scope === 'string' ? auth.scope : undefined;
        const scope = resolveScope(principal, requested, districts);
        socket.data.viewer = {
          userId: principal.userId,
          role: principal.role,
          scope,
          expiresAt: principal.expiresAt,
        };
        next();
      })
      .catch((error: unknown) => {
        const reason =
          error instanceof AuthError ? error.reason : error instanceof ScopeError ? 'scope' : 'error';
        metrics.socketRefused.inc({ reason });
        logger.info({ reason, socket: socket.id }, 'socket handshake refused');
        next(
          error instanceof AuthError || error instanceof ScopeError
            ? refusal(error.message, reason)
            : refusal('handshake failed', reason),
        );
      });
  });

  io.on('connection', (socket) => {
    metrics.sockets.inc();
    const { viewer } = socket.data;
    // The token's expiry ends the connection; the client's reconnect then needs a fresh sign-in.
    const expiry = setTimeout(
      () => {
        metrics.socketRefused.inc({ reason: 'expired' });
        socket.disconnect(true);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, viewer.expiresAt - deps.now())),
    );
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      metrics.sockets.dec();
    });
    logger.debug(
      {
        socket: socket.id,
        user: viewer.userId,
        role: viewer.role,
        scope: viewer.scope,
        recovered: socket.recovered,
      },
      'socket connected',
    );

    // Every client event passes here first: unknown names are refused and counted.
    socket.use(([event], next) => {
      if (CLIENT_EVENTS.has(event)) {
        next();
        return;
      }
      metrics.socketRefused.inc({ reason: 'unknown_event' });
      next(refusal(`unknown event "${event.slice(0, 64)}"`, 'unknown_event'));
    });
    // A refused event reaches the socket's error listener; without one Socket.IO would throw.
    socket.on('error', () => undefined);

    // The viewer's picture. Pending ticks go out first, so the snapshot's ticks are the last ones sent
    // (on a resync the socket is in its room and gets the tick too, then a snapshot that holds it).
    const snapshot = (): WireSnapshot => {
      sendPendingLive();
      metrics.emits.inc({ event: 'snapshot' });
      const whole = picture.snapshot(viewer);
      return toWireSnapshot(socket.data.feed === 'alerts' ? { ...whole, live: [] } : whole);
    };
    socket.on('resync', (ack: unknown) => {
      if (typeof ack !== 'function') {
        metrics.socketRefused.inc({ reason: 'malformed' });
        return;
      }
      (ack as (snapshot: WireSnapshot) => void)(snapshot());
    });
    socket.on('action', (request: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        metrics.socketRefused.inc({ reason: 'malformed' });
        return;
      }
      const reply = ack as Parameters<ClientToServerEvents['action']>[1];
      deps
        .handleAction(viewer, request)
        .then(reply)
        .catch((error: unknown) => {
          logger.error({ err: error, user: viewer.userId }, 'action handler failed');
          reply({ ok: false, reason: 'unavailable', detail: 'internal error: try again' });
        });
    });

    // A recovered socket is back in its rooms and has been sent what it missed.
    if (socket.recovered) return;
    // Before joining: the pending tick goes to the sockets already there, and this one gets it in its
    // snapshot (sent to it as well, it would be a delta against a tick it never held).
    sendPendingLive();
    void socket.join(
      socket.data.feed === 'alerts' ? [roomOf(viewer.scope), ALERTS_ONLY_ROOM] : roomOf(viewer.scope),
    );
    socket.emit('snapshot', snapshot());
  });

  // The district and agency rooms that have members, kept as the adapter creates and deletes rooms: the
  // adapter's own room list also holds one room per socket, 1,000 entries to scan per tick otherwise.
  const heldRooms = { district: new Set<string>(), agency: new Set<string>() };
  const heldSetOf = (room: string) =>
    room.startsWith(DISTRICT_ROOM_PREFIX)
      ? heldRooms.district
      : room.startsWith(AGENCY_ROOM_PREFIX)
        ? heldRooms.agency
        : null;
  io.of('/').adapter.on('create-room', (room: string) => heldSetOf(room)?.add(room));
  io.of('/').adapter.on('delete-room', (room: string) => heldSetOf(room)?.delete(room));
  /** Rooms of every district wall currently connected; red alerts reach all of them. */
  const districtRooms = (): string[] => [...heldRooms.district];

  // A live tick reaches the feed as one Kafka message per district. They are gathered until the I/O
  // callbacks that delivered them have run (setImmediate) and go out as one message per socket: ten
  // districts used to mean ten frames per wall per tick, and the 1,000-wall fan-out spent its time there.
  let pendingLive = new Map<string, LiveAggregate>();
  const liveEncoder = new LiveDeltaEncoder();
  let liveFlush: NodeJS.Immediate | null = null;
  const flushLive = (): void => {
    liveFlush = null;
    const broadcast = metrics.broadcastSeconds.startTimer({ event: 'live' });
    // Encoded once per tick, whatever the number of sockets: a district's first tick whole, later ones as
    // the cells that changed (live-wire.ts).
    const tick = new Map(
      [...pendingLive].map(([district, aggregate]) => [district, liveEncoder.encode(aggregate)]),
    );
    pendingLive = new Map();
    metrics.emits.inc({ event: 'live' });
    // Agency rooms see the whole city's live picture (counts, not personal data); districts their own.
    io.to([CITY_ROOM, ...heldRooms.agency])
      .except(ALERTS_ONLY_ROOM)
      .emit('live', [...tick.values()]);
    const city = tick.get(LIVE_CITY_KEY);
    for (const room of districtRooms()) {
      const own = tick.get(room.slice(DISTRICT_ROOM_PREFIX.length));
      const forDistrict = [own, city].filter((aggregate) => aggregate !== undefined);
      if (forDistrict.length > 0) io.to(room).except(ALERTS_ONLY_ROOM).emit('live', forDistrict);
    }
    broadcast();
  };
  /**
   * Sends a tick that is still being gathered before a snapshot is taken. A snapshot holds the picture,
   * which already has that tick, while the deltas that follow are encoded against the last tick sent: if a
   * newer tick of the district came before the flush, the page would hold neither the base nor the tick
   * and have to ask for a second snapshot. Sending first makes the snapshot's tick the last one sent.
   */
  const sendPendingLive = (): void => {
    if (liveFlush === null) return;
    clearImmediate(liveFlush);
    flushLive();
  };

  return {
    io,
    publishAlert(event) {
      const result = picture.applyAlert(event);
      if (!result.applied) return;
      metrics.activeAlerts.set(picture.activeAlerts);
      const own = districtRoom(event.alert.district);
      const redNow = event.alert.level === 'red';
      const redBefore = result.previous?.level === 'red';
      // Agencies only ever get added to an alert, but a closing event goes to every agency that held it.
      const agencies = new Set([...(result.previous?.agencies ?? []), ...event.alert.agencies]);
      const agencyRooms = [...agencies].map(agencyRoom);
      metrics.emits.inc({ event: 'alert' });
      const broadcast = metrics.broadcastSeconds.startTimer({ event: 'alert' });
      // One emit to a room list: a socket in several of the rooms still receives the event once.
      io.to([
        ...(redNow || (redBefore && result.removed) ? [CITY_ROOM, ...districtRooms()] : [CITY_ROOM, own]),
        ...agencyRooms,
      ]).emit('alert', event);
      if (redBefore && !redNow && !result.removed) {
        // Downgraded from red: other districts' walls only showed it because it was red.
        const others = districtRooms().filter((room) => room !== own);
        if (others.length > 0) io.to(others).emit('alertRemoved', event.alert.alertId);
      }
      broadcast();
    },
    publishLive(aggregate) {
      if (!picture.applyLive(aggregate)) return;
      pendingLive.set(aggregate.district, aggregate);
      liveFlush ??= setImmediate(flushLive);
    },
    // Closes the sockets and then the http server the gateway is attached to.
    close: () =>
      new Promise<void>((resolve) => {
        if (liveFlush !== null) clearImmediate(liveFlush);
        void io.close(() => resolve());
      }),
  };
}
