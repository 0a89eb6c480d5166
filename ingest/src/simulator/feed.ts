// Wires a run's pure parts together from its seed: the city layout, the reporting cadence and the
// generator, each drawing on its own random stream so the layout depends on the seed alone.
import type { DistrictIndex } from '@citybrain/schemas/geo';
import { nominalPlan, planCadence, type CadencePlan } from './cadence.js';
import { buildCityModel, type CityModel } from './city-model.js';
import { FeedGenerator } from './generator.js';
import { atLocalTime } from './local-time.js';
import { SeededRandom } from './random.js';
import { SCENARIOS, type ScenarioName } from './scenarios.js';

export interface FeedSetup {
  seed: number;
  scenario: ScenarioName;
  runId: string;
  startMs: number;
  districts: DistrictIndex;
  /** Wall-clock pace to plan the cadence for; without it every entity reports at its nominal interval. */
  pace?: { speed: number; rate: number } | undefined;
}

export interface Feed {
  model: CityModel;
  generator: FeedGenerator;
  plan: CadencePlan;
}

export function createFeed(setup: FeedSetup): Feed {
  const root = new SeededRandom(setup.seed);
  const model = buildCityModel(root.fork(), setup.districts);
  const plan =
    setup.pace === undefined ? nominalPlan(model) : planCadence(model, setup.pace.speed, setup.pace.rate);
  const generator = new FeedGenerator({
    model,
    scenario: SCENARIOS[setup.scenario],
    random: root.fork(),
    runId: setup.runId,
    startMs: setup.startMs,
    cadenceScale: plan.cadenceScale,
  });
  return { model, generator, plan };
}

/** An explicit start wins; else the scenario's local start time today (evening-rush: 17:00); else now. */
export function resolveStartMs(scenario: ScenarioName, startTime: Date | undefined, nowMs: number): number {
  if (startTime !== undefined) return startTime.getTime();
  const startsAt = SCENARIOS[scenario].startsAtLocal;
  return startsAt === undefined ? nowMs : atLocalTime(nowMs, startsAt.hour, startsAt.minute);
}
