#!/usr/bin/env -S npx tsx
// Runs ingest alone: `KAFKA_BROKERS=host:9092 npm run start -w @citybrain/ingest`.
import { pino } from 'pino';
import { ConfigError, loadIngestConfig } from '../config.js';
import { start } from '../start.js';
import { runUntilSignal } from '@citybrain/service-kit';

try {
  const config = loadIngestConfig();
  await runUntilSignal(() => start(config, { logger: pino({ level: config.logLevel }) }));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
