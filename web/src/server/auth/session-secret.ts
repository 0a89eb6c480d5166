// The key that signs session and display tokens. Cluster mode must configure it (every web instance
// verifies every other's tokens); embedded mode generates one beside its data on first start, readable by
// the owner only and never logged.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SESSION_SECRET_FILE = 'session.key';

export function loadOrCreateSessionSecret(configured: string | null, dataDir: string): Uint8Array {
  if (configured !== null) return new TextEncoder().encode(configured);
  const path = join(dataDir, SESSION_SECRET_FILE);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    // 'wx': two processes starting at once must not both write a different key.
    try {
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return new TextEncoder().encode(readFileSync(path, 'utf8').trim());
}
