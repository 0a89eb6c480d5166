// Account administration on the accounts file: what the `users` CLI and the demo's first start call.
// Every change is a read–modify–write of the whole (small) file; the server picks it up by itself.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ActorRole, AgencyId } from '@citybrain/schemas/events';
import {
  readDirectoryFile,
  writeDirectoryFile,
  userRecord,
  displayRecord,
  type DirectoryFile,
  type UserRecord,
} from './directory-file.js';
import { hashPassword } from './passwords.js';
import { TokenSigner } from './tokens.js';

export class AccountError extends Error {
  override readonly name = 'AccountError';
}

export interface NewUser {
  id: string;
  role: ActorRole;
  password: string;
  district?: string;
  agency?: AgencyId;
}

/** A password good enough for a generated account: 18 random bytes, base64url (24 characters). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

function update(path: string, change: (file: DirectoryFile) => DirectoryFile): void {
  writeDirectoryFile(path, change(readDirectoryFile(path)));
}

/** Adds a user, or replaces one with the same id (new role, scope or password). */
export async function putUser(path: string, user: NewUser): Promise<UserRecord> {
  if (user.password.length < 10) throw new AccountError('a password needs at least 10 characters');
  if (user.role === 'wall' && user.district === undefined && user.agency !== undefined)
    throw new AccountError('a wall account is scoped by district, not agency');
  const parsed = userRecord.safeParse({
    id: user.id,
    role: user.role,
    passwordHash: await hashPassword(user.password),
    ...(user.district !== undefined ? { district: user.district } : {}),
    ...(user.agency !== undefined ? { agency: user.agency } : {}),
  });
  if (!parsed.success) {
    throw new AccountError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  update(path, (file) => ({ ...file, users: [...file.users.filter((u) => u.id !== user.id), parsed.data] }));
  return parsed.data;
}

export function setUserDisabled(path: string, id: string, disabled: boolean): void {
  update(path, (file) => {
    if (!file.users.some((u) => u.id === id)) throw new AccountError(`no user "${id}"`);
    return { ...file, users: file.users.map((u) => (u.id === id ? { ...u, disabled } : u)) };
  });
}

export interface IssuedDisplay {
  id: string;
  scope: string;
  token: string;
  expiresAt: string;
}

/**
 * Issues the token of a wall display (role `wall`, scope 'city' or an adcode), replacing any earlier token
 * of that display: only the newest one is accepted.
 */
export async function issueDisplayToken(
  path: string,
  secret: Uint8Array,
  display: { id: string; scope: string; days: number },
  now: number = Date.now(),
): Promise<IssuedDisplay> {
  const scope = displayRecord.shape.scope.safeParse(display.scope);
  if (!scope.success)
    throw new AccountError(`scope must be "city", a 6-digit adcode or "agency:<id>", not "${display.scope}"`);
  const tokenId = randomUUID();
  const { token, claims } = await new TokenSigner(secret).issue(
    display.id,
    'display',
    display.days * 86_400_000,
    now,
    tokenId,
  );
  const expiresAt = new Date(claims.expiresAt).toISOString();
  update(path, (file) => ({
    ...file,
    displays: [
      ...file.displays.filter((d) => d.id !== display.id),
      { id: display.id, scope: scope.data, tokenId, expiresAt, revoked: false },
    ],
  }));
  return { id: display.id, scope: display.scope, token, expiresAt };
}

export function revokeDisplay(path: string, id: string): void {
  update(path, (file) => {
    if (!file.displays.some((d) => d.id === id)) throw new AccountError(`no display "${id}"`);
    return { ...file, displays: file.displays.map((d) => (d.id === id ? { ...d, revoked: true } : d)) };
  });
}

/** Accounts without their hashes, for listing. */
export function listAccounts(path: string): {
  users: Omit<UserRecord, 'passwordHash'>[];
  displays: DirectoryFile['displays'];
} {
  const file = readDirectoryFile(path);
  return {
    users: file.users.map(({ passwordHash: _hash, ...rest }) => rest),
    displays: file.displays,
  };
}
