import { fileURLToPath } from 'node:url';
import { spawnService, type ChildService } from '@citybrain/devstack/testing';

const BIN = fileURLToPath(new URL('../../src/bin/streams.ts', import.meta.url));

export type ChildStreams = ChildService;

export function spawnStreams(env: Record<string, string>): Promise<ChildStreams> {
  return spawnService(BIN, 'STREAMS_HTTP_PORT', env);
}
