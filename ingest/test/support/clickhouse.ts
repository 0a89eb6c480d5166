import type { ClickHouseClient } from '@clickhouse/client';

export async function countRows(client: ClickHouseClient, table: string, where = '1'): Promise<number> {
  const result = await client.query({
    query: `SELECT count() AS n FROM ${table} WHERE ${where}`,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string | number }>();
  return Number(row?.n ?? 0);
}

export async function selectAll<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  const result = await client.query({ query, format: 'JSONEachRow' });
  return result.json<T>();
}

/** Every row of a table as one text blob, to search for strings that must never be stored. */
export async function tableText(client: ClickHouseClient, table: string): Promise<string> {
  const result = await client.query({ query: `SELECT * FROM ${table}`, format: 'JSONEachRow' });
  return result.text();
}
