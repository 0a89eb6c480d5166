// The only place web reads the environment (STYLE §3). Every bad value stops start-up with a message naming
// the variable.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DEFAULT_DISTRICTS_FILE } from '@citybrain/schemas/geo';
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

/**
 * prod: serve the `next build` output (fast pages; needs a build). dev: compile pages on request (hot
 * reload; the wall's first load compiles maplibre + deck.gl). auto: prod when a build exists, else dev.
 */
export type WebMode = 'prod' | 'dev' | 'auto';

const env = z.object({
  KAFKA_BROKERS: kafkaBrokersVar,
  ...clickhouseVars,
  DISTRICTS_GEOJSON: z.string().min(1).default(DEFAULT_DISTRICTS_FILE),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: portVar.default(3000),
  WEB_MODE: z.enum(['prod', 'dev', 'auto']).default('auto'),
  WEB_GROUP_PREFIX: z.string().min(1).default('web'),
  WEB_INSTANCE_ID: z
    .string()
    .regex(/^[\w.-]+$/, 'letters, digits, dot, dash or underscore')
    .optional(),
  WEB_STALE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(20_000),
  WEB_RECOVERY_MS: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
  LOG_LEVEL: logLevelVar,
});

export interface WebConfig {
  kafkaBrokers: string[];
  clickhouse: ClickHouseTarget;
  districtsFile: string;
  http: { host: string; port: number };
  mode: WebMode;
  /** Kafka consumer group of this instance: unique per instance so every instance sees every message. */
  groupId: string;
  staleAfterMs: number;
  /** How long Socket.IO keeps a dropped connection's missed messages for it (connection-state recovery). */
  recoveryMs: number;
  logLevel: LogLevel;
}

export function loadWebConfig(source: Record<string, string | undefined> = process.env): WebConfig {
  const e = parseEnv(env, source, 'web');
  // A fixed group would split the topics between instances (each would see part of the city): the
  // default instance id adds a random part, so even two instances on one host stay distinct.
  const instance = e.WEB_INSTANCE_ID ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  return {
    kafkaBrokers: e.KAFKA_BROKERS,
    clickhouse: clickhouseTargetOf(e),
    districtsFile: e.DISTRICTS_GEOJSON,
    http: { host: e.WEB_HOST, port: e.WEB_PORT },
    mode: e.WEB_MODE,
    groupId: `${e.WEB_GROUP_PREFIX}-${instance}`,
    staleAfterMs: e.WEB_STALE_MS,
    recoveryMs: e.WEB_RECOVERY_MS,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * Next.js reads a few switches from the environment itself; set them here, once, so the rest of web never
 * touches process.env. Telemetry is off: ops centers run on intranets (DESIGN §6).
 */
export function prepareNextEnvironment(mode: 'prod' | 'dev'): void {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  // Next refuses to serve a production build under NODE_ENV=development and vice versa; the embedded
  // launcher runs with NODE_ENV unset.
  // (NODE_ENV is typed read-only by Next's globals, hence Reflect.)
  if (!('NODE_ENV' in process.env))
    Reflect.set(process.env, 'NODE_ENV', mode === 'prod' ? 'production' : 'development');
}
