import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafkaMock, type KafkaMock } from './kafka-mock.js';
import { uniqueName, waitFor } from './testing.js';

describe('librdkafka mock cluster hosted by kcat', () => {
  let mock: KafkaMock;

  beforeAll(async () => {
    mock = await startKafkaMock();
  });

  afterAll(async () => {
    await mock.stop();
  });

  it('reports a loopback bootstrap broker', () => {
    expect(mock.brokers).toHaveLength(1);
    expect(mock.brokers[0]).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('carries messages from a kafkajs producer to a consumer group', async () => {
    const kafka = new Kafka({ clientId: 'devstack-test', brokers: mock.brokers, logLevel: logLevel.NOTHING });
    const topic = uniqueName('topic');
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: uniqueName('group') });
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'a', value: 'one' },
        { key: 'b', value: 'two' },
      ],
    });
    const received: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push(String(message.value));
        return Promise.resolve();
      },
    });
    await waitFor(
      () => received.length,
      (n) => n === 2,
      { what: 'both messages' },
    );
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
    expect(received.sort()).toEqual(['one', 'two']);
  });
});
