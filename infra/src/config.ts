// The launcher's own settings; every service still validates its own variables from the same environment.
import { resolve } from 'node:path';
import { logLevelVar, parseEnv } from '@citybrain/service-kit';
import { z } from 'zod';

/** The launcher's errors are service-kit's ConfigError, like every service's. */
export { ConfigError as LauncherConfigError } from '@citybrain/service-kit';

const env = z.object({
  KAFKA_BROKERS: z.string().optional(),
  SIM_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SIM_SCENARIO: z.enum(['normal', 'holiday-surge', 'rainstorm', 'evening-rush']).default('normal'),
  SIM_SPEED: z.coerce.number().positive().max(3600).default(1),
  SIM_RATE: z.coerce.number().int().positive().max(200_000).optional(),
  SIM_SEED: z.coerce.number().int().optional(),
  LOG_LEVEL: logLevelVar,
  LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
});

export interface LauncherConfig {
  /** Null: start librdkafka's mock cluster in-process (embedded mode). */
  kafkaBrokers: string | null;
  simulator: {
    enabled: boolean;
    scenario: z.infer<typeof env>['SIM_SCENARIO'];
    speed: number;
    rate?: number;
    seed?: number;
  };
  logLevel: z.infer<typeof env>['LOG_LEVEL'];
  logFormat: 'pretty' | 'json';
  /** The environment handed to each service's own config loader. */
  serviceEnv: Record<string, string | undefined>;
}

export function loadLauncherConfig(source: Record<string, string | undefined> = process.env): LauncherConfig {
  const e = parseEnv(env, source, 'launcher');
  // `npm run demo` runs in infra/ (a workspace); npm keeps the directory it was started from in INIT_CWD,
  // so the data lands in ./data where the user ran the command.
  const dataDir = resolve(source.DATA_DIR ?? resolve(source.INIT_CWD ?? process.cwd(), 'data'));
  return {
    kafkaBrokers: e.KAFKA_BROKERS ?? null,
    simulator: {
      enabled: e.SIM_ENABLED,
      scenario: e.SIM_SCENARIO,
      speed: e.SIM_SPEED,
      ...(e.SIM_RATE !== undefined ? { rate: e.SIM_RATE } : {}),
      ...(e.SIM_SEED !== undefined ? { seed: e.SIM_SEED } : {}),
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    serviceEnv: { ...source, DATA_DIR: dataDir, CHDB_PATH: source.CHDB_PATH ?? resolve(dataDir, 'chdb') },
  };
}
