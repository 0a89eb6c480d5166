// Real accounts for web's tests: an accounts file in a temp folder with argon2-hashed users, the real
// Authenticator over it, and signed tokens for any of them — what the CLI and the login endpoint produce.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorRole, AgencyId } from '@citybrain/schemas/events';
import { issueDisplayToken, putUser } from '../src/server/auth/accounts.js';
import { Authenticator } from '../src/server/auth/authenticator.js';
import { UserDirectory } from '../src/server/auth/directory.js';
import { TokenSigner } from '../src/server/auth/tokens.js';
import { loadOrCreateSessionSecret } from '../src/server/auth/session-secret.js';
import type { AuthConfig } from '../src/config.js';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestUser {
  id: string;
  role: ActorRole;
  district?: string;
  agency?: AgencyId;
}

export interface TestAuth {
  dir: string;
  usersFile: string;
  secret: Uint8Array;
  authenticator: Authenticator;
  /** A session token for a user of the file, valid for `ttlMs` (default one hour). */
  sessionToken(userId: string, ttlMs?: number): Promise<string>;
  /** A display token (role wall) for 'city' or an adcode. */
  displayToken(id: string, scope: string): Promise<string>;
  cleanup(): void;
}

export async function createTestAuth(
  users: readonly TestUser[],
  now: () => number = Date.now,
): Promise<TestAuth> {
  const dir = mkdtempSync(join(tmpdir(), 'citybrain-auth-'));
  const usersFile = join(dir, 'users.json');
  const secret = new Uint8Array(randomBytes(32));
  for (const user of users) await putUser(usersFile, { ...user, password: TEST_PASSWORD });
  const directory = new UserDirectory(usersFile, { now });
  const signer = new TokenSigner(secret);
  return {
    dir,
    usersFile,
    secret,
    authenticator: new Authenticator(directory, signer, { sessionTtlMs: 3_600_000, now }),
    sessionToken: async (userId, ttlMs = 3_600_000) =>
      (await signer.issue(userId, 'session', ttlMs, now())).token,
    displayToken: async (id, scope) =>
      (await issueDisplayToken(usersFile, secret, { id, scope, days: 1 }, now())).token,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Accounts for a server started with `start(config)`: users in its accounts file and tokens signed with
 * its own secret (the one it generates under DATA_DIR), exactly as the CLI would make them.
 */
export async function seedAccounts(
  auth: AuthConfig,
  users: readonly TestUser[],
): Promise<{
  sessionToken(userId: string, ttlMs?: number): Promise<string>;
  displayToken(id: string, scope: string): Promise<string>;
}> {
  for (const user of users) await putUser(auth.usersFile, { ...user, password: TEST_PASSWORD });
  const secret = loadOrCreateSessionSecret(auth.sessionSecret, auth.dataDir);
  const signer = new TokenSigner(secret);
  return {
    sessionToken: async (userId, ttlMs = auth.sessionTtlMs) =>
      (await signer.issue(userId, 'session', ttlMs, Date.now())).token,
    displayToken: async (id, scope) =>
      (await issueDisplayToken(auth.usersFile, secret, { id, scope, days: 1 })).token,
  };
}
