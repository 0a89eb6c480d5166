// Socket.IO gateway: a snapshot of the viewer's scope on connect, then deltas to rooms `city` and
// `district:<adcode>`. Connection-state recovery replays what a briefly dropped socket missed, so it gets
// no second snapshot; a socket that could not be recovered gets a fresh one.
import type { Server as HttpServer } from 'node:http';
import type { AlertEvent, LiveAggregate } from '@citybrain/schemas/events';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import {
  agencyRoom,
  CITY_ROOM,
  districtRoom,
  type WallScope,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../realtime/events.js';
import type { CityPicture } from './city-picture.js';
import type { WebMetrics } from './metrics.js';
import { identifyViewer, ViewerRejectedError } from './viewer.js';

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
}

/** The room a connection of this scope joins. */
function roomOf(scope: WallScope): string {
  switch (scope.kind) {
    case 'city':
      return CITY_ROOM;
    case 'district':
      return districtRoom(scope.adcode);
    case 'agency':
      return agencyRoom(scope.agency);
  }
}

export function attachGateway(http: HttpServer, deps: GatewayDeps, options: { recoveryMs: number }): Gateway {
  const { picture, logger, metrics, districts } = deps;
  const io: WallServer = new Server(http, {
    serveClient: false,
    // Middlewares run again on recovery (skipMiddlewares false) so a revoked token cannot ride a recovery.
    connectionStateRecovery: { maxDisconnectionDuration: options.recoveryMs, skipMiddlewares: false },
  });

  io.use((socket, next) => {
    try {
      socket.data.viewer = identifyViewer(socket.handshake.auth, districts);
      next();
    } catch (error) {
      if (error instanceof ViewerRejectedError) next(error);
      else next(new Error('handshake failed'));
    }
  });

  io.on('connection', (socket) => {
    metrics.sockets.inc();
    socket.on('disconnect', () => metrics.sockets.dec());
    const { scope } = socket.data.viewer;
    logger.debug({ socket: socket.id, scope, recovered: socket.recovered }, 'wall connected');
    socket.on('resync', (ack) => {
      metrics.emits.inc({ event: 'snapshot' });
      ack(picture.snapshot(socket.data.viewer));
    });
    // A recovered socket is back in its rooms and has been sent what it missed.
    if (socket.recovered) return;
    void socket.join(roomOf(scope));
    metrics.emits.inc({ event: 'snapshot' });
    socket.emit('snapshot', picture.snapshot(socket.data.viewer));
  });

  /** Rooms of every district wall currently connected; red alerts reach all of them. */
  const districtRooms = (): string[] =>
    [...io.of('/').adapter.rooms.keys()].filter((room) => room.startsWith('district:'));

  return {
    io,
    publishAlert(event) {
      const result = picture.applyAlert(event);
      if (!result.applied) return;
      metrics.activeAlerts.set(picture.activeAlerts);
      const own = districtRoom(event.alert.district);
      const redNow = event.alert.level === 'red';
      const redBefore = result.previous?.level === 'red';
      metrics.emits.inc({ event: 'alert' });
      // One emit to a room list: a socket in several of the rooms still receives the event once.
      io.to(
        redNow || (redBefore && result.removed) ? [CITY_ROOM, ...districtRooms()] : [CITY_ROOM, own],
      ).emit('alert', event);
      if (redBefore && !redNow && !result.removed) {
        // Downgraded from red: other districts' walls only showed it because it was red.
        const others = districtRooms().filter((room) => room !== own);
        if (others.length > 0) io.to(others).emit('alertRemoved', event.alert.alertId);
      }
    },
    publishLive(aggregate) {
      if (!picture.applyLive(aggregate)) return;
      metrics.emits.inc({ event: 'live' });
      if (aggregate.district === 'city') io.emit('live', aggregate);
      else io.to([CITY_ROOM, districtRoom(aggregate.district)]).emit('live', aggregate);
    },
    // Closes the sockets and then the http server the gateway is attached to.
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
