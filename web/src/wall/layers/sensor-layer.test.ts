import type { LiveSensor } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, liveFixture } from '../../../test/fixtures.js';
import { LEVEL_COLORS } from './colors.js';
import {
  AQI_CATEGORIES,
  NEUTRAL_BAND,
  SENSOR_BANDS,
  SENSOR_LEGEND,
  bandIndex,
  sensorBand,
} from './sensor-bands.js';
import { buildSensorLayer, sensorPoints, type SensorPoint } from './sensor-layer.js';

const bands = (kind: keyof typeof SENSOR_BANDS, values: number[]) =>
  values.map((v) => bandIndex(SENSOR_BANDS[kind], v));

describe('sensor bands', () => {
  it('bands AQI by the HJ 633-2012 categories, rounding a mean first', () => {
    expect(bands('air.aqi', [0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500])).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    expect(bandIndex(SENSOR_BANDS['air.aqi'], 50.4)).toBe(0);
    expect(sensorBand('air.aqi', 42)).toBe(AQI_CATEGORIES[0]);
    expect(sensorBand('air.aqi', 420).zh).toBe('严重污染');
    expect(AQI_CATEGORIES.map((c) => c.color.slice(0, 3))).toEqual([
      [0, 228, 0],
      [255, 255, 0],
      [255, 126, 0],
      [255, 0, 0],
      [194, 24, 91],
      [160, 21, 62],
    ]);
  });

  it('bands PM2.5, PM10 and NO2 by the concentration at each IAQI breakpoint (≤ the limit)', () => {
    expect(bands('air.pm25', [35, 35.1, 75, 76, 115, 150, 250, 251])).toEqual([0, 1, 1, 2, 2, 3, 4, 5]);
    expect(bands('air.pm10', [50, 51, 150, 250, 350, 420, 421])).toEqual([0, 1, 1, 2, 3, 4, 5]);
    expect(bands('air.no2', [40, 41, 80, 180, 280, 565, 566])).toEqual([0, 1, 1, 2, 3, 4, 5]);
    expect(sensorBand('air.pm25', 80).en).toBe('Light');
  });

  it("bands water level and rain at streams' rule thresholds (≥ the threshold raises its level)", () => {
    expect(bands('water.level', [0.8, 2.49, 2.5, 3.0, 3.49, 3.5, 4.0, 6])).toEqual([0, 0, 1, 2, 2, 3, 4, 4]);
    expect(bands('rain.intensity', [0, 15.9, 16, 30, 50, 99, 100])).toEqual([0, 0, 1, 2, 3, 3, 4]);
    expect(sensorBand('water.level', 3.2).color).toBe(LEVEL_COLORS.yellow);
    expect(sensorBand('rain.intensity', 120).color).toBe(LEVEL_COLORS.red);
    expect(sensorBand('rain.intensity', 2).zh).toBe('正常');
  });

  it('bands noise by the GB 3096-2008 daytime limits and leaves temperature neutral', () => {
    expect(bands('noise.leq', [40, 50, 50.1, 55, 60, 65, 70, 70.1, 95])).toEqual([0, 0, 1, 1, 2, 3, 4, 5, 5]);
    expect(sensorBand('temperature', -5)).toBe(NEUTRAL_BAND);
    expect(sensorBand('temperature', 38)).toBe(NEUTRAL_BAND);
  });

  it('has one more band than edges for every kind, and a legend group per family', () => {
    for (const table of Object.values(SENSOR_BANDS)) {
      expect(table.bands).toHaveLength(table.edges.length + 1);
      expect([...table.edges].sort((a, b) => a - b)).toEqual(table.edges);
    }
    expect(SENSOR_LEGEND.map((g) => g.zh)).toEqual(['空气', '水位·雨量', '噪声', '温度']);
  });
});

const reading = (sensorId: string, over: Partial<LiveSensor> = {}): LiveSensor => ({
  sensorId,
  kind: 'air.aqi',
  lat: 22.52,
  lon: 113.95,
  value: 40,
  unit: 'AQI',
  ts: '2026-11-22T08:00:00.000Z',
  ...over,
});

describe('sensor layer', () => {
  it("flattens every district's sensors into points with their band colour, prepared once", () => {
    const live = new Map([
      [
        NANSHAN,
        {
          ...liveFixture(NANSHAN),
          sensors: [
            reading('aqi-1'),
            reading('water-1', { kind: 'water.level', value: 3.6, unit: 'm', lon: 113.9 }),
          ],
        },
      ],
      [FUTIAN, liveFixture(FUTIAN)], // an older publisher: no `sensors` at all
    ]);
    const points = sensorPoints(live);
    expect(points).toEqual([
      { sensorId: 'aqi-1', kind: 'air.aqi', position: [113.95, 22.52], color: AQI_CATEGORIES[0]?.color },
      { sensorId: 'water-1', kind: 'water.level', position: [113.9, 22.52], color: LEVEL_COLORS.orange },
    ]);
    expect(sensorPoints(new Map())).toEqual([]);
  });

  it('reads only the prepared point in its accessors, and hands deck.gl the same array', () => {
    const points: SensorPoint[] = [
      { sensorId: 'n', kind: 'noise.leq', position: [114, 22.5], color: [1, 2, 3, 255] },
    ];
    const layer = buildSensorLayer(points, true);
    expect(layer.props.data).toBe(points); // deck.gl diffs by reference: no copy per build
    expect(layer.props.radiusUnits).toBe('pixels');
    const point = points[0] as SensorPoint;
    const fill = layer.props.getFillColor as unknown as (d: SensorPoint) => number[];
    const position = layer.props.getPosition as unknown as (d: SensorPoint) => number[];
    expect(fill(point)).toBe(point.color);
    expect(position(point)).toBe(point.position);
    expect(buildSensorLayer(points, false).props.visible).toBe(false);
  });
});
