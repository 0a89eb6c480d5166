// Turns credentials into a Principal: a password into a session token at login, and a token (from the
// session cookie, a Bearer header or the Socket.IO handshake) into the account it stands for.
import { parse as parseCookies } from 'cookie';
import { displayScope, userScope, type UserDirectory } from './directory.js';
import { timingDummyHash, verifyPassword } from './passwords.js';
import { AuthError, type Principal } from './principal.js';
import type { TokenSigner } from './tokens.js';

export const SESSION_COOKIE = 'citybrain_session';

export interface LoginResult {
  token: string;
  principal: Principal;
}

export class Authenticator {
  constructor(
    private readonly directory: UserDirectory,
    private readonly signer: TokenSigner,
    private readonly options: { sessionTtlMs: number; now: () => number },
  ) {}

  async login(userId: string, password: string): Promise<LoginResult> {
    const user = this.directory.user(userId);
    // Verify against a dummy hash for unknown accounts: the answer takes as long either way.
    const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
    if (user === undefined || !ok) throw new AuthError('bad_credentials', 'wrong user name or password');
    if (user.disabled) throw new AuthError('disabled', 'this account is disabled');
    const { token, claims } = await this.signer.issue(
      user.id,
      'session',
      this.options.sessionTtlMs,
      this.options.now(),
    );
    return {
      token,
      principal: {
        userId: user.id,
        role: user.role,
        permitted: userScope(user),
        expiresAt: claims.expiresAt,
        kind: 'session',
      },
    };
  }

  async authenticate(token: string | undefined): Promise<Principal> {
    if (token === undefined || token === '')
      throw new AuthError('missing', 'sign in first: no session token');
    const claims = await this.signer.verify(token, this.options.now());
    if (claims.kind === 'display') {
      const display = this.directory.display(claims.sub);
      if (display === undefined)
        throw new AuthError('unknown_user', `display ${claims.sub} no longer exists`);
      if (display.revoked || display.tokenId !== claims.jti)
        throw new AuthError('revoked', `this token of display ${claims.sub} was revoked`);
      return {
        userId: display.id,
        role: 'wall',
        permitted: displayScope(display),
        expiresAt: claims.expiresAt,
        kind: 'display',
      };
    }
    const user = this.directory.user(claims.sub);
    if (user === undefined) throw new AuthError('unknown_user', `user ${claims.sub} no longer exists`);
    if (user.disabled) throw new AuthError('disabled', `user ${claims.sub} is disabled`);
    return {
      userId: user.id,
      role: user.role,
      permitted: userScope(user),
      expiresAt: claims.expiresAt,
      kind: 'session',
    };
  }
}

/** The token a request carries: `Authorization: Bearer …` (other systems) or the session cookie (browsers). */
export function tokenFromHeaders(headers: {
  authorization?: string | null | undefined;
  cookie?: string | null | undefined;
}): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer?.[1] !== undefined) return bearer[1];
  if (!headers.cookie) return undefined;
  return parseCookies(headers.cookie)[SESSION_COOKIE];
}
