// The simulator CLI's configuration, in one place (STYLE §3): the environment (KAFKA_BROKERS, LOG_LEVEL) and
// the command-line options, each bad value reported with the name of the variable or option to fix.
import { kafkaBrokersVar, logLevelVar, type LogLevel } from '@citybrain/service-kit';
import { z } from 'zod';
import { DEFAULT_RATE, DEFAULT_SPEED, MAX_RATE, MAX_SPEED, RUN_ID_PATTERN } from './defaults.js';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios.js';

export class SimulatorConfigError extends Error {
  override readonly name = 'SimulatorConfigError';
}

const env = z.object({
  KAFKA_BROKERS: kafkaBrokersVar,
  LOG_LEVEL: logLevelVar,
});

export interface SimulatorEnv {
  kafkaBrokers: string[];
  logLevel: LogLevel;
}

function fail(what: string, issues: readonly z.core.$ZodIssue[]): never {
  const lines = issues.map((issue) => `  ${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`);
  throw new SimulatorConfigError(`invalid ${what}:\n${lines.join('\n')}`);
}

export function loadSimulatorEnv(source: Record<string, string | undefined> = process.env): SimulatorEnv {
  const parsed = env.safeParse(source);
  if (!parsed.success) fail('simulator environment', parsed.error.issues);
  return { kafkaBrokers: parsed.data.KAFKA_BROKERS, logLevel: parsed.data.LOG_LEVEL };
}

const cli = z.object({
  scenario: z.enum(SCENARIO_NAMES).default('normal'),
  seed: z.coerce.number().int().min(-0x8000_0000).max(0x7fff_ffff).optional(),
  speed: z.coerce.number().positive().max(MAX_SPEED).default(DEFAULT_SPEED),
  rate: z.coerce.number().int().positive().max(MAX_RATE).default(DEFAULT_RATE),
  duration: z.coerce.number().positive().optional(),
  'run-id': z.string().regex(RUN_ID_PATTERN, 'letters, digits, "_", "." or "-", at most 40').optional(),
  start: z.iso
    .datetime({ offset: true, error: 'must be ISO-8601 with a zone, e.g. 2026-04-05T14:00:00+08:00' })
    .transform((text) => new Date(text))
    .optional(),
});

export interface SimulatorCliOptions {
  scenario: ScenarioName;
  seed: number | undefined;
  speed: number;
  rate: number;
  durationSeconds: number | undefined;
  runId: string | undefined;
  startTime: Date | undefined;
}

/** Validates the raw option strings `util.parseArgs` produced. */
export function parseCliOptions(
  values: Readonly<Record<string, string | boolean | undefined>>,
): SimulatorCliOptions {
  const parsed = cli.safeParse(values);
  if (!parsed.success)
    fail(
      'options',
      parsed.error.issues.map((issue) => ({ ...issue, path: issue.path.map((p) => `--${String(p)}`) })),
    );
  const o = parsed.data;
  return {
    scenario: o.scenario,
    seed: o.seed,
    speed: o.speed,
    rate: o.rate,
    durationSeconds: o.duration,
    runId: o['run-id'],
    startTime: o.start,
  };
}
