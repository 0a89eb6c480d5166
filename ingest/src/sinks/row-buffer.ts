// Rows waiting for the next flush, as lines of text per table (in its format: row-insert.ts), with the Kafka
// positions they cover. A buffer is flushed whole: insert every table, publish its dead letters, then commit
// its offsets.
import type { IngestTable } from '@citybrain/schemas/clickhouse';
import type { Message } from 'kafkajs';
import { LineBuffer } from './line-buffer.js';

export interface PartitionPosition {
  topic: string;
  partition: number;
  /** Highest offset consumed into this buffer. */
  offset: number;
}

export class RowBuffer {
  readonly tables = new Map<IngestTable, LineBuffer>();
  readonly deadLetters: Message[] = [];
  readonly positions = new Map<string, PartitionPosition>();
  rowCount = 0;
  readonly createdAt: number;

  /** `expectedBytes`: bytes per table to start with, e.g. the previous batch's (see `sizes`). */
  constructor(
    now: number,
    private readonly expectedBytes: ReadonlyMap<IngestTable, number> = new Map(),
  ) {
    this.createdAt = now;
  }

  /** Bytes written per table. */
  sizes(): Map<IngestTable, number> {
    return new Map([...this.tables].map(([table, lines]) => [table, lines.byteLength]));
  }

  /** Adds one row: its line in the table's format, without the trailing newline. */
  add(table: IngestTable, line: string): void {
    let lines = this.tables.get(table);
    if (!lines) {
      lines = new LineBuffer(this.expectedBytes.get(table));
      this.tables.set(table, lines);
    }
    lines.append(line);
    this.rowCount += 1;
  }

  addDeadLetter(message: Message): void {
    this.deadLetters.push(message);
  }

  consumed(position: PartitionPosition): void {
    this.positions.set(`${position.topic}|${position.partition}`, position);
  }

  get isEmpty(): boolean {
    return this.positions.size === 0;
  }
}
