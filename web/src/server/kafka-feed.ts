// Consumes city.alerts.v1 and city.live.v1 into the city picture. One consumer group per instance (a
// broadcast, DESIGN §1) read from the beginning: the alert topic's history is how a new instance learns
// which alerts are active, and replaying live aggregates costs little (one small message per district).
import { alertEvent, liveAggregate, type AlertEvent, type LiveAggregate } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { WebMetrics } from './metrics.js';

export interface FeedHandlers {
  onAlert(event: AlertEvent): void;
  onLive(aggregate: LiveAggregate): void;
}

export interface KafkaFeed {
  stop(): Promise<void>;
}

export async function startKafkaFeed(
  deps: { kafka: Kafka; logger: Logger; metrics: WebMetrics },
  options: { groupId: string },
  handlers: FeedHandlers,
): Promise<KafkaFeed> {
  const { kafka, logger, metrics } = deps;
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    // The wall is latency-bound, not throughput-bound: answer fetches as soon as anything arrives (the mock
    // broker answers only when the wait expires, so this bounds each hop's delay there).
    maxWaitTimeInMs: 50,
    allowAutoTopicCreation: true,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.alerts, TOPICS.live], fromBeginning: true });
  await consumer.run({
    // Offsets of a per-instance group are never read again; committing them only costs broker work.
    autoCommit: false,
    eachMessage: ({ topic, partition, message }) => {
      metrics.messages.inc({ topic });
      let value: unknown;
      try {
        value = JSON.parse(String(message.value));
      } catch {
        value = undefined;
      }
      const parsed = topic === TOPICS.alerts ? alertEvent.safeParse(value) : liveAggregate.safeParse(value);
      if (!parsed.success) {
        // Bad input is ingest's and streams' business to dead-letter; the wall skips it and says so.
        metrics.rejected.inc({ topic });
        logger.warn(
          { topic, partition, offset: message.offset },
          'skipping a message that is not a valid contract',
        );
        return Promise.resolve();
      }
      if (topic === TOPICS.alerts) handlers.onAlert(parsed.data as AlertEvent);
      else handlers.onLive(parsed.data as LiveAggregate);
      return Promise.resolve();
    },
  });
  logger.info({ groupId: options.groupId, topics: [TOPICS.alerts, TOPICS.live] }, 'wall feed consuming');
  return { stop: () => consumer.disconnect() };
}
