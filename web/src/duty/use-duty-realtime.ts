'use client';
// Connects the console's store to the gateway: snapshot on connect, deltas after, reconnecting by itself,
// and the transport actions go out on. No scope in the handshake: the server uses the signed-in viewer's
// permitted scope (the session cookie travels with the handshake) and says in the snapshot who that is.
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import type { HandshakeAuth } from '../realtime/events.js';
import { fromWireSnapshot } from '../realtime/live-wire.js';
import { useDutyStoreApi } from './store/provider.js';
import { handshakeRefusal, socketTransport, type DutySocket } from './transport.js';

export function useDutyRealtime(): void {
  const store = useDutyStoreApi();
  useEffect(() => {
    // Alert events only: the console draws no map, so live ticks would be bytes it throws away.
    const auth: HandshakeAuth = { feed: 'alerts' };
    const socket: DutySocket = io({ transports: ['websocket'], auth });
    const state = () => store.getState();
    state().setTransport(socketTransport(socket));
    socket.on('snapshot', (snapshot) => state().applySnapshot(fromWireSnapshot(snapshot)));
    socket.on('alert', (event) => state().applyAlert(event));
    socket.on('alertRemoved', (alertId) => state().removeAlert(alertId));
    // A recovered connection gets its missed deltas replayed and no snapshot, so it is live at once.
    socket.on('connect', () => {
      if (socket.recovered) state().setStatus('live');
    });
    socket.on('disconnect', (reason) => {
      state().setStatus('reconnecting');
      // The server ended the connection (the session expired, or the server is going down): socket.io does
      // not retry that by itself. One attempt tells which: a refused handshake, or a reconnect that works.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (socket.active) {
        state().setStatus('reconnecting');
        return;
      }
      // A refused handshake is final until the officer signs in again.
      state().setStatus('offline');
      state().setSignedOut(handshakeRefusal(error) ?? 'refused');
    });
    return () => {
      state().setTransport(null);
      socket.disconnect();
    };
  }, [store]);
}
