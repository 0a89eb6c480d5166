// maplibre-gl 6 starts its worker from a URL (DESIGN §10). Serving the worker straight from the installed
// package keeps it the same version as the bundle that loads it, with no copy in public/ to go stale.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { ServerResponse } from 'node:http';

export const MAPLIBRE_WORKER_PATH = '/vendor/maplibre-gl-worker.mjs';

const workerFile = createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl-worker.mjs');

export function serveMaplibreWorker(response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=3600',
  });
  createReadStream(workerFile)
    .on('error', () => response.destroy())
    .pipe(response);
}
