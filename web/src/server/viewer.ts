// Who a connection is and what it may see. Every connection passes through here before it joins a room;
// the authentication issue replaces the default role with one proven by the handshake token, and the scope
// check below already runs on the server, never only in the browser (DESIGN §7).
import type { HandshakeAuth, Viewer, WallScope } from '../realtime/events.js';

export class ViewerRejectedError extends Error {
  override readonly name = 'ViewerRejectedError';
}

export function parseScope(text: string | undefined, districts: ReadonlySet<string>): WallScope {
  if (text === undefined || text === 'city') return { kind: 'city' };
  if (!districts.has(text)) throw new ViewerRejectedError(`unknown district scope "${text}"`);
  return { kind: 'district', adcode: text };
}

export function identifyViewer(auth: unknown, districts: ReadonlySet<string>): Viewer {
  const handshake = (typeof auth === 'object' && auth !== null ? auth : {}) as HandshakeAuth;
  const scope = typeof handshake.scope === 'string' ? handshake.scope : undefined;
  return {
    userId: 'wall',
    role: 'wall',
    scope: parseScope(scope, districts),
    expiresAt: Number.MAX_SAFE_INTEGER,
  };
}
