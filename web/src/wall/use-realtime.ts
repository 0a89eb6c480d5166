'use client';
// Connects the page's store to the gateway: snapshot, deltas, and the connection state the header shows.
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import type { HandshakeAuth } from '../realtime/events.js';
import { scopeKey } from '../realtime/picture.js';
import { bindWallSocket, type WallSocket } from './bind-socket.js';
import { useWallStoreApi } from './store/provider.js';

export function useRealtime(): void {
  const store = useWallStoreApi();
  useEffect(() => {
    const { scope } = store.getState();
    const auth: HandshakeAuth = { scope: scopeKey(scope) };
    const socket: WallSocket = io({ auth, transports: ['websocket'] });
    bindWallSocket(socket, store);
    return () => {
      socket.disconnect();
    };
  }, [store]);
}
