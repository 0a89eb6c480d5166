// Who a request or a socket is, once its token is proven, and the typed refusals on the way there. The
// reason travels to the client (a clear "expired" beats a bare 401); nothing else about the token does.
import type { ActorRole } from '@citybrain/schemas/events';
import type { WallScope } from '../../realtime/events.js';

export interface Principal {
  /** Account or display id (never a person's name or phone). */
  userId: string;
  role: ActorRole;
  /** The widest scope this principal may see; a page may ask for a narrower one. */
  permitted: WallScope;
  /** Epoch ms when the token stops being accepted. */
  expiresAt: number;
  /** A person's signed-in session, or a wall display's long-lived token. */
  kind: 'session' | 'display';
}

export type AuthFailure =
  | 'missing'
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'unknown_user'
  | 'disabled'
  | 'revoked'
  | 'bad_credentials'
  | 'rate_limited';

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A scope the principal may not see (another district, another agency), or one that does not exist. */
export class ScopeError extends Error {
  override readonly name = 'ScopeError';
}
