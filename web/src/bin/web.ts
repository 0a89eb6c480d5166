#!/usr/bin/env -S npx tsx
// Runs web alone: `KAFKA_BROKERS=host:9092 npm run start -w @citybrain/web`.
import { runUntilSignal } from '@citybrain/service-kit';
import { pino } from 'pino';
import { ConfigError, loadWebConfig } from '../config.js';
import { start } from '../server/start.js';

try {
  const config = loadWebConfig();
  await runUntilSignal(async () => {
    const web = await start(config, { logger: pino({ level: config.logLevel }) });
    process.stdout.write(`citybrain wall: ${web.url}/wall (${web.mode})\n`);
    return web;
  });
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
