// What a sensor reads: the site's character (sensor-layout.ts) under the season, the hour and the
// scenario, plus measurement noise. Values stay in ranges plausible for Shenzhen: PM2.5 ~10–40 µg/m³,
// noise 45–70 dBA, water gauges ~1 m rising by 1.6–2.6 m in a lowland flood.
import { SENSOR_KINDS } from '@citybrain/schemas/events';
import { airTemperature, particleFactor, trafficDemand } from './curves.js';
import type { SeededRandom } from './random.js';
import type { ScenarioState } from './scenarios.js';
import type { SensorSite, SensorSpec } from './sensor-layout.js';

export interface SensorContext {
  utcMs: number;
  hour: number;
  month: number;
  state: ScenarioState;
}

/** Semi-diurnal tide in the Pearl River estuary: period 12.42 h, about ±0.15 m at the river mouths. */
const TIDE_PERIOD_HOURS = 12.42;
const TIDE_AMPLITUDE_M = 0.15;

function pm25(site: SensorSite, context: SensorContext): number {
  const washedOut = 1 - 0.5 * context.state.rain; // rain scavenges particles
  const traffic = 6 * site.trafficExposure * trafficDemand(context.hour);
  return site.pm25Background * particleFactor(context.month, context.hour) * washedOut + traffic;
}

/** China's IAQI for a concentration (HJ 633-2012, 24-hour breakpoints), linear between breakpoints. */
function iaqi(concentration: number, breakpoints: readonly number[]): number {
  const indices = [0, 50, 100, 150, 200, 300, 400, 500];
  for (let i = 1; i < breakpoints.length; i++) {
    const high = breakpoints[i] as number;
    if (concentration <= high) {
      const low = breakpoints[i - 1] as number;
      const [iLow, iHigh] = [indices[i - 1] as number, indices[i] as number];
      return iLow + ((iHigh - iLow) * (concentration - low)) / (high - low);
    }
  }
  return 500;
}

const PM25_BREAKPOINTS = [0, 35, 75, 115, 150, 250, 350, 500];
const PM10_BREAKPOINTS = [0, 50, 150, 250, 350, 420, 500, 600];

function expectedValue(sensor: SensorSpec, context: SensorContext, noise: (sd: number) => number): number {
  const { site } = sensor;
  const { state, hour } = context;
  const demand = trafficDemand(hour);
  switch (sensor.kind) {
    case 'air.pm25':
      return pm25(site, context) * (1 + noise(0.08));
    case 'air.pm10':
      return pm25(site, context) * site.coarseRatio * (1 + noise(0.08));
    case 'air.aqi': {
      const fine = pm25(site, context) * (1 + noise(0.06));
      return Math.max(iaqi(fine, PM25_BREAKPOINTS), iaqi(fine * site.coarseRatio, PM10_BREAKPOINTS));
    }
    case 'air.no2':
      return 15 + 45 * site.trafficExposure * demand * (1 - 0.2 * state.rain) + noise(3);
    case 'noise.leq':
      return (
        42 +
        3 * site.localOffset +
        26 * Math.sqrt(site.trafficExposure) * (demand / 1.1) +
        4 * state.rain +
        noise(1.2)
      );
    case 'temperature':
      return airTemperature(context.month, hour) + site.localOffset - 4 * state.rain + noise(0.2);
    case 'rain.intensity':
      return state.rain === 0 ? 0 : site.rainPeak * state.rain * (1 + noise(0.03));
    case 'water.level': {
      const hours = context.utcMs / 3_600_000;
      const tide = site.tidal ? TIDE_AMPLITUDE_M * Math.sin((2 * Math.PI * hours) / TIDE_PERIOD_HOURS) : 0;
      return site.waterBaseline + tide + site.floodRise * state.flood + noise(0.01);
    }
  }
}

/** Decimal places a real instrument of the kind reports. */
const PRECISION: Readonly<Record<SensorSpec['kind'], number>> = {
  'air.pm25': 1,
  'air.pm10': 1,
  'air.no2': 1,
  'air.aqi': 0,
  'noise.leq': 1,
  'water.level': 2,
  'rain.intensity': 1,
  temperature: 1,
};

/** One reading, rounded to the instrument's precision and kept inside the kind's physical range. */
export function sensorValue(sensor: SensorSpec, context: SensorContext, random: SeededRandom): number {
  const raw = expectedValue(sensor, context, (sd) => random.normal(0, sd));
  const { min, max } = SENSOR_KINDS[sensor.kind];
  const scale = 10 ** PRECISION[sensor.kind];
  // Clamped so noise never makes a concentration negative: the kinds' minimum is 0 where that matters.
  return Math.min(max, Math.max(min, Math.round(raw * scale) / scale));
}
