'use client';
// Connects the console's store to the gateway: snapshot on connect, deltas after, reconnecting by itself,
// and the transport actions go out on. No scope in the handshake: the server uses the signed-in viewer's
// permitted scope (the session cookie travels with the handshake) and says in the snapshot who that is.
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { useDutyStoreApi } from './store/provider.js';
import { socketTransport, type DutySocket } from './transport.js';

export function useDutyRealtime(): void {
  const store = useDutyStoreApi();
  useEffect(() => {
    const socket: DutySocket = io({ transports: ['websocket'] });
    const state = () => store.getState();
    state().setTransport(socketTransport(socket));
    socket.on('snapshot', (snapshot) => state().applySnapshot(snapshot));
    socket.on('alert', (event) => state().applyAlert(event));
    socket.on('alertRemoved', (alertId) => state().removeAlert(alertId));
    // A recovered connection gets its missed deltas replayed and no snapshot, so it is live at once.
    socket.on('connect', () => {
      if (socket.recovered) state().setStatus('live');
    });
    socket.on('disconnect', () => state().setStatus('reconnecting'));
    socket.on('connect_error', () => state().setStatus(socket.active ? 'reconnecting' : 'offline'));
    return () => {
      state().setTransport(null);
      socket.disconnect();
    };
  }, [store]);
}
