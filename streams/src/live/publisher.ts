// Publishes the live view to city.live.v1 every few seconds, keyed by district. Only districts whose picture
// changed go out each tick, and everything again once a minute, so a wall display that just connected has
// the whole city within a minute while a quiet city costs almost nothing.
import { TOPICS } from '@citybrain/schemas/topics';
import type { Alert } from '@citybrain/schemas/events';
import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { StreamsMetrics } from '../metrics.js';
import type { LiveStore } from './live-store.js';
import { buildLiveView } from './live-view.js';

export interface LivePublisherOptions {
  topN: number;
  /** Republish unchanged districts at least this often. */
  fullEveryMs: number;
}

export class LivePublisher {
  private readonly lastSent = new Map<string, string>();
  private lastFullMs = Number.NEGATIVE_INFINITY;
  private seq = 0;

  constructor(
    private readonly deps: {
      /** The engine's live store and alert book (a StreamEngine). */
      engine: { readonly live: LiveStore; readonly book: { alerts(): Iterable<Alert> } };
      producer: Pick<Producer, 'send'>;
      metrics: Pick<StreamsMetrics, 'liveMessages'>;
      logger: Logger;
      now: () => number;
    },
    private readonly options: LivePublisherOptions,
  ) {}

  async publish(): Promise<void> {
    const nowMs = this.deps.now();
    const full = nowMs - this.lastFullMs >= this.options.fullEveryMs;
    const view = buildLiveView(this.deps.engine.live, this.deps.engine.book.alerts(), {
      topCells: this.options.topN,
      topSegments: Math.max(10, Math.round(this.options.topN / 4)),
      seq: this.seq,
      nowMs,
    });
    const messages: { key: string; value: string }[] = [];
    for (const aggregate of view) {
      const content = JSON.stringify([
        aggregate.kpis,
        aggregate.heat,
        aggregate.congestion,
        aggregate.air,
        aggregate.sensors,
      ]);
      if (!full && this.lastSent.get(aggregate.district) === content) continue;
      this.lastSent.set(aggregate.district, content);
      messages.push({ key: aggregate.district, value: JSON.stringify(aggregate) });
    }
    if (full) this.lastFullMs = nowMs;
    if (messages.length === 0) return;
    this.seq += 1;
    try {
      await this.deps.producer.send({ topic: TOPICS.live, acks: 1, messages });
      this.deps.metrics.liveMessages.inc(messages.length);
    } catch (error) {
      // Live pictures are superseded within seconds: a failed tick is logged, not retried.
      this.lastSent.clear();
      this.deps.logger.warn({ err: error, topic: TOPICS.live }, 'live aggregate publish failed');
    }
  }
}
