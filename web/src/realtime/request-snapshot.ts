// The one way a page asks the gateway for a fresh snapshot of its scope (the wall after a delta it could
// not apply, the duty console after a stale-version refusal).
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, WallSnapshot } from './events.js';
import { fromWireSnapshot, type WireSnapshot } from './live-wire.js';

/**
 * The snapshot, decoded; null when no answer came within `timeoutMs` (the socket dropped meanwhile, or the
 * server is overloaded), so the caller may ask again.
 */
export function requestSnapshot(
  socket: Socket<ServerToClientEvents, ClientToServerEvents>,
  timeoutMs: number,
): Promise<WallSnapshot | null> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit('resync', (error: Error | null, snapshot: WireSnapshot) => {
      resolve(error === null ? fromWireSnapshot(snapshot) : null);
    });
  });
}
