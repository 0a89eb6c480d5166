import { describe, expect, it } from 'vitest';
import { LIVE_SENSORS_MAX, liveAggregate, type LiveAggregate, type LiveSensor } from './live-aggregate.js';

const TS = '2026-04-05T02:00:00.000Z';

/** A district message as publishers sent it before `air` and `sensors` existed. */
const olderShape: LiveAggregate = {
  district: '440305',
  seq: 3,
  ts: TS,
  asOf: TS,
  kpis: { people: 1200, congestionIndex: 1.6, activeAlerts: { blue: 0, yellow: 1, orange: 0, red: 0 } },
  heat: [{ cell: '89411ca1e6fffff', people: 1200 }],
  congestion: [],
  truncated: false,
};

const sensor = (i: number, overrides: Partial<LiveSensor> = {}): LiveSensor => ({
  sensorId: `aqi-${i}`,
  kind: 'air.aqi',
  lat: 22.52,
  lon: 113.95,
  value: 72,
  unit: 'AQI',
  ts: TS,
  ...overrides,
});

describe('live aggregate', () => {
  it('accepts the older shape without `sensors` (the field is optional)', () => {
    const parsed = liveAggregate.parse(olderShape);
    expect(parsed.sensors).toBeUndefined();
  });

  it("carries each sensor's latest reading with its kind, place, unit and time", () => {
    const sensors = [
      sensor(1),
      sensor(2, { kind: 'water.level', value: 2.7, unit: 'm', sensorId: 'water-2' }),
    ];
    expect(liveAggregate.parse({ ...olderShape, sensors }).sensors).toEqual(sensors);
    expect(liveAggregate.safeParse({ ...olderShape, sensors: [] }).success).toBe(true);
  });

  it('refuses unknown kinds, missing places, bad times and more than the bound', () => {
    const accepted = (sensors: unknown) => liveAggregate.safeParse({ ...olderShape, sensors }).success;
    expect(accepted([{ ...sensor(1), kind: 'air.o3' }])).toBe(false);
    const { lat: _lat, ...noLat } = sensor(1);
    expect(accepted([noLat])).toBe(false);
    expect(accepted([sensor(1, { lat: 95 })])).toBe(false);
    expect(accepted([sensor(1, { ts: 'yesterday' })])).toBe(false);
    expect(accepted([sensor(1, { sensorId: '' })])).toBe(false);
    const many = Array.from({ length: LIVE_SENSORS_MAX + 1 }, (_, i) => sensor(i));
    expect(accepted(many)).toBe(false);
    expect(accepted(many.slice(1))).toBe(true);
  });
});
