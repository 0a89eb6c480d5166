// The city feed simulator as a service the embedded launcher can run in-process (DESIGN §2): a realistic
// Shenzhen feed of crowd heat, sensor readings, traffic flow and incidents, produced to Kafka.
import { randomBytes } from 'node:crypto';
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { keyedProducer } from '@citybrain/service-kit';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { DEFAULT_RATE, DEFAULT_SPEED, MAX_RATE, MAX_SPEED, RUN_ID_PATTERN } from './defaults.js';
import { createFeed, resolveStartMs } from './feed.js';
import { runFeedLoop, type WallClock } from './producer.js';
import { randomSeed } from './random.js';
import type { ScenarioName } from './scenarios.js';

export { SCENARIO_NAMES, SCENARIOS, isScenarioName, type ScenarioName } from './scenarios.js';
export { createFeed, resolveStartMs, type Feed, type FeedSetup } from './feed.js';
export type { FeedEvent } from './generator.js';
export { DEFAULT_RATE, DEFAULT_SPEED } from './defaults.js';

export interface SimulatorOptions {
  kafka: Kafka;
  logger: Logger;
  scenario: ScenarioName;
  /** Same seed, run id, start time, speed and rate → the same events. Default: random (logged). */
  seed?: number | undefined;
  /** Simulated seconds per wall-clock second: 1 = real time, 60 = a simulated minute per second. Default 1. */
  speed?: number | undefined;
  /** Wall-clock events per second (see cadence.ts for how it trades against speed). Default 1000. */
  rate?: number | undefined;
  /** Simulated start. Default: now, or the scenario's own local start time (evening-rush: 17:00 today). */
  startTime?: Date | undefined;
  /** Prefix of event ids (`${runId}-${seq}`). Default: 8 random hex digits, so ids never collide across runs. */
  runId?: string | undefined;
  /** Stop by itself after this many wall-clock seconds. Default: run until stopped. */
  durationSeconds?: number | undefined;
  /** District index to place sensors with; built from the default district file when absent. */
  districts?: DistrictIndex | undefined;
  clock?: WallClock | undefined;
}

export interface RunningSimulator {
  readonly runId: string;
  readonly seed: number;
  /** Resolves once the simulator has stopped (by `stop()` or at the end of its duration) and disconnected. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

export class SimulatorOptionsError extends Error {
  override readonly name = 'SimulatorOptionsError';
}

function checkOptions(speed: number, rate: number, runId: string, durationSeconds: number | undefined): void {
  if (!(speed > 0 && speed <= MAX_SPEED)) {
    throw new SimulatorOptionsError(`speed must be in (0, ${MAX_SPEED}], got ${speed}`);
  }
  if (!(Number.isInteger(rate) && rate > 0 && rate <= MAX_RATE)) {
    throw new SimulatorOptionsError(`rate must be an integer in 1..${MAX_RATE}, got ${rate}`);
  }
  if (!RUN_ID_PATTERN.test(runId)) {
    throw new SimulatorOptionsError(`runId must match ${RUN_ID_PATTERN.source}, got "${runId}"`);
  }
  if (durationSeconds !== undefined && !(durationSeconds > 0)) {
    throw new SimulatorOptionsError(`durationSeconds must be positive, got ${durationSeconds}`);
  }
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const { kafka, scenario, durationSeconds } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const speed = options.speed ?? DEFAULT_SPEED;
  const rate = options.rate ?? DEFAULT_RATE;
  const seed = options.seed ?? randomSeed();
  const runId = options.runId ?? randomBytes(4).toString('hex');
  checkOptions(speed, rate, runId, durationSeconds);
  const logger = options.logger.child({ component: 'simulator', runId });

  const districts = options.districts ?? new DistrictIndex(loadDistricts());
  const startMs = resolveStartMs(scenario, options.startTime, clock.now());
  const { model, generator, plan } = createFeed({
    seed,
    scenario,
    runId,
    startMs,
    districts,
    pace: { speed, rate },
  });

  const producer = keyedProducer(kafka, { allowAutoTopicCreation: true });
  await producer.connect();
  logger.info(
    {
      scenario,
      seed,
      speed,
      rate,
      start: new Date(startMs).toISOString(),
      sensors: model.sensors.length,
      crowdCells: model.crowdCells.length,
      segments: model.segments.length,
      cadenceScale: Number(plan.cadenceScale.toFixed(4)),
      expectedRate: Math.round(plan.expectedRate),
      effectiveSpeed: Number(plan.effectiveSpeed.toFixed(2)),
    },
    'simulator started',
  );

  const loop = runFeedLoop({
    producer,
    generator,
    logger,
    speed,
    rate,
    clock,
    durationMs: durationSeconds === undefined ? undefined : durationSeconds * 1000,
  });
  const finished = loop.finished
    .finally(() => producer.disconnect())
    .then(
      () => logger.info('simulator stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'simulator failed');
        throw error;
      },
    );
  // Logged above; whoever awaits `finished` or `stop()` still gets the error, but an in-process host that
  // does not (the embedded launcher) is not brought down by an unhandled rejection.
  finished.catch(() => undefined);
  return {
    runId,
    seed,
    finished,
    stop: async () => {
      await loop.stop();
      await finished;
    },
  };
}
