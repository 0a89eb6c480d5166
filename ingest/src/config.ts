// The only place ingest reads the environment (STYLE §3). Every bad value stops start-up with a message
// naming the variable.
import { resolve } from 'node:path';
import {
  DEFAULT_DISTRICTS_FILE,
  parseBoundingBox,
  SHENZHEN_BBOX,
  type BoundingBox,
} from '@citybrain/schemas/geo';
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
import { z } from 'zod';

export { ConfigError };

const env = z.object({
  KAFKA_BROKERS: kafkaBrokersVar,
  ...clickhouseVars,
  DATA_DIR: z.string().min(1).default('./data'),
  PSEUDONYM_KEY: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .optional(),
  CITY_BBOX: z
    .string()
    .optional()
    .transform((text, ctx): BoundingBox => {
      if (text === undefined) return SHENZHEN_BBOX;
      try {
        return parseBoundingBox(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  DISTRICTS_GEOJSON: z.string().min(1).default(DEFAULT_DISTRICTS_FILE),
  INGEST_GROUP_ID: z.string().min(1).default('ingest'),
  INGEST_BATCH_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  INGEST_FLUSH_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(1_000, 'batches flush at least once a second')
    .default(500),
  INGEST_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  INGEST_HTTP_PORT: portVar.default(9464),
  LOG_LEVEL: logLevelVar,
});

export interface IngestConfig {
  kafkaBrokers: string[];
  clickhouse: ClickHouseTarget;
  dataDir: string;
  /** Null in embedded mode without PSEUDONYM_KEY: a key is generated once under dataDir. */
  pseudonymKey: string | null;
  bbox: BoundingBox;
  districtsFile: string;
  groupId: string;
  batchRows: number;
  flushIntervalMs: number;
  http: { host: string; port: number };
  logLevel: LogLevel;
}

export function loadIngestConfig(source: Record<string, string | undefined> = process.env): IngestConfig {
  const e = parseEnv(env, source, 'ingest');
  const clickhouse = clickhouseTargetOf(e);
  if (clickhouse.kind === 'server' && e.PSEUDONYM_KEY === undefined) {
    // Several instances must pseudonymize alike, so cluster mode cannot generate a key per machine.
    throw new ConfigError(
      'invalid ingest configuration:\n  PSEUDONYM_KEY: required when CLICKHOUSE_URL is set (cluster mode)',
    );
  }
  return {
    kafkaBrokers: e.KAFKA_BROKERS,
    clickhouse,
    dataDir: resolve(e.DATA_DIR),
    pseudonymKey: e.PSEUDONYM_KEY ?? null,
    bbox: e.CITY_BBOX,
    districtsFile: e.DISTRICTS_GEOJSON,
    groupId: e.INGEST_GROUP_ID,
    batchRows: e.INGEST_BATCH_ROWS,
    flushIntervalMs: e.INGEST_FLUSH_MS,
    http: { host: e.INGEST_HTTP_HOST, port: e.INGEST_HTTP_PORT },
    logLevel: e.LOG_LEVEL,
  };
}
