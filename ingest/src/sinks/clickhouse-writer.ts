import type { IngestTable } from '@citybrain/schemas/clickhouse';
import type { Logger } from 'pino';
import type { IngestMetrics } from '../metrics.js';
import { retryUntilDone, type BackoffPolicy } from '@citybrain/service-kit';
import type { InsertLines } from './row-insert.js';
import type { LineBuffer } from './line-buffer.js';

/** Inserts one table's rows, retrying while ClickHouse is unavailable; resolves once they are acknowledged. */
export class ClickHouseWriter {
  /** True from a failed attempt until the next acknowledged insert. */
  failing = false;

  constructor(
    private readonly insertLines: InsertLines,
    private readonly logger: Logger,
    private readonly metrics: IngestMetrics,
    private readonly signal: AbortSignal,
    private readonly backoff?: BackoffPolicy,
  ) {}

  async insert(table: IngestTable, lines: LineBuffer): Promise<void> {
    if (lines.rows === 0) return;
    const contents = lines.contents();
    await retryUntilDone(
      async () => {
        const stopTimer = this.metrics.insertSeconds.startTimer({ table });
        await this.insertLines(table, contents);
        stopTimer();
      },
      {
        signal: this.signal,
        ...(this.backoff ? { policy: this.backoff } : {}),
        onFailure: (error, attempt, delayMs) => {
          this.failing = true;
          this.metrics.clickhouseUp.set(0);
          this.metrics.insertRetries.inc({ table });
          this.logger.warn(
            { err: error, table, rows: lines.rows, attempt, retryInMs: delayMs },
            'ClickHouse insert failed; retrying, nothing committed',
          );
        },
      },
    );
    this.failing = false;
    this.metrics.clickhouseUp.set(1);
    this.metrics.rowsInserted.inc({ table }, lines.rows);
  }
}
