// What the wall does with each gateway message: decode it and apply it to the page's store. Kept apart from
// the React hook so the fan-out benchmark's clients run exactly this path.
import type { LiveAggregate } from '@citybrain/schemas/events';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../realtime/events.js';
import { decodeLive, fromWireSnapshot } from '../realtime/live-wire.js';
import { requestSnapshot } from '../realtime/request-snapshot.js';
import type { WallStore } from './store/wall-store.js';

/** A resync that got no answer (the socket dropped meanwhile) may be asked for again after this. */
const RESYNC_TIMEOUT_MS = 10_000;

export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function bindWallSocket(socket: WallSocket, store: WallStore): void {
  const state = () => store.getState();
  socket.on('snapshot', (snapshot) => state().applySnapshot(fromWireSnapshot(snapshot), Date.now()));
  socket.on('alert', (event) => state().applyAlert(event));
  socket.on('alertRemoved', (alertId) => state().removeAlert(alertId));
  let resyncing = false;
  socket.on('live', (wires) => {
    const { live } = state();
    const aggregates: LiveAggregate[] = [];
    let broken = false;
    for (const wire of wires) {
      const aggregate = decodeLive(wire, live.get(wire.district));
      if (aggregate === null) broken = true;
      else aggregates.push(aggregate);
    }
    state().applyLiveBatch(aggregates);
    // A delta against a tick this page does not hold: its picture of that district is behind. Should not
    // happen over an ordered, recovered connection; if it does, a fresh snapshot puts it right.
    if (broken && !resyncing) {
      resyncing = true;
      void requestSnapshot(socket, RESYNC_TIMEOUT_MS).then((snapshot) => {
        resyncing = false;
        if (snapshot !== null) state().applySnapshot(snapshot, Date.now());
      });
    }
  });
  // A recovered connection gets its missed deltas replayed and no snapshot, so it is live at once.
  socket.on('connect', () => {
    if (socket.recovered) state().setStatus('live');
  });
  socket.on('disconnect', () => state().setStatus('reconnecting'));
  socket.on('connect_error', () => state().setStatus(socket.active ? 'reconnecting' : 'offline'));
}
