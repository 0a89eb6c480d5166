// How a batch of JSONEachRow bytes reaches a table. On chDB, its raw insert: the bytes go to the engine as
// they are and its parser does the rest (~1.5× the rows/s of `client.insert` with row objects, with almost
// no work on the event loop). On a ClickHouse server, `client.exec` with the bytes as the request body: the
// same statement `client.insert` would send, without encoding the rows again. Either way one INSERT statement
// per call, atomic for the batch sizes ingest uses.
import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import { chdbExtensionOf, type IngestTable } from '@citybrain/schemas/clickhouse';

export type InsertNdjson = (table: IngestTable, ndjson: Buffer) => Promise<void>;

/** Rows carry ClickHouse's basic 'YYYY-MM-DD hh:mm:ss.sss' time text. */
export const INSERT_SETTINGS = { date_time_input_format: 'basic' } as const;

/**
 * On chDB the engine shares ingest's process and its cores, and a batch is a few MB per table: splitting
 * that into parallel parsing tasks costs more threads and CPU than it saves (bench: 5–10 % less chDB CPU
 * without it). A ClickHouse server has its own cores and keeps its default.
 */
export const CHDB_INSERT_SETTINGS = { ...INSERT_SETTINGS, input_format_parallel_parsing: 0 } as const;

export function ndjsonInserter(client: ClickHouseClient): InsertNdjson {
  const chdb = chdbExtensionOf(client);
  if (chdb) {
    return async (table, ndjson) => {
      await chdb.rawInsert({ table, values: ndjson, format: 'JSONEachRow', settings: CHDB_INSERT_SETTINGS });
    };
  }
  return async (table, ndjson) => {
    const result = await client.exec({
      query: `INSERT INTO ${table} FORMAT JSONEachRow`,
      values: Readable.from([ndjson]),
      clickhouse_settings: INSERT_SETTINGS,
    });
    // The response body is empty, but it must be read for the connection to be released.
    for await (const _ of result.stream) {
      /* drain */
    }
  };
}
