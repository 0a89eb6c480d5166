import { DistrictIndex, loadDistricts, VENUE_CELLS } from '@citybrain/schemas/geo';
import { describe, expect, it } from 'vitest';
import { buildCityModel } from './city-model.js';
import { SeededRandom } from './random.js';

const districts = new DistrictIndex(loadDistricts());
const model = buildCityModel(new SeededRandom(42), districts);

describe('buildCityModel', () => {
  it('places 300 sensors of every kind inside all nine districts', () => {
    expect(model.sensors).toHaveLength(300);
    expect(new Set(model.sensors.map((s) => s.sensorId)).size).toBe(300);
    expect(new Set(model.sensors.map((s) => s.district)).size).toBe(9);
    for (const sensor of model.sensors)
      expect(districts.districtOf(sensor.lat, sensor.lon), sensor.sensorId).toBe(sensor.district);
    const kinds = new Map<string, number>();
    for (const s of model.sensors) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      'air.pm25': 45,
      'air.pm10': 35,
      'air.no2': 35,
      'air.aqi': 35,
      'noise.leq': 50,
      'water.level': 45,
      'rain.intensity': 35,
      temperature: 20,
    });
    expect(model.sensors.find((s) => s.sensorId === 'water-futian-01')?.kind).toBe('water.level');
  });

  it('gives every low-lying district water gauges', () => {
    const lowlandGauges = model.sensors.filter((s) => s.kind === 'water.level' && s.site.lowland);
    expect(new Set(lowlandGauges.map((s) => s.district))).toEqual(
      new Set(['440303', '440304', '440305', '440306']),
    );
  });

  it('counts crowds in every venue cell plus a few hundred busy cells around commercial centres', () => {
    const venueCellCount = [...VENUE_CELLS.values()].reduce((sum, cells) => sum + cells.length, 0);
    expect(model.crowdCells.filter((c) => c.venueId !== undefined)).toHaveLength(venueCellCount);
    const commercial = model.crowdCells.filter((c) => c.venueId === undefined);
    expect(commercial.length).toBeGreaterThan(250);
    expect(commercial.length).toBeLessThan(400);
    expect(new Set(model.crowdCells.map((c) => c.cell)).size).toBe(model.crowdCells.length);
    // Venue cells share out exactly the venue's capacity.
    const bay = model.crowdCells.filter((c) => c.venueId === 'shenzhen-bay-park');
    expect(bay.reduce((sum, c) => sum + c.peopleAtFull, 0)).toBeCloseTo(80_000, 6);
  });

  it('cuts the arterials into ~200 segments of ~1 km, chained to their neighbours', () => {
    expect(model.segments.length).toBeGreaterThan(180);
    expect(model.segments.length).toBeLessThan(220);
    for (const segment of model.segments) {
      expect(segment.lengthKm).toBeGreaterThan(0.9);
      expect(segment.lengthKm).toBeLessThan(2);
      expect(segment.district, segment.id).not.toBe('');
    }
    const shennan03 = model.segments.findIndex((s) => s.id === 'shennan-03');
    const neighbours = model.segments[shennan03]?.neighbours.map((i) => model.segments[i]?.id);
    expect(neighbours).toEqual(['shennan-02', 'shennan-04']);
    expect(model.segments.find((s) => s.id === 'shennan-01')?.neighbours).toHaveLength(1);
  });

  it('depends on the seed alone', () => {
    const again = buildCityModel(new SeededRandom(42), districts);
    expect(again.sensors).toEqual(model.sensors);
    const other = buildCityModel(new SeededRandom(43), districts);
    expect(other.sensors.map((s) => s.lat)).not.toEqual(model.sensors.map((s) => s.lat));
  });
});
