// The embedded demo's accounts: on first start, one account per role with a generated password, written to
// demo-credentials.txt beside the data (owner-only); on every start, a fresh token for the demo's city wall
// so the link the launcher prints works. A deployment creates its own accounts with the `users` CLI.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthConfig } from '../../config.js';
import { generatePassword, issueDisplayToken, putUser, type NewUser } from './accounts.js';
import { readDirectoryFile } from './directory-file.js';
import { loadOrCreateSessionSecret } from './session-secret.js';

export const DEMO_CREDENTIALS_FILE = 'demo-credentials.txt';
export const DEMO_WALL_DISPLAY = 'demo-wall';

const DEMO_USERS: readonly Omit<NewUser, 'password'>[] = [
  { id: 'admin', role: 'admin' },
  { id: 'duty', role: 'duty_officer' },
  { id: 'operator', role: 'operator' },
  { id: 'nanshan', role: 'district', district: '440305' },
  { id: 'futian', role: 'district', district: '440304' },
  { id: 'police', role: 'agency', agency: 'police' },
  { id: 'traffic', role: 'agency', agency: 'traffic_police' },
  { id: 'urban', role: 'agency', agency: 'urban_management' },
];

export interface DemoAccounts {
  /** Where the demo users' passwords are (written once, on the first start). */
  credentialsFile: string;
  /** Path and query that sign a browser in as the demo's city wall: `/auth/display?token=…`. */
  wallLinkPath: string;
}

export async function ensureDemoAccounts(auth: AuthConfig): Promise<DemoAccounts> {
  const credentialsFile = join(auth.dataDir, DEMO_CREDENTIALS_FILE);
  if (readDirectoryFile(auth.usersFile).users.length === 0) {
    const lines = ['# citybrain demo accounts (embedded mode only). Sign in at /login.', ''];
    for (const user of DEMO_USERS) {
      const password = generatePassword();
      await putUser(auth.usersFile, { ...user, password });
      const scope = user.district ?? user.agency ?? 'city';
      lines.push(`${user.id.padEnd(10)} ${password}   role ${user.role}, scope ${scope}`);
    }
    writeFileSync(credentialsFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  } else if (!existsSync(credentialsFile)) {
    writeFileSync(credentialsFile, '# accounts were created outside the demo: see the `users` CLI\n', {
      mode: 0o600,
    });
  }
  const secret = loadOrCreateSessionSecret(auth.sessionSecret, auth.dataDir);
  const display = await issueDisplayToken(auth.usersFile, secret, {
    id: DEMO_WALL_DISPLAY,
    scope: 'city',
    days: 30,
  });
  return {
    credentialsFile,
    wallLinkPath: `/auth/display?token=${encodeURIComponent(display.token)}&next=%2Fwall`,
  };
}
