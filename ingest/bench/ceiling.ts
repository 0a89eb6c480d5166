// The ceiling the benchmark compares ingest with: the rows ingest stored in this run, read back in the
// format ingest inserts them in (TabSeparated for the event tables) and inserted again, through ingest's own
// inserter, into empty copies of their tables, one batch of ingest's chunk size at a time, with nothing else
// running. Best of several passes: on this shared VM a single pass swung 52–116k rows/s between runs
// minutes apart, and a ceiling is what the insert can do, which noise only ever lowers.
import type { ClickHouseClient } from '@clickhouse/client';
import { chdbExtensionOf, INGEST_TABLES } from '@citybrain/schemas/clickhouse';
import { CHDB_INSERT_SETTINGS, formatOf, rowInserter } from '../src/sinks/row-insert.js';

const EVENT_TABLES = [
  INGEST_TABLES.sensorReadings,
  INGEST_TABLES.crowdHeat,
  INGEST_TABLES.trafficFlow,
  INGEST_TABLES.trafficIncidents,
];

export interface Ceiling {
  rows: number;
  /** Bytes in ingest's format handed to chDB's raw insert (the path ingest itself uses on chDB): the best pass. */
  rawRowsPerSecond: number;
  /** Row objects through `client.insert` (JSONEachRow), the portable path; for reference: the best pass. */
  objectRowsPerSecond: number;
  /** Every pass's rates, in order. */
  rawPasses: number[];
  objectPasses: number[];
}

/** Splits lines (TabSeparated or JSONEachRow: one row a line) into batches of `rows` lines. */
function batches(lines: Buffer, rows: number): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  let count = 0;
  for (let i = lines.indexOf(10); i >= 0; i = lines.indexOf(10, i + 1)) {
    count += 1;
    if (count === rows) {
      out.push(lines.subarray(start, i + 1));
      start = i + 1;
      count = 0;
    }
  }
  if (start < lines.length) out.push(lines.subarray(start));
  return out;
}

export async function measureCeiling(
  client: ClickHouseClient,
  run: string,
  batchRows: number,
  passes = 3,
): Promise<Ceiling> {
  const chdb = chdbExtensionOf(client);
  if (!chdb) throw new Error('the ceiling is measured on chDB');
  const insertLines = rowInserter(client);
  // Read once, outside every timing.
  const tables = await Promise.all(
    EVENT_TABLES.map(async (table) => {
      const { format, columns } = formatOf(table);
      const where = `WHERE startsWith(id, '${run}')`;
      const select = `SELECT * EXCEPT ingested_at FROM ${table} ${where}`;
      const inFormat = columns ? `SELECT ${columns.join(', ')} FROM ${table} ${where}` : select;
      const lines = Buffer.from((await chdb.queryAsync(inFormat, { format })).bytes());
      const objects = await (await client.query({ query: select, format: 'JSONEachRow' })).json<object>();
      for (const copy of [`bench_raw_${table}`, `bench_objects_${table}`])
        await client.command({ query: `CREATE TABLE IF NOT EXISTS ${copy} AS ${table}` });
      return { table, raw: batches(lines, batchRows), objects };
    }),
  );
  const rows = tables.reduce((sum, { objects }) => sum + objects.length, 0);
  const rawPasses: number[] = [];
  const objectPasses: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    let rawMs = 0;
    let objectMs = 0;
    for (const { table, raw, objects } of tables) {
      // Every pass inserts into empty copies, as the first did.
      await client.command({ query: `TRUNCATE TABLE bench_raw_${table}` });
      await client.command({ query: `TRUNCATE TABLE bench_objects_${table}` });
      let started = performance.now();
      for (const values of raw) await insertLines(table, values, `bench_raw_${table}`);
      rawMs += performance.now() - started;
      started = performance.now();
      for (let i = 0; i < objects.length; i += batchRows)
        await client.insert({
          table: `bench_objects_${table}`,
          values: objects.slice(i, i + batchRows),
          format: 'JSONEachRow',
          clickhouse_settings: CHDB_INSERT_SETTINGS, // as ingest inserts on chDB
        });
      objectMs += performance.now() - started;
    }
    rawPasses.push(rows / (rawMs / 1000));
    objectPasses.push(rows / (objectMs / 1000));
  }
  return {
    rows,
    rawRowsPerSecond: Math.max(...rawPasses),
    objectRowsPerSecond: Math.max(...objectPasses),
    rawPasses,
    objectPasses,
  };
}
