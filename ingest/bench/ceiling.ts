// The ceiling the benchmark compares ingest with: the rows ingest stored in this run, read back and
// inserted again into empty copies of their tables, one 20k-row batch at a time, with nothing else running.
import type { ClickHouseClient } from '@clickhouse/client';
import { chdbExtensionOf, INGEST_TABLES } from '@citybrain/schemas/clickhouse';
import { CHDB_INSERT_SETTINGS } from '../src/sinks/ndjson-insert.js';

const EVENT_TABLES = [
  INGEST_TABLES.sensorReadings,
  INGEST_TABLES.crowdHeat,
  INGEST_TABLES.trafficFlow,
  INGEST_TABLES.trafficIncidents,
];

export interface Ceiling {
  rows: number;
  /** NDJSON bytes handed to chDB's raw insert: the path ingest itself uses on chDB. */
  rawRowsPerSecond: number;
  /** Row objects through `client.insert` (JSONEachRow), the portable path; for reference. */
  objectRowsPerSecond: number;
}

/** Splits NDJSON bytes into batches of `rows` lines. */
function batches(ndjson: Buffer, rows: number): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  let lines = 0;
  for (let i = ndjson.indexOf(10); i >= 0; i = ndjson.indexOf(10, i + 1)) {
    lines += 1;
    if (lines === rows) {
      out.push(ndjson.subarray(start, i + 1));
      start = i + 1;
      lines = 0;
    }
  }
  if (start < ndjson.length) out.push(ndjson.subarray(start));
  return out;
}

export async function measureCeiling(
  client: ClickHouseClient,
  run: string,
  batchRows: number,
): Promise<Ceiling> {
  const chdb = chdbExtensionOf(client);
  if (!chdb) throw new Error('the ceiling is measured on chDB');
  const settings = CHDB_INSERT_SETTINGS; // as ingest inserts on chDB
  let rows = 0;
  let rawMs = 0;
  let objectMs = 0;
  for (const table of EVENT_TABLES) {
    const select = `SELECT * EXCEPT ingested_at FROM ${table} WHERE startsWith(id, '${run}')`;
    const ndjson = (await chdb.queryAsync(select, { format: 'JSONEachRow' })).bytes();
    const objects = await (await client.query({ query: select, format: 'JSONEachRow' })).json<object>();
    rows += objects.length;
    for (const [copy, insert] of [
      [`bench_raw_${table}`, 'raw'],
      [`bench_objects_${table}`, 'objects'],
    ] as const) {
      await client.command({ query: `CREATE TABLE IF NOT EXISTS ${copy} AS ${table}` });
      const started = performance.now();
      if (insert === 'raw') {
        for (const values of batches(Buffer.from(ndjson), batchRows))
          await chdb.rawInsert({ table: copy, values, format: 'JSONEachRow', settings });
        rawMs += performance.now() - started;
      } else {
        for (let i = 0; i < objects.length; i += batchRows)
          await client.insert({
            table: copy,
            values: objects.slice(i, i + batchRows),
            format: 'JSONEachRow',
            clickhouse_settings: settings,
          });
        objectMs += performance.now() - started;
      }
    }
  }
  return { rows, rawRowsPerSecond: rows / (rawMs / 1000), objectRowsPerSecond: rows / (objectMs / 1000) };
}
