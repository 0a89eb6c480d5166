// One way to reach ClickHouse in both run modes (DESIGN §3): a server at CLICKHOUSE_URL, or chDB (the
// ClickHouse engine in process) at a data path, behind the same @clickhouse/client API.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { createChdbConnection, type ChdbExtension } from 'chdb/connection';

export type ClickHouseTarget =
  | { kind: 'server'; url: string; username?: string; password?: string; database?: string }
  | { kind: 'chdb'; path: string };

export interface SharedClickHouse {
  readonly client: ClickHouseClient;
  readonly target: ClickHouseTarget;
  /** Releases this holder's reference; the connection closes when the last holder releases. */
  release(): Promise<void>;
}

/**
 * chdb implements the Connection interface of @clickhouse/client-common, which @clickhouse/client also
 * bundles as its own copy; the two copies differ only in the list of known settings, so the types do not
 * unify although the runtime contract is the same (exercised by every integration test).
 */
type PluggableConnection = NonNullable<ClickHouseClientConfigOptions['connection']>;

interface Entry {
  client: ClickHouseClient;
  holders: number;
}

// chDB binds one data directory per process, so every component in the process (ingest, streams, web route
// handlers) must share one client per path; server clients are shared the same way for symmetry.
const shared = new Map<string, Entry>();

// The chDB connection behind each chDB client opened here, for what only chDB offers (see chdbExtensionOf).
const chdbOfClient = new WeakMap<ClickHouseClient, ChdbExtension>();

function keyOf(target: ClickHouseTarget): string {
  return target.kind === 'chdb'
    ? `chdb:${resolve(target.path)}`
    : `server:${target.url}:${target.database ?? ''}`;
}

function open(target: ClickHouseTarget): ClickHouseClient {
  if (target.kind === 'chdb') {
    const path = resolve(target.path);
    mkdirSync(path, { recursive: true });
    const connection = createChdbConnection({ path });
    const client = createClient({ connection: connection as unknown as PluggableConnection });
    chdbOfClient.set(client, connection.chdb);
    return client;
  }
  return createClient({
    url: target.url,
    username: target.username ?? 'default',
    password: target.password ?? '',
    database: target.database ?? 'default',
    request_timeout: 30_000,
  });
}

export function acquireClickHouse(target: ClickHouseTarget): SharedClickHouse {
  const key = keyOf(target);
  let entry = shared.get(key);
  if (!entry) {
    entry = { client: open(target), holders: 0 };
    shared.set(key, entry);
  }
  entry.holders += 1;
  const held = entry;
  let released = false;
  return {
    client: held.client,
    target,
    release: async () => {
      if (released) return;
      released = true;
      held.holders -= 1;
      if (held.holders === 0) {
        shared.delete(key);
        await held.client.close();
      }
    },
  };
}

/**
 * chDB's own API (e.g. `rawInsert`: a payload already in the insert format goes to the engine as bytes,
 * without the per-row encoding of `client.insert`) for a client acquired here on a chDB path; undefined
 * for a server client or any client not opened by acquireClickHouse, which must use the portable API.
 */
export function chdbExtensionOf(client: ClickHouseClient): ChdbExtension | undefined {
  return chdbOfClient.get(client);
}
