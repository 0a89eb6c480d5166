// Next.js inside our own http server (the custom-server setup), so Socket.IO shares its port.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nextModule from 'next';
import { prepareNextEnvironment, type WebMode } from '../config.js';

/** web/: where next.config.ts, app/ and the .next build live. */
export const WEB_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface NextApp {
  readonly mode: 'prod' | 'dev';
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
  close(): Promise<void>;
}

// next is CommonJS and its module.exports is the factory; NodeNext typing sees that as `{ default }`, so
// the one cast here names what Node actually hands us.
const createNext = nextModule as unknown as (typeof nextModule)['default'];

export function hasProductionBuild(dir: string = WEB_ROOT): boolean {
  return existsSync(join(dir, '.next', 'BUILD_ID'));
}

export function resolveMode(mode: WebMode, dir: string = WEB_ROOT): 'prod' | 'dev' {
  if (mode !== 'auto') return mode;
  return hasProductionBuild(dir) ? 'prod' : 'dev';
}

export async function prepareNextApp(options: {
  mode: WebMode;
  hostname: string;
  port: number;
}): Promise<NextApp> {
  const mode = resolveMode(options.mode);
  prepareNextEnvironment(mode);
  const app = createNext({
    dev: mode === 'dev',
    dir: WEB_ROOT,
    hostname: options.hostname,
    port: options.port,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  return {
    mode,
    handle: (request, response) => handle(request, response),
    upgrade: (request, socket, head) => upgrade(request, socket, head),
    close: () => app.close(),
  };
}
