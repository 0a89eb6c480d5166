// Kafka helpers for integration tests against the librdkafka mock cluster.
import { alertEvent, type AlertEvent } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { uniqueName } from '@citybrain/devstack/testing';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';

export function testKafka(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'citybrain-test', brokers, logLevel: logLevel.NOTHING });
}

export async function produceJson(
  producer: Producer,
  topic: string,
  events: object[],
  keyOf: (e: object) => string,
): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((e) => ({ key: keyOf(e), value: JSON.stringify(e) })),
  });
}

export interface ReceivedAlert {
  event: AlertEvent;
  /** Wall-clock ms when the test consumer received it. */
  receivedAt: number;
  /** A label the test sets while producing (e.g. the simulated minute produced last). */
  tag: number;
}

/** Collects every AlertEvent on city.alerts.v1 from the beginning, tagging each with `tag()` on arrival. */
export async function collectAlerts(
  kafka: Kafka,
  tag: () => number,
): Promise<{ received: ReceivedAlert[]; consumer: Consumer }> {
  const received: ReceivedAlert[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('alerts-reader'), maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.alerts, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const parsed = alertEvent.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      if (parsed.success) received.push({ event: parsed.data, receivedAt: Date.now(), tag: tag() });
      return Promise.resolve();
    },
  });
  // Tags are only meaningful if the reader is in the group before the test starts producing.
  await joined;
  return { received, consumer };
}
