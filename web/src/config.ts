// The only place web reads the environment (STYLE §3). Every bad value stops start-up with a message naming
// the variable.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
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

/** The accounts variables, shared by the server and the `users` CLI. */
const authVars = {
  DATA_DIR: z.string().min(1).default('./data'),
  WEB_USERS_FILE: z.string().min(1).optional(),
  WEB_SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .optional(),
  WEB_SESSION_TTL_MIN: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(12 * 60),
  WEB_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
};

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
  ...authVars,
  WEB_ACTIONS_PER_SECOND: z.coerce.number().min(0.1).max(100).default(2),
  WEB_ACTIONS_BURST: z.coerce.number().int().min(1).max(1000).default(20),
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
  auth: AuthConfig;
  /** Per-user rate limit of alert actions. */
  actionLimits: { perSecond: number; burst: number };
  logLevel: LogLevel;
}

export interface AuthConfig {
  /** Accounts and displays (the `users` CLI writes it). */
  usersFile: string;
  /** Null in embedded mode without WEB_SESSION_SECRET: a secret is generated once under dataDir. */
  sessionSecret: string | null;
  dataDir: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
}

type AuthVars = z.infer<z.ZodObject<typeof authVars>>;

function authConfigOf(e: AuthVars, clusterMode: boolean): AuthConfig {
  if (clusterMode && e.WEB_SESSION_SECRET === undefined) {
    // Every instance must verify every other's tokens, so cluster mode cannot generate a secret per machine.
    throw new ConfigError(
      'invalid web configuration:\n  WEB_SESSION_SECRET: required when CLICKHOUSE_URL is set (cluster mode)',
    );
  }
  const dataDir = resolve(e.DATA_DIR);
  return {
    usersFile: resolve(e.WEB_USERS_FILE ?? join(dataDir, 'users.json')),
    sessionSecret: e.WEB_SESSION_SECRET ?? null,
    dataDir,
    sessionTtlMs: e.WEB_SESSION_TTL_MIN * 60_000,
    cookieSecure: e.WEB_COOKIE_SECURE === 'true',
  };
}

/** The accounts settings alone, for the `users` CLI (which needs no Kafka). */
export function loadAuthConfig(source: Record<string, string | undefined> = process.env): AuthConfig {
  const e = parseEnv(z.object({ ...authVars, CLICKHOUSE_URL: z.string().optional() }), source, 'web');
  return authConfigOf(e, e.CLICKHOUSE_URL !== undefined);
}

export function loadWebConfig(source: Record<string, string | undefined> = process.env): WebConfig {
  const e = parseEnv(env, source, 'web');
  const auth = authConfigOf(e, e.CLICKHOUSE_URL !== undefined);
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
    auth,
    actionLimits: { perSecond: e.WEB_ACTIONS_PER_SECOND, burst: e.WEB_ACTIONS_BURST },
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
