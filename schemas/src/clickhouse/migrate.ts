import type { ClickHouseClient } from '@clickhouse/client';
import { MIGRATIONS, type Migration } from './tables.js';

/**
 * Applies the migrations not yet recorded in `schema_migrations`. Every statement is itself idempotent
 * (IF NOT EXISTS), so two services starting at once, or a crash halfway, leave a correct schema.
 */
export async function migrate(
  client: ClickHouseClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS schema_migrations (
      version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
    ) ENGINE = ReplacingMergeTree ORDER BY version`,
  });
  const result = await client.query({
    query: 'SELECT version FROM schema_migrations FINAL',
    format: 'JSONEachRow',
  });
  const applied = new Set(
    (await result.json<{ version: number | string }>()).map((row) => Number(row.version)),
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements) await client.command({ query: statement });
    await client.insert({
      table: 'schema_migrations',
      values: [{ version: migration.version, name: migration.name }],
      format: 'JSONEachRow',
    });
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
