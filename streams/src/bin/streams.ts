#!/usr/bin/env -S npx tsx
// Runs streams alone: `KAFKA_BROKERS=host:9092 npm run start -w @citybrain/streams`.
import { runUntilSignal } from '@citybrain/service-kit';
import { pino } from 'pino';
import { ConfigError, loadStreamsConfig } from '../config.js';
import { start } from '../start.js';

try {
  const config = loadStreamsConfig();
  await runUntilSignal(() => start(config, { logger: pino({ level: config.logLevel }) }));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
