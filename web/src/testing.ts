// Accounts for tests and benchmarks that start a web server (`@citybrain/web/testing`): users written to the
// server's accounts file and tokens signed with its own secret, exactly as the `users` CLI and the login
// endpoint would make them. Never used by the server itself.
import type { ActorRole, AgencyId } from '@citybrain/schemas/events';
import type { AuthConfig } from './config.js';
import { issueDisplayToken, putUser } from './server/auth/accounts.js';
import { loadOrCreateSessionSecret } from './server/auth/session-secret.js';
import { TokenSigner } from './server/auth/tokens.js';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestUser {
  id: string;
  role: ActorRole;
  district?: string;
  agency?: AgencyId;
}

export interface SeededAccounts {
  sessionToken(userId: string, ttlMs?: number): Promise<string>;
  displayToken(id: string, scope: string): Promise<string>;
}

/** Adds the users (password TEST_PASSWORD) and returns token issuers for them and for displays. */
export async function seedAccounts(auth: AuthConfig, users: readonly TestUser[]): Promise<SeededAccounts> {
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

/** One user and its session token. */
export async function sessionTokenFor(auth: AuthConfig, user: TestUser): Promise<string> {
  return (await seedAccounts(auth, [user])).sessionToken(user.id);
}

/** A display's token ('city', an adcode or 'agency:<id>'). */
export async function issueDisplayTokenFor(auth: AuthConfig, id: string, scope: string): Promise<string> {
  return (await seedAccounts(auth, [])).displayToken(id, scope);
}
