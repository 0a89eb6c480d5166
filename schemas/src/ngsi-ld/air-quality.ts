// AirQualityObserved (smart-data-models dataModel.Environment) → one SensorReading per measurement we track.
// Other pollutants (co, o3, so2, …) have no sensor kind of ours yet and are left out.
import type { z } from 'zod';
import { SENSOR_KINDS, type SensorKind, type sensorReading } from '../events/index.js';
import { observationEventId, readObservation } from './observation.js';
import { fail, type NgsiMapped, type Result } from './types.js';
import { readAttribute, readReference, toNumber, type Entity } from './values.js';

type Convert = (value: number) => number;

interface Measurement {
  kind: SensorKind;
  /** The model's attribute name first, then the upper-case spelling used in the model's own examples. */
  names: readonly string[];
  /** UN/CEFACT unitCode → conversion to our unit; undefined means the value is dimensionless. */
  unitCodes?: Readonly<Record<string, Convert>>;
}

const same: Convert = (v) => v;
const MASS_CONCENTRATION = { GQ: same, GP: (mg: number) => mg * 1000 }; // µg/m³, mg/m³

const MEASUREMENTS: readonly Measurement[] = [
  { kind: 'air.pm25', names: ['pm25', 'PM25'], unitCodes: MASS_CONCENTRATION },
  { kind: 'air.pm10', names: ['pm10', 'PM10'], unitCodes: MASS_CONCENTRATION },
  { kind: 'air.no2', names: ['no2', 'NO2'], unitCodes: MASS_CONCENTRATION },
  { kind: 'air.aqi', names: ['airQualityIndex'] },
  {
    kind: 'temperature',
    names: ['temperature'],
    unitCodes: { CEL: same, FAH: (f: number) => ((f - 32) * 5) / 9, KEL: (k: number) => k - 273.15 },
  },
];

/** Unit conversions leave float noise (0.054 mg/m³ → 54.00000000000001 µg/m³). */
function roundConverted(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

interface Present {
  measurement: Measurement;
  name: string;
}

function presentMeasurements(entity: Entity): Present[] {
  return MEASUREMENTS.flatMap((measurement) => {
    const name = measurement.names.find((n) => readAttribute(entity, n) !== undefined);
    return name === undefined ? [] : [{ measurement, name }];
  });
}

/** The value in our unit for the kind; a unitCode we cannot convert is a reason, never a guess. */
function valueOf(entity: Entity, { measurement, name }: Present): Result<number> {
  const attribute = readAttribute(entity, name);
  const raw = toNumber(attribute?.value);
  if (raw === undefined) return fail(`${name} is not a number`);
  const unitCode = attribute?.unitCode;
  if (unitCode === undefined || measurement.unitCodes === undefined) return { ok: true, value: raw };
  const convert = measurement.unitCodes[unitCode];
  if (convert === undefined) {
    const known = Object.keys(measurement.unitCodes).join(', ');
    return fail(`${name} has unitCode ${JSON.stringify(unitCode)}; expected one of ${known}`);
  }
  return { ok: true, value: convert === same ? raw : roundConverted(convert(raw)) };
}

export function mapAirQuality(entity: Entity, entityId: string): NgsiMapped[] {
  const present = presentMeasurements(entity);
  if (present.length === 0) {
    const wanted = MEASUREMENTS.map((m) => m.names[0]).join(', ');
    return [fail(`none of the tracked measurements (${wanted})`)];
  }
  const observation = readObservation(
    entity,
    entityId,
    present.map((p) => p.name),
  );
  if (!observation.ok) return [observation];
  const device = readReference(entity, 'refDevice');
  if (!device.ok) return [device];

  const { ts, source, lat, lon } = observation.value;
  const sensorId = device.value ?? entityId;
  return present.map((p): NgsiMapped => {
    const value = valueOf(entity, p);
    if (!value.ok) return value;
    const { kind } = p.measurement;
    const event: z.input<typeof sensorReading> = {
      id: observationEventId(entityId, ts, kind),
      ts,
      source,
      lat,
      lon,
      sensorId,
      kind,
      value: value.value,
      unit: SENSOR_KINDS[kind].unit,
    };
    return { ok: true, target: 'sensorReading', event };
  });
}
