import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { describe, expect, it } from 'vitest';
import { buildCityModel } from './city-model.js';
import { SeededRandom } from './random.js';
import { SCENARIOS } from './scenarios.js';
import { TrafficState } from './traffic-model.js';

const model = buildCityModel(new SeededRandom(3), new DistrictIndex(loadDistricts()));
const calm = SCENARIOS.normal.stateAt(0);
const NIGHT = 3;

describe('TrafficState', () => {
  it('spreads a blockage along the arterial, fading with distance', () => {
    const traffic = new TrafficState(model.segments);
    const blocked = model.segments.findIndex((s) => s.id === 'shennan-10');
    const along = (offset: number): number => {
      const id = `shennan-${String(10 + offset).padStart(2, '0')}`;
      return traffic.congestion[model.segments.findIndex((s) => s.id === id)] ?? NaN;
    };
    for (let minute = 0; minute < 15; minute++) traffic.step(NIGHT, calm, (i) => (i === blocked ? 0.85 : 0));
    expect(along(0)).toBeGreaterThan(0.8);
    expect(along(-1)).toBeGreaterThan(0.5);
    expect(along(1)).toBeGreaterThan(0.5);
    expect(along(3)).toBeGreaterThan(0.2);
    expect(along(3)).toBeLessThan(along(1));
    // Other roads stay free at 03:00.
    const beihuan = model.segments.findIndex((s) => s.id === 'beihuan-05');
    expect(traffic.congestion[beihuan]).toBeLessThan(0.01);
  });

  it('clears again once the blockage is gone', () => {
    const traffic = new TrafficState(model.segments);
    const blocked = model.segments.findIndex((s) => s.id === 'binhai-04');
    for (let minute = 0; minute < 15; minute++) traffic.step(NIGHT, calm, (i) => (i === blocked ? 0.85 : 0));
    for (let minute = 0; minute < 30; minute++) traffic.step(NIGHT, calm, () => 0);
    expect(Math.max(...traffic.congestion)).toBeLessThan(0.05);
  });

  it('reports jammed speeds near a fifth of free flow, with falling volume', () => {
    const traffic = new TrafficState(model.segments);
    const blocked = model.segments.findIndex((s) => s.id === 'shennan-10');
    for (let minute = 0; minute < 30; minute++) traffic.step(8.5, calm, (i) => (i === blocked ? 1 : 0));
    const random = new SeededRandom(1);
    const jammed = traffic.reading(blocked, calm, random);
    expect(jammed.speedKmh).toBeGreaterThan(8);
    expect(jammed.speedKmh).toBeLessThan(20); // free flow 60 km/h
    expect(jammed.occupancy).toBeGreaterThan(0.6);
    const free = new TrafficState(model.segments);
    free.settle(NIGHT, calm);
    const night = free.reading(blocked, calm, random);
    expect(night.speedKmh).toBeGreaterThan(52);
    expect(night.volumeVph).toBeLessThan(jammed.volumeVph);
  });
});
