// The only place streams reads the environment (STYLE §3). Every bad value stops start-up with a message
// naming the variable; the rules file is loaded and validated here too, so a bad threshold fails fast.
import { fileURLToPath } from 'node:url';
import type { ClickHouseTarget } from '@citybrain/schemas/clickhouse';
import {
  clickhouseTargetOf,
  clickhouseVars,
  ConfigError,
  parseEnv,
  kafkaBrokersVar,
  logLevelVar,
  portVar,
  type LogLevel,
} from '@citybrain/service-kit';
import { DEFAULT_DISTRICTS_FILE } from '@citybrain/schemas/geo';
import { z } from 'zod';
import { loadRules, RulesFileError } from './rules/load.js';
import type { RulesConfig } from './rules/schema.js';

export const DEFAULT_RULES_FILE = fileURLToPath(new URL('../rules/default.yaml', import.meta.url));

export { ConfigError };

const millis = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const env = z.object({
  KAFKA_BROKERS: kafkaBrokersVar,
  ...clickhouseVars,
  DISTRICTS_GEOJSON: z.string().min(1).default(DEFAULT_DISTRICTS_FILE),
  STREAMS_RULES_FILE: z.string().min(1).default(DEFAULT_RULES_FILE),
  STREAMS_GROUP_ID: z.string().min(1).default('streams'),
  STREAMS_WINDOW_MS: millis(1_000, 3_600_000, 60_000),
  STREAMS_ALLOWED_LATENESS_MS: millis(0, 3_600_000, 15_000),
  STREAMS_IDLE_PARTITION_MS: millis(100, 3_600_000, 5_000),
  STREAMS_STALE_MS: millis(1_000, 24 * 3_600_000, 600_000),
  STREAMS_LIVE_INTERVAL_MS: millis(250, 600_000, 5_000),
  STREAMS_LIVE_TOP_N: z.coerce.number().int().min(1).max(5_000).default(200),
  STREAMS_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  STREAMS_HTTP_PORT: portVar.default(9465),
  LOG_LEVEL: logLevelVar,
});

export interface StreamsConfig {
  kafkaBrokers: string[];
  clickhouse: ClickHouseTarget;
  districtsFile: string;
  rulesFile: string;
  rules: RulesConfig;
  groupId: string;
  windowMs: number;
  allowedLatenessMs: number;
  idlePartitionMs: number;
  staleMs: number;
  live: { intervalMs: number; topN: number };
  http: { host: string; port: number };
  logLevel: LogLevel;
}

export function loadStreamsConfig(source: Record<string, string | undefined> = process.env): StreamsConfig {
  const e = parseEnv(env, source, 'streams');
  let rules: RulesConfig;
  try {
    rules = loadRules(e.STREAMS_RULES_FILE);
  } catch (error) {
    if (error instanceof RulesFileError)
      throw new ConfigError(`invalid streams configuration:\n  STREAMS_RULES_FILE: ${error.message}`);
    throw error;
  }

  return {
    kafkaBrokers: e.KAFKA_BROKERS,
    clickhouse: clickhouseTargetOf(e),
    districtsFile: e.DISTRICTS_GEOJSON,
    rulesFile: e.STREAMS_RULES_FILE,
    rules,
    groupId: e.STREAMS_GROUP_ID,
    windowMs: e.STREAMS_WINDOW_MS,
    allowedLatenessMs: e.STREAMS_ALLOWED_LATENESS_MS,
    idlePartitionMs: e.STREAMS_IDLE_PARTITION_MS,
    staleMs: e.STREAMS_STALE_MS,
    live: { intervalMs: e.STREAMS_LIVE_INTERVAL_MS, topN: e.STREAMS_LIVE_TOP_N },
    http: { host: e.STREAMS_HTTP_HOST, port: e.STREAMS_HTTP_PORT },
    logLevel: e.LOG_LEVEL,
  };
}
