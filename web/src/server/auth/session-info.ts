import type { SessionInfo, Viewer, WallScope } from '../../realtime/events.js';
import type { Principal } from './principal.js';

/** What a page may know of its own session (never the token). */
export function sessionInfo(principal: Principal, scope: WallScope): SessionInfo {
  return viewerSession({ ...principal, scope });
}

export function viewerSession(viewer: Pick<Viewer, 'userId' | 'role' | 'scope' | 'expiresAt'>): SessionInfo {
  return {
    userId: viewer.userId,
    role: viewer.role,
    scope: viewer.scope,
    expiresAt: new Date(viewer.expiresAt).toISOString(),
  };
}
