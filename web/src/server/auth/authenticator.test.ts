// The real argon2 + jose + accounts file, in a temp folder: login, token verification and every refusal.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuth, TEST_PASSWORD, type TestAuth } from '../../../test/auth-fixtures.js';
import { readDirectoryFile } from './directory-file.js';
import { issueDisplayToken, revokeDisplay, setUserDisabled } from './accounts.js';
import { tokenFromHeaders, SESSION_COOKIE } from './authenticator.js';
import { AuthError } from './principal.js';
import { TokenSigner } from './tokens.js';

describe('authenticator', () => {
  let now = Date.parse('2026-11-26T08:00:00Z');
  let auth: TestAuth;

  beforeAll(async () => {
    auth = await createTestAuth(
      [
        { id: 'duty-1', role: 'duty_officer' },
        { id: 'nanshan-center', role: 'district', district: '440305' },
        { id: 'police-desk', role: 'agency', agency: 'police' },
      ],
      () => now,
    );
  });
  afterAll(() => auth.cleanup());

  const reason = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
      return 'accepted';
    } catch (error) {
      if (error instanceof AuthError) return error.reason;
      throw error;
    }
  };

  it('stores only argon2id hashes, never the password', () => {
    const file = readDirectoryFile(auth.usersFile);
    expect(file.users.map((u) => u.passwordHash.startsWith('$argon2id$'))).toEqual([true, true, true]);
    expect(JSON.stringify(file)).not.toContain(TEST_PASSWORD);
  });

  it('signs in with the right password and proves the session token', async () => {
    const { token, principal } = await auth.authenticator.login('nanshan-center', TEST_PASSWORD);
    expect(principal).toMatchObject({
      userId: 'nanshan-center',
      role: 'district',
      permitted: { kind: 'district', adcode: '440305' },
    });
    await expect(auth.authenticator.authenticate(token)).resolves.toMatchObject({
      userId: 'nanshan-center',
      permitted: { kind: 'district', adcode: '440305' },
    });
    const police = await auth.authenticator.login('police-desk', TEST_PASSWORD);
    expect(police.principal.permitted).toEqual({ kind: 'agency', agency: 'police' });
  });

  it('refuses wrong passwords and unknown users alike', async () => {
    expect(await reason(auth.authenticator.login('duty-1', 'wrong-password'))).toBe('bad_credentials');
    expect(await reason(auth.authenticator.login('nobody', TEST_PASSWORD))).toBe('bad_credentials');
  });

  it('refuses missing, malformed, forged and expired tokens with their reason', async () => {
    const token = await auth.sessionToken('duty-1', 60_000);
    expect(await reason(auth.authenticator.authenticate(undefined))).toBe('missing');
    expect(await reason(auth.authenticator.authenticate('not-a-jwt'))).toBe('malformed');
    const forged = await new TokenSigner(new TextEncoder().encode('x'.repeat(32))).issue(
      'duty-1',
      'session',
      60_000,
      now,
    );
    expect(await reason(auth.authenticator.authenticate(forged.token))).toBe('bad_signature');
    now += 2 * 60_000;
    expect(await reason(auth.authenticator.authenticate(token))).toBe('expired');
  });

  it('cuts off a disabled user at the next verification', async () => {
    const token = await auth.sessionToken('duty-1');
    setUserDisabled(auth.usersFile, 'duty-1', true);
    now += 5_000; // the directory re-reads a changed file at most once a second
    expect(await reason(auth.authenticator.authenticate(token))).toBe('disabled');
    expect(await reason(auth.authenticator.login('duty-1', TEST_PASSWORD))).toBe('disabled');
    setUserDisabled(auth.usersFile, 'duty-1', false);
    now += 5_000;
    expect(await reason(auth.authenticator.authenticate(token))).toBe('accepted');
  });

  it('accepts only the newest token of a display, until revoked', async () => {
    const first = await issueDisplayToken(
      auth.usersFile,
      auth.secret,
      { id: 'lobby', scope: 'city', days: 30 },
      now,
    );
    now += 5_000;
    await expect(auth.authenticator.authenticate(first.token)).resolves.toMatchObject({
      role: 'wall',
      kind: 'display',
      permitted: { kind: 'city' },
    });
    const second = await issueDisplayToken(
      auth.usersFile,
      auth.secret,
      { id: 'lobby', scope: '440305', days: 30 },
      now,
    );
    now += 5_000;
    expect(await reason(auth.authenticator.authenticate(first.token))).toBe('revoked');
    await expect(auth.authenticator.authenticate(second.token)).resolves.toMatchObject({
      permitted: { kind: 'district', adcode: '440305' },
    });
    revokeDisplay(auth.usersFile, 'lobby');
    now += 5_000;
    expect(await reason(auth.authenticator.authenticate(second.token))).toBe('revoked');
  });

  it('keeps the last good accounts when the file is broken by hand', async () => {
    const token = await auth.sessionToken('police-desk');
    writeFileSync(auth.usersFile, '{ not json');
    now += 5_000;
    expect(await reason(auth.authenticator.authenticate(token))).toBe('accepted');
  });

  it('reads a Bearer header before the session cookie', () => {
    expect(tokenFromHeaders({ authorization: 'Bearer abc', cookie: `${SESSION_COOKIE}=def` })).toBe('abc');
    expect(tokenFromHeaders({ cookie: `other=1; ${SESSION_COOKIE}=def` })).toBe('def');
    expect(tokenFromHeaders({})).toBeUndefined();
  });
});
