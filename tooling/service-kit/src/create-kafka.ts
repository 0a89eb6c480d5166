import { Kafka } from 'kafkajs';
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
