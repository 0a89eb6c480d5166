#!/usr/bin/env -S npx tsx
// Runs web alone: `KAFKA_BROKERS=host:9092 npm run start -w @citybrain/web`.
import { runService } from '@citybrain/service-kit';
import { pino } from 'pino';
import { loadWebConfig } from '../config.js';
import { start } from '../server/start.js';

await runService(loadWebConfig, async (config) => {
  const web = await start(config, { logger: pino({ level: config.logLevel }) });
  process.stdout.write(`citybrain wall: ${web.url}/wall (${web.mode})\n`);
  return web;
});
