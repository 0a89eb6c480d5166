import type { ClickHouseClient } from '@clickhouse/client';
import type { IngestTable } from '@citybrain/schemas/clickhouse';
import type { Logger } from 'pino';
import type { IngestMetrics } from '../metrics.js';
import type { TableRow } from '../pipeline/rows.js';
import { retryUntilDone, type BackoffPolicy } from '@citybrain/service-kit';

/** Inserts one table's rows, retrying while ClickHouse is unavailable; resolves once they are acknowledged. */
export class ClickHouseWriter {
  /** True from a failed attempt until the next acknowledged insert. */
  failing = false;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly logger: Logger,
    private readonly metrics: IngestMetrics,
    private readonly signal: AbortSignal,
    private readonly backoff?: BackoffPolicy,
  ) {}

  async insert(table: IngestTable, rows: readonly TableRow['row'][]): Promise<void> {
    if (rows.length === 0) return;
    await retryUntilDone(
      async () => {
        const stopTimer = this.metrics.insertSeconds.startTimer({ table });
        await this.client.insert({
          table,
          values: rows,
          format: 'JSONEachRow',
          clickhouse_settings: { date_time_input_format: 'basic' },
        });
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
            { err: error, table, rows: rows.length, attempt, retryInMs: delayMs },
            'ClickHouse insert failed; retrying, nothing committed',
          );
        },
      },
    );
    this.failing = false;
    this.metrics.clickhouseUp.set(1);
    this.metrics.rowsInserted.inc({ table }, rows.length);
  }
}
