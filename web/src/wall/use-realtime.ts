'use client';
// Connects the page's store to the gateway: snapshot, deltas, and the connection state the header shows.
import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../realtime/events.js';
import { scopeKey } from '../realtime/picture.js';
import { useWallStoreApi } from './store/provider.js';

type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function useRealtime(): void {
  const store = useWallStoreApi();
  useEffect(() => {
    const { scope } = store.getState();
    const auth: HandshakeAuth = { scope: scopeKey(scope) };
    const socket: WallSocket = io({ auth, transports: ['websocket'] });
    const state = () => store.getState();
    socket.on('snapshot', (snapshot) => state().applySnapshot(snapshot, Date.now()));
    socket.on('alert', (event) => state().applyAlert(event));
    socket.on('alertRemoved', (alertId) => state().removeAlert(alertId));
    socket.on('live', (aggregate) => state().applyLive(aggregate));
    // A recovered connection gets its missed deltas replayed and no snapshot, so it is live at once.
    socket.on('connect', () => {
      if (socket.recovered) state().setStatus('live');
    });
    socket.on('disconnect', () => state().setStatus('reconnecting'));
    socket.on('connect_error', () => state().setStatus(socket.active ? 'reconnecting' : 'offline'));
    return () => {
      socket.disconnect();
    };
  }, [store]);
}
