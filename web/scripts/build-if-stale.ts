// Runs `next build` only when a page source is newer than the last build, so `npm test` and `npm run demo`
// serve production pages (first load in ~1 s instead of a dev compile of maplibre + deck.gl) without
// paying for a build (~15-30 s on 2 cores) when nothing changed.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['app', 'src', 'public', 'next.config.ts', 'package.json', 'tsconfig.json'];
const SKIP = new Set(['bin']);
// The custom server runs under tsx, not from the build, except what route handlers import: the REST query
// modules (and the auth they check) and the runtime handle are compiled into the route bundles.
const SERVER_PARTS_BUILT = new Set(['rest', 'auth', 'runtime.ts']);

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  const server = path.endsWith(join('src', 'server'));
  for (const entry of readdirSync(path)) {
    if (SKIP.has(entry) || entry.endsWith('.test.ts')) continue;
    if (server && !SERVER_PARTS_BUILT.has(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const built = statSync(join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(...INPUTS.map((input) => newestMtime(join(root, input))));
if (built >= sources) {
  process.stdout.write('web: production build is up to date\n');
} else {
  process.stdout.write('web: building the wall (next build)…\n');
  const started = Date.now();
  const result = spawnSync('npx', ['next', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  process.stdout.write(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
