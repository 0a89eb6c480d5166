// Passwords are stored only as argon2id hashes (OWASP's first choice); @node-rs/argon2 ships prebuilt
// binaries per platform, so nothing compiles at install.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a wrong password, not a crash of the login handler.
    return false;
  }
}

/**
 * A hash to verify against when the user does not exist, so a login for an unknown name takes as long as a
 * wrong password and does not reveal which accounts exist.
 */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hash('citybrain-no-such-user');
  return dummyHash;
}
