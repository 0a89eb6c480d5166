// Environment variables every service reads the same way. Each service still owns its config.ts (the only
// place that reads process.env); these are the shared pieces of its zod schema.
import { resolve } from 'node:path';
import type { ClickHouseTarget } from '@citybrain/schemas/clickhouse';
import { z } from 'zod';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const logLevelVar = z.enum(LOG_LEVELS).default('info');

export const portVar = z.coerce.number().int().min(0).max(65_535);

/** `KAFKA_BROKERS`: `host:port[,host:port…]`. */
export const kafkaBrokersVar = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'is required: a comma-separated host:port list, e.g. 127.0.0.1:9092'
        : undefined,
  })
  .transform((text) =>
    text
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^[^:\s]+:\d{1,5}$/, 'each broker must be host:port'))
      .min(1, 'at least one broker'),
  );

/** ClickHouse server (cluster mode) or chDB data path (embedded mode). */
export const clickhouseVars = {
  CLICKHOUSE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: z.string().regex(/^\w+$/, 'must be a database name').optional(),
  CHDB_PATH: z.string().min(1).default('./data/chdb'),
};

type ClickHouseVars = z.infer<z.ZodObject<typeof clickhouseVars>>;

export function clickhouseTargetOf(e: ClickHouseVars): ClickHouseTarget {
  if (e.CLICKHOUSE_URL === undefined) return { kind: 'chdb', path: resolve(e.CHDB_PATH) };
  return {
    kind: 'server',
    url: e.CLICKHOUSE_URL,
    ...(e.CLICKHOUSE_USER !== undefined ? { username: e.CLICKHOUSE_USER } : {}),
    ...(e.CLICKHOUSE_PASSWORD !== undefined ? { password: e.CLICKHOUSE_PASSWORD } : {}),
    ...(e.CLICKHOUSE_DATABASE !== undefined ? { database: e.CLICKHOUSE_DATABASE } : {}),
  };
}

/** One line per bad variable, `NAME: what is wrong`, for the start-up error. */
export function describeEnvIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`).join('\n');
}

/** A bad configuration value: start-up stops with this message, which names each bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment with a service's schema, or throws ConfigError listing every bad variable. */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
  service: string,
): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success)
    throw new ConfigError(`invalid ${service} configuration:\n${describeEnvIssues(parsed.error)}`);
  return parsed.data;
}
