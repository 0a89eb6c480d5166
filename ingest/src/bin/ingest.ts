#!/usr/bin/env -S npx tsx
// Runs ingest alone: `KAFKA_BROKERS=host:9092 npm run start -w @citybrain/ingest`.
import { runService } from '@citybrain/service-kit';
import { pino } from 'pino';
import { loadIngestConfig } from '../config.js';
import { start } from '../start.js';

await runService(loadIngestConfig, (config) => start(config, { logger: pino({ level: config.logLevel }) }));
