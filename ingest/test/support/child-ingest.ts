import { fileURLToPath } from 'node:url';
import { spawnService, type ChildService } from '@citybrain/devstack/testing';

const BIN = fileURLToPath(new URL('../../src/bin/ingest.ts', import.meta.url));

export function spawnIngest(env: Record<string, string>): Promise<ChildService> {
  return spawnService(BIN, 'INGEST_HTTP_PORT', env);
}
