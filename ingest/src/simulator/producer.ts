// The wall-clock side of the simulator: every tick it asks the generator for the events due by now (scaled
// by --speed), within a token bucket of --rate events per second, and sends them in one kafkajs batch.
import type { Producer, TopicMessages } from 'kafkajs';
import type { Logger } from 'pino';
import { MAX_FUTURE_MS } from '../pipeline/validate.js';
import type { FeedEvent, FeedGenerator } from './generator.js';
import { formatLocalClock } from './local-time.js';

export interface WallClock {
  now(): number;
}

export interface FeedLoopOptions {
  producer: Producer;
  generator: FeedGenerator;
  logger: Logger;
  /** Simulated seconds per wall-clock second. */
  speed: number;
  /** Most events sent per wall-clock second. */
  rate: number;
  /** Stop by itself after this many wall-clock milliseconds. */
  durationMs?: number | undefined;
  clock?: WallClock;
  /** How often the progress line is logged, wall-clock ms. */
  summaryIntervalMs?: number;
}

export interface FeedLoop {
  /** Resolves when the loop has ended (stopped, or its duration is over), its last batch sent. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
  /** Events sent so far, per topic. */
  sentByTopic(): Readonly<Record<string, number>>;
}

/** Ten batches a second: smooth enough for a live wall, few enough sends to stay cheap. */
const TICK_MS = 100;
const RETRY_AFTER_SEND_FAILURE_MS = 1_000;
/** The simulated clock is "lagging" when it is this many wall seconds of speed behind its target. */
const LAG_WARNING_WALL_MS = 2_000;

function toTopicMessages(events: readonly FeedEvent[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const event of events) {
    let batch = byTopic.get(event.topic);
    if (batch === undefined) {
      batch = { topic: event.topic, messages: [] };
      byTopic.set(event.topic, batch);
    }
    batch.messages.push({ key: event.key, value: JSON.stringify(event.value) });
  }
  return [...byTopic.values()];
}

export function runFeedLoop(options: FeedLoopOptions): FeedLoop {
  const { producer, generator, logger, speed, rate, durationMs } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const summaryIntervalMs = options.summaryIntervalMs ?? 5_000;
  const sent: Record<string, number> = {};
  let stopping = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async (): Promise<void> => {
    const wallStart = clock.now();
    const simulatedStart = generator.clock;
    let tokens = 0;
    let lastRefill = wallStart;
    let pending: FeedEvent[] = [];
    let lastSummary = wallStart;
    let sentAtLastSummary = 0;
    let warnedLag = false;
    let warnedFuture = false;

    const summarize = (now: number): void => {
      const total = Object.values(sent).reduce((sum, n) => sum + n, 0);
      const perSecond = Math.round(((total - sentAtLastSummary) * 1000) / Math.max(1, now - lastSummary));
      logger.info(
        {
          sent: { ...sent },
          total,
          perSecond,
          simulatedTime: new Date(generator.clock).toISOString(),
          localTime: formatLocalClock(generator.clock),
        },
        'simulator progress',
      );
      [lastSummary, sentAtLastSummary] = [now, total];
    };

    while (!stopping) {
      const tickStart = clock.now();
      if (durationMs !== undefined && tickStart - wallStart >= durationMs) break;
      // At most one second of burst, so a stall is not followed by a flood.
      tokens = Math.min(rate, tokens + ((tickStart - lastRefill) / 1000) * rate);
      lastRefill = tickStart;
      const target = simulatedStart + (tickStart - wallStart) * speed;
      if (pending.length === 0) pending = generator.eventsUntil(target, Math.floor(tokens));
      if (pending.length > 0) {
        try {
          await producer.sendBatch({ topicMessages: toTopicMessages(pending), acks: -1 });
          tokens -= pending.length;
          for (const event of pending) sent[event.topic] = (sent[event.topic] ?? 0) + 1;
          pending = [];
        } catch (error) {
          // kafkajs has already retried with backoff; keep the batch and try again rather than drop it.
          logger.error({ err: error, events: pending.length }, 'sending simulated events failed; retrying');
          await pause(RETRY_AFTER_SEND_FAILURE_MS);
          continue;
        }
      }
      if (!warnedLag && generator.clock < target - LAG_WARNING_WALL_MS * speed) {
        warnedLag = true;
        logger.warn(
          { rate, speed },
          'the rate cap is slowing the simulated clock below --speed; raise --rate to keep up',
        );
      }
      if (!warnedFuture && generator.clock - tickStart > MAX_FUTURE_MS / 2) {
        warnedFuture = true;
        logger.warn(
          { simulatedTime: new Date(generator.clock).toISOString() },
          'simulated time is far ahead of the wall clock; ingest refuses events over 24 h in the future',
        );
      }
      if (tickStart - lastSummary >= summaryIntervalMs) summarize(tickStart);
      await pause(Math.max(0, TICK_MS - (clock.now() - tickStart)));
    }
    if (pending.length > 0) logger.warn({ events: pending.length }, 'stopped with unsent simulated events');
    summarize(clock.now());
  };

  const finished = run();
  return {
    finished,
    stop: async () => {
      stopping = true;
      wake?.();
      await finished;
    },
    sentByTopic: () => ({ ...sent }),
  };
}
