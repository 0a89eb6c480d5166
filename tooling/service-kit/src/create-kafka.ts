import { Kafka, Partitioners, type Producer, type ProducerConfig } from 'kafkajs';
import type { Logger } from 'pino';
import { kafkaLogLevel, pinoLogCreator } from './pino-log-creator.js';

export function createKafka(brokers: string[], clientId: string, logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: kafkaLogLevel(logger),
    logCreator: pinoLogCreator(logger),
    // Reconnect patiently: a broker restart must not kill the service (DESIGN §5: back off, never drop).
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 30_000 },
  });
}

/**
 * A producer that partitions by message key with kafkajs's default partitioner (murmur2, as Java clients
 * do): a topic's key is the entity whose order matters (DESIGN §4), so one entity's events stay in one
 * partition whichever service or client wrote them. Naming it also keeps kafkajs from warning at every start.
 */
export function keyedProducer(
  kafka: Kafka,
  config: Omit<ProducerConfig, 'createPartitioner'> = {},
): Producer {
  return kafka.producer({ ...config, createPartitioner: Partitioners.DefaultPartitioner });
}
