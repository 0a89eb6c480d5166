// IoT sensors as small dots in the colour of their reading's band (sensor-bands.ts), from the live aggregates'
// optional `sensors`. Positions and colours are worked out once per data change in `sensorPoints`, so the
// layer's accessors only read fields and the alert pulse's redraws allocate nothing here.
import { ScatterplotLayer } from '@deck.gl/layers';
import type { LiveAggregate, SensorKind } from '@citybrain/schemas/events';
import type { Rgba } from './colors.js';
import { sensorBand } from './sensor-bands.js';

export interface SensorPoint {
  sensorId: string;
  kind: SensorKind;
  position: [number, number];
  color: Rgba;
}

/** Every district's sensors in one array (a sensor belongs to one district). */
export function sensorPoints(live: ReadonlyMap<string, LiveAggregate>): SensorPoint[] {
  const points: SensorPoint[] = [];
  for (const aggregate of live.values())
    for (const sensor of aggregate.sensors ?? [])
      points.push({
        sensorId: sensor.sensorId,
        kind: sensor.kind,
        position: [sensor.lon, sensor.lat],
        color: sensorBand(sensor.kind, sensor.value).color,
      });
  return points;
}

const OUTLINE: Rgba = [4, 10, 22, 230];

export function buildSensorLayer(
  points: readonly SensorPoint[],
  visible: boolean,
): ScatterplotLayer<SensorPoint> {
  return new ScatterplotLayer<SensorPoint>({
    id: 'sensors',
    data: points,
    visible,
    getPosition: (d) => d.position,
    getFillColor: (d) => d.color,
    // Smaller than an alert marker (9 px and up) and outlined dark, so a sensor never passes for an alert.
    getRadius: 5,
    radiusUnits: 'pixels',
    stroked: true,
    getLineColor: OUTLINE,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    // No updateTriggers: every accessor reads only its point (no outside value such as a scale or language),
    // so deck.gl recomputes the attributes exactly when `data` changes by reference, and never on the pulse.
    pickable: false,
  });
}
