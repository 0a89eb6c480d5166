// Real accounts for web's tests: an accounts file in a temp folder with argon2-hashed users, the real
// Authenticator over it, and signed tokens for any of them — what the CLI and the login endpoint produce.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDisplayToken, putUser } from '../src/server/auth/accounts.js';
import { Authenticator } from '../src/server/auth/authenticator.js';
import { UserDirectory } from '../src/server/auth/directory.js';
import { TokenSigner } from '../src/server/auth/tokens.js';

import { TEST_PASSWORD, type TestUser } from '../src/testing.js';

export { TEST_PASSWORD, type TestUser };

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

export { seedAccounts } from '../src/testing.js';
