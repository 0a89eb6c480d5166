export { start, type IngestDeps, type RunningIngest } from './start.js';
export { loadIngestConfig, ConfigError, type IngestConfig } from './config.js';
export { createKafka } from '@citybrain/service-kit';
