// Writes alert changes out in order: ClickHouse first (alerts + alert_events), then city.alerts.v1. ClickHouse
// first because it is what a restart rebuilds from: an alert on Kafka is then always one ClickHouse knows.
// Each step retries with backoff until it succeeds or the service stops (DESIGN §5: never drop).
import type { ClickHouseClient } from '@clickhouse/client';
import { ALERT_TABLES, alertRow } from '@citybrain/schemas/clickhouse';
import type { AlertEvent } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { retryUntilDone } from '@citybrain/service-kit';
import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { AlertChange } from '../alerts/book.js';
import { AuditChain } from '../alerts/audit-chain.js';
import type { StreamsMetrics } from '../metrics.js';
import { auditRow } from './rows.js';

export interface AlertSinkDeps {
  clickhouse: ClickHouseClient;
  producer: Producer;
  logger: Logger;
  metrics: StreamsMetrics;
  signal: AbortSignal;
  now: () => number;
}

export class AlertSink {
  readonly chain = new AuditChain();
  private queue: Promise<void> = Promise.resolve();
  /** Writes being retried now (the two tables are written in parallel). */
  private failing = 0;

  constructor(private readonly deps: AlertSinkDeps) {}

  /** True while a write is being retried (reported by /health). */
  get degraded(): boolean {
    return this.failing > 0;
  }

  /**
   * Queues the changes (in order, after earlier writes) and resolves once they are stored and published.
   * Hashes are chained now, synchronously, so the audit order is the order the changes were made in.
   */
  write(changes: readonly AlertChange[]): Promise<void> {
    if (changes.length === 0) return this.queue;
    const alerts = changes.map((c) => alertRow(c.alert, c.subjectKey));
    const events = changes.map((c) => auditRow(c, this.chain));
    const ts = new Date(this.deps.now()).toISOString();
    const messages = changes.map((c) => {
      const event: AlertEvent = { type: c.type, alert: c.alert, ts };
      return { key: c.alert.alertId, value: JSON.stringify(event) };
    });
    const run = this.queue.then(async () => {
      // The two tables in parallel: the audit hashes are already chained, so their order is fixed; what
      // matters is that both are stored before Kafka hears of the change.
      await Promise.all([
        this.retry('clickhouse', () =>
          this.deps.clickhouse.insert({ table: ALERT_TABLES.alerts, values: alerts, format: 'JSONEachRow' }),
        ),
        this.retry('clickhouse', () =>
          this.deps.clickhouse.insert({
            table: ALERT_TABLES.alertEvents,
            values: events,
            format: 'JSONEachRow',
          }),
        ),
      ]);
      await this.retry('kafka', () => this.deps.producer.send({ topic: TOPICS.alerts, acks: -1, messages }));
      for (const change of changes) {
        this.deps.metrics.alertEvents.inc({ type: change.type, level: change.alert.level });
        this.deps.logger.info(
          {
            alertId: change.alert.alertId,
            version: change.alert.version,
            type: change.type,
            cause: change.cause.type,
            level: change.alert.level,
            status: change.alert.status,
            topic: TOPICS.alerts,
          },
          `alert ${change.type}`,
        );
      }
    });
    // A failed write (only at shutdown) must not wedge the queue for the next caller.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async retry(target: 'clickhouse' | 'kafka', attempt: () => Promise<unknown>): Promise<void> {
    // An object, not a `let`: the flag is set inside the retry callback.
    const state = { counted: false };
    try {
      await retryUntilDone(attempt, {
        signal: this.deps.signal,
        onFailure: (error, attemptNumber, delayMs) => {
          if (!state.counted) {
            state.counted = true;
            this.failing += 1;
          }
          this.deps.metrics.sinkRetries.inc({ target });
          this.deps.logger.warn(
            { err: error, target, attempt: attemptNumber, retryInMs: delayMs },
            'alert write failed; retrying',
          );
        },
      });
    } finally {
      if (state.counted) this.failing -= 1;
    }
  }
}
