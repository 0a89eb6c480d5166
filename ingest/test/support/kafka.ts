// Kafka helpers for integration tests against the librdkafka mock cluster.
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { waitFor } from '@citybrain/devstack/testing';

export function testKafka(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'citybrain-test', brokers, logLevel: logLevel.NOTHING });
}

export async function produceRaw(
  producer: Producer,
  topic: string,
  messages: { key?: string; value: Buffer | string | null }[],
): Promise<void> {
  for (let i = 0; i < messages.length; i += 2_000) {
    await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 2_000) });
  }
}

export async function produceJson(
  producer: Producer,
  topic: string,
  events: object[],
  keyOf: (e: object) => string,
) {
  await produceRaw(
    producer,
    topic,
    events.map((event) => ({ key: keyOf(event), value: JSON.stringify(event) })),
  );
}

/** Committed offsets of a group minus each partition's end offset, summed over the topics. */
export async function consumerLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<number> {
  let lag = 0;
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic).catch(() => []);
    const groupTopic = committed.find((c) => c.topic === topic);
    for (const end of ends) {
      const done = groupTopic?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      lag += Number(end.high) - Math.max(0, Number(done));
    }
  }
  return lag;
}

export function waitForNoLag(admin: Admin, groupId: string, topics: readonly string[], timeoutMs = 60_000) {
  return waitFor(
    () => consumerLag(admin, groupId, topics),
    (lag) => lag === 0,
    {
      timeoutMs,
      intervalMs: 250,
      what: `group ${groupId} to commit every produced offset`,
    },
  );
}
