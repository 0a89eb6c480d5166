// How the console's store talks to the gateway, behind an interface so the store's action flow is tested
// with a fake: send an action and get the server's reply, or ask for a fresh snapshot.
import type { Socket } from 'socket.io-client';
import type {
  ActionReply,
  ActionRequest,
  ClientToServerEvents,
  ServerToClientEvents,
  WallSnapshot,
} from '../realtime/events.js';
import { requestSnapshot } from '../realtime/request-snapshot.js';

export type TransportFailure = 'timeout' | 'offline';

/** No reply came (the socket is down, or the server did not answer in time): nothing is known to be sent. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(readonly reason: TransportFailure) {
    super(reason === 'offline' ? 'not connected' : 'no reply from the server');
  }
}

export interface DutyTransport {
  send(request: ActionRequest): Promise<ActionReply>;
  resync(): Promise<WallSnapshot>;
}

export type DutySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const REPLY_TIMEOUT_MS = 10_000;

export function socketTransport(socket: DutySocket, timeoutMs = REPLY_TIMEOUT_MS): DutyTransport {
  // socket.io-client buffers emits while disconnected and sends them on reconnect: an action the officer
  // gave up on must not arrive minutes later, so nothing is emitted unless connected now.
  const offline = () => Promise.reject(new TransportError('offline'));
  return {
    send(request) {
      if (!socket.connected) return offline();
      return new Promise<ActionReply>((resolve, reject) => {
        socket.timeout(timeoutMs).emit('action', request, (error: Error | null, reply: ActionReply) => {
          if (error) reject(new TransportError('timeout'));
          else resolve(reply);
        });
      });
    },
    async resync() {
      if (!socket.connected) return offline();
      const snapshot = await requestSnapshot(socket, timeoutMs);
      if (snapshot === null) throw new TransportError('timeout');
      return snapshot;
    },
  };
}

/**
 * The reason the gateway gave for refusing the handshake (`expired`, `revoked`, `scope`…), carried in the
 * error's `data` rather than its message text; undefined for network failures.
 */
export function handshakeRefusal(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const { data } = error;
  if (typeof data !== 'object' || data === null || !('reason' in data)) return undefined;
  return typeof data.reason === 'string' ? data.reason : undefined;
}
