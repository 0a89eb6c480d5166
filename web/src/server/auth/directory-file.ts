// The accounts file (WEB_USERS_FILE): people with argon2 password hashes and wall displays with the id of
// their current token. Written by the `users` CLI, read by the server (reloaded when it changes), so adding
// a user or revoking a display needs no restart. In cluster mode an OIDC provider can stand in for it
// (web/README.md, "Authentication").
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { actorRole, adcode, agencyId } from '@citybrain/schemas/events';
import { z } from 'zod';

const accountId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, dot, dash or underscore (2-64)');

export const userRecord = z
  .object({
    id: accountId,
    role: actorRole,
    passwordHash: z.string().startsWith('$argon2', 'must be an argon2 hash'),
    /** For role `district` (and a district wall account): the adcode it is limited to. */
    district: adcode.optional(),
    /** For role `agency`: the agency it acts for. */
    agency: agencyId.optional(),
    disabled: z.boolean().default(false),
  })
  .refine((u) => u.role !== 'district' || u.district !== undefined, {
    message: 'a district user needs `district`',
    path: ['district'],
  })
  .refine((u) => u.role !== 'agency' || u.agency !== undefined, {
    message: 'an agency user needs `agency`',
    path: ['agency'],
  });
export type UserRecord = z.infer<typeof userRecord>;

export const displayRecord = z.object({
  id: accountId,
  /**
   * 'city', a district adcode, or 'agency:<id>': what the wall shows, or what a subscribing system (a
   * district center's or an agency's) receives. Displays are read-only (role `wall`).
   */
  scope: z.union([z.literal('city'), adcode, z.templateLiteral([z.literal('agency:'), agencyId])]),
  /** The `jti` of the one token this display may use; issuing a new token replaces it. */
  tokenId: z.string().min(16),
  expiresAt: z.iso.datetime(),
  revoked: z.boolean().default(false),
});
export type DisplayRecord = z.infer<typeof displayRecord>;

export const directoryFile = z
  .object({
    users: z.array(userRecord).default([]),
    displays: z.array(displayRecord).default([]),
  })
  .refine((d) => new Set(d.users.map((u) => u.id)).size === d.users.length, {
    message: 'user ids must be unique',
    path: ['users'],
  })
  .refine((d) => new Set(d.displays.map((u) => u.id)).size === d.displays.length, {
    message: 'display ids must be unique',
    path: ['displays'],
  });
export type DirectoryFile = z.infer<typeof directoryFile>;

export class DirectoryFileError extends Error {
  override readonly name = 'DirectoryFileError';
}

export function readDirectoryFile(path: string): DirectoryFile {
  if (!existsSync(path)) return { users: [], displays: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DirectoryFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = directoryFile.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DirectoryFileError(`${path}: ${issues}`);
  }
  return parsed.data;
}

/** Atomic (write + rename) and readable by the owner only: the file holds password hashes. */
export function writeDirectoryFile(path: string, content: DirectoryFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${String(process.pid)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(directoryFile.parse(content), null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
