// What the wall does with each gateway message: decode it and apply it to the page's store. Kept apart from
// the React hook so the fan-out benchmark's clients run exactly this path.
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../realtime/events.js';
import { fromWire, fromWireSnapshot } from '../realtime/live-wire.js';
import type { WallStore } from './store/wall-store.js';

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function bindWallSocket(socket: WallSocket, store: WallStore): void {
  const state = () => store.getState();
  socket.on('snapshot', (snapshot) => state().applySnapshot(fromWireSnapshot(snapshot), Date.now()));
  socket.on('alert', (event) => state().applyAlert(event));
  socket.on('alertRemoved', (alertId) => state().removeAlert(alertId));
  socket.on('live', (aggregates) => state().applyLiveBatch(aggregates.map(fromWire)));
  // A recovered connection gets its missed deltas replayed and no snapshot, so it is live at once.
  socket.on('connect', () => {
    if (socket.recovered) state().setStatus('live');
  });
  socket.on('disconnect', () => state().setStatus('reconnecting'));
  socket.on('connect_error', () => state().setStatus(socket.active ? 'reconnecting' : 'offline'));
}
