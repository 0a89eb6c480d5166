// How often each entity reports, in simulated time, so the feed runs at the requested wall-clock rate.
//
// Nominal intervals are the slowest a consumer may count on: crowd cells and road segments every simulated
// minute, sensors every 1–5 minutes. `--speed` multiplies the wall-clock rate those produce; `--rate` sets it:
// - rate above what the speed produces: intervals shrink (down to 1/60 of nominal, e.g. a crowd cell every
//   simulated second), so a real-time demo is still lively;
// - rate below it: intervals stay nominal, the producer sends at `rate` and the simulated clock runs slower
//   than `--speed` (the loop logs the effective speed) rather than thinning the data.
import type { CityModel } from './city-model.js';

/** Crowd cells and road segments report every simulated minute at scale 1. */
export const CROWD_CADENCE_SECONDS = 60;
export const TRAFFIC_CADENCE_SECONDS = 60;
export const MIN_CADENCE_SCALE = 1 / 60;

/** Nominal interval per entity, in the generator's entity order: crowd cells, sensors, segments. */
export function nominalCadenceSeconds(model: CityModel): number[] {
  return [
    ...model.crowdCells.map(() => CROWD_CADENCE_SECONDS),
    ...model.sensors.map((sensor) => sensor.cadenceSeconds),
    ...model.segments.map(() => TRAFFIC_CADENCE_SECONDS),
  ];
}

export interface CadencePlan {
  /** Multiplier on every nominal interval. */
  cadenceScale: number;
  /** Wall-clock events per second the plan produces at the requested speed. */
  expectedRate: number;
  /** Simulated seconds per wall-clock second once the rate cap applies (= speed when it does not bind). */
  effectiveSpeed: number;
}

function nominalPerSimulatedSecond(model: CityModel): number {
  return nominalCadenceSeconds(model).reduce((sum, seconds) => sum + 1 / seconds, 0);
}

/** Every entity at its nominal interval, in real time. */
export function nominalPlan(model: CityModel): CadencePlan {
  return { cadenceScale: 1, expectedRate: nominalPerSimulatedSecond(model), effectiveSpeed: 1 };
}

export function planCadence(model: CityModel, speed: number, rate: number): CadencePlan {
  const natural = nominalPerSimulatedSecond(model) * speed;
  const cadenceScale = Math.min(1, Math.max(MIN_CADENCE_SCALE, natural / rate));
  const expectedRate = natural / cadenceScale;
  return {
    cadenceScale,
    expectedRate,
    effectiveSpeed: expectedRate > rate ? (speed * rate) / expectedRate : speed,
  };
}
