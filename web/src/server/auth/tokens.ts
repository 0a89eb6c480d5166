// Signed, expiring tokens (JWT, HS256, via jose): a session for a person who signed in, a display token for
// a wall screen. The token names only who it is for; role and scope are looked up in the directory at every
// verification, so a changed or removed account takes effect at once.
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AuthError } from './principal.js';

const ISSUER = 'citybrain';
const AUDIENCE = 'citybrain-web';

export type TokenKind = 'session' | 'display';

export interface TokenClaims {
  sub: string;
  kind: TokenKind;
  jti: string;
  /** Epoch ms. */
  expiresAt: number;
}

export class TokenSigner {
  constructor(private readonly secret: Uint8Array) {}

  async issue(
    sub: string,
    kind: TokenKind,
    ttlMs: number,
    now: number,
    jti: string = randomUUID(),
  ): Promise<{ token: string; claims: TokenClaims }> {
    const expiresAt = now + ttlMs;
    const token = await new SignJWT({ kind })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setJti(jti)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(this.secret);
    return { token, claims: { sub, kind, jti, expiresAt: Math.floor(expiresAt / 1000) * 1000 } };
  }

  async verify(token: string, now: number): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(now),
      });
      const kind = payload.kind;
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.jti !== 'string' ||
        typeof payload.exp !== 'number' ||
        (kind !== 'session' && kind !== 'display')
      ) {
        throw new AuthError('malformed', 'token lacks subject, id, expiry or kind');
      }
      return { sub: payload.sub, kind, jti: payload.jti, expiresAt: payload.exp * 1000 };
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (error instanceof errors.JWTExpired) throw new AuthError('expired', 'token expired: sign in again');
      if (error instanceof errors.JWSSignatureVerificationFailed)
        throw new AuthError('bad_signature', 'token signature is not valid');
      if (error instanceof errors.JOSEError) throw new AuthError('malformed', `token refused: ${error.code}`);
      throw error;
    }
  }
}
