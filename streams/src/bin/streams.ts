#!/usr/bin/env -S npx tsx
// Runs streams alone: `KAFKA_BROKERS=host:9092 npm run start -w @citybrain/streams`.
import { runService } from '@citybrain/service-kit';
import { pino } from 'pino';
import { loadStreamsConfig } from '../config.js';
import { start } from '../start.js';

await runService(loadStreamsConfig, (config) => start(config, { logger: pino({ level: config.logLevel }) }));
