import { z } from 'zod';
import { eventBase, hasLocation, locationRule } from './common.js';

/**
 * Sensor kinds with their canonical unit and the physically plausible range; a value outside it is a
 * broken sensor or a unit mix-up, and goes to the dead-letter topic rather than into a chart.
 */
export const SENSOR_KINDS = {
  'air.pm25': { unit: 'µg/m³', min: 0, max: 2000 },
  'air.pm10': { unit: 'µg/m³', min: 0, max: 3000 },
  'air.no2': { unit: 'µg/m³', min: 0, max: 4000 },
  'air.aqi': { unit: 'AQI', min: 0, max: 500 },
  'noise.leq': { unit: 'dBA', min: 0, max: 160 },
  'water.level': { unit: 'm', min: -20, max: 200 },
  'rain.intensity': { unit: 'mm/h', min: 0, max: 500 },
  temperature: { unit: '°C', min: -50, max: 70 },
} as const satisfies Record<string, { unit: string; min: number; max: number }>;

export type SensorKind = keyof typeof SENSOR_KINDS;
export const sensorKind = z.enum(Object.keys(SENSOR_KINDS) as [SensorKind, ...SensorKind[]]);

/** ASCII spellings producers commonly send, mapped to the canonical unit. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  'ug/m3': 'µg/m³',
  'μg/m³': 'µg/m³', // Greek mu (U+03BC) vs micro sign (U+00B5)
  'µg/m3': 'µg/m³',
  dB: 'dBA',
  'dB(A)': 'dBA',
  C: '°C',
  degC: '°C',
  aqi: 'AQI',
};

export function canonicalUnit(unit: string): string {
  return UNIT_ALIASES[unit] ?? unit;
}

export const sensorReading = z
  .object({
    ...eventBase,
    sensorId: z.string().min(1).max(128),
    kind: sensorKind,
    value: z.number(),
    unit: z.string().min(1).max(16).transform(canonicalUnit),
  })
  .refine(hasLocation, locationRule)
  .superRefine((reading, ctx) => {
    const spec = SENSOR_KINDS[reading.kind];
    if (reading.unit !== spec.unit) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `${reading.kind} is measured in ${spec.unit}`,
      });
    }
    if (reading.value < spec.min || reading.value > spec.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${reading.kind} must be within ${spec.min}..${spec.max} ${spec.unit}`,
      });
    }
  });

export type SensorReading = z.infer<typeof sensorReading>;
