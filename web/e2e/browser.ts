// Headless Debian Chromium for end-to-end tests (DESIGN §10): WebGL2 on SwiftShader, a throwaway HOME so
// Chromium's profile writes land in a temp folder that the test removes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  const home = mkdtempSync(join(tmpdir(), 'citybrain-chromium-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The link a wall display opens once to sign in (what `users display` prints), leading on to `path`. */
export function displaySignInUrl(baseUrl: string, token: string, path: string): string {
  return `${baseUrl}/auth/display?token=${encodeURIComponent(token)}&next=${encodeURIComponent(path)}`;
}
