// Rows waiting for the next flush, grouped per table, with the Kafka positions they cover. A buffer is
// flushed whole: insert every table, publish its dead letters, then commit its offsets.
import type { IngestTable } from '@citybrain/schemas/clickhouse';
import type { Message } from 'kafkajs';
import type { TableRow } from '../pipeline/rows.js';

export interface PartitionPosition {
  topic: string;
  partition: number;
  /** Highest offset consumed into this buffer. */
  offset: number;
}

export class RowBuffer {
  readonly rows = new Map<IngestTable, TableRow['row'][]>();
  readonly deadLetters: Message[] = [];
  readonly positions = new Map<string, PartitionPosition>();
  rowCount = 0;
  readonly createdAt: number;

  constructor(now: number) {
    this.createdAt = now;
  }

  add(entry: TableRow): void {
    let list = this.rows.get(entry.table);
    if (!list) {
      list = [];
      this.rows.set(entry.table, list);
    }
    list.push(entry.row);
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
