// How a batch of one table's lines reaches it. The event tables go as TabSeparated with their columns named
// (EVENT_COLUMNS), dead letters as JSONEachRow (rare, and their payload text is easier to trust to JSON).
// On chDB, its raw insert: the bytes go to the engine as they are and its parser does the rest, with almost
// no work on the event loop. On a ClickHouse server, `client.exec` with the bytes as the request body: the
// same statement `client.insert` would send, without encoding the rows again. Either way one INSERT
// statement per call, atomic for the batch sizes ingest uses.
import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import { chdbExtensionOf, type IngestTable } from '@citybrain/schemas/clickhouse';
import { EVENT_COLUMNS } from '../pipeline/rows.js';

/** Inserts one table's lines in its format; `into` another table of the same columns (the bench's copies). */
export type InsertLines = (table: IngestTable, lines: Buffer, into?: string) => Promise<void>;

/** Rows carry ClickHouse's basic 'YYYY-MM-DD hh:mm:ss.sss' time text. */
export const INSERT_SETTINGS = { date_time_input_format: 'basic' } as const;

/**
 * On chDB the engine shares ingest's process and its cores, and a batch is a few MB per table: splitting
 * that into parallel parsing tasks costs more threads and CPU than it saves (bench: 5–10 % less chDB CPU
 * without it). A ClickHouse server has its own cores and keeps its default.
 */
export const CHDB_INSERT_SETTINGS = { ...INSERT_SETTINGS, input_format_parallel_parsing: 0 } as const;

export interface TableFormat {
  format: 'TabSeparated' | 'JSONEachRow';
  /** The columns the lines hold, in order; undefined for JSONEachRow, whose lines name them. */
  columns?: readonly string[];
}

export function formatOf(table: IngestTable): TableFormat {
  return table === 'dead_letters'
    ? { format: 'JSONEachRow' }
    : { format: 'TabSeparated', columns: EVENT_COLUMNS[table] };
}

export function rowInserter(client: ClickHouseClient): InsertLines {
  const chdb = chdbExtensionOf(client);
  if (chdb) {
    return async (table, lines, into = table) => {
      const { format, columns } = formatOf(table);
      await chdb.rawInsert({
        table: into,
        values: lines,
        format,
        settings: CHDB_INSERT_SETTINGS,
        ...(columns ? { columns: [...columns] } : {}),
      });
    };
  }
  return async (table, lines, into = table) => {
    const { format, columns } = formatOf(table);
    const result = await client.exec({
      query: `INSERT INTO ${into}${columns ? ` (${columns.join(', ')})` : ''} FORMAT ${format}`,
      values: Readable.from([lines]),
      clickhouse_settings: INSERT_SETTINGS,
    });
    // The response body is empty, but it must be read for the connection to be released.
    for await (const _ of result.stream) {
      /* drain */
    }
  };
}
