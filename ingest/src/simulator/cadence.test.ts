import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { describe, expect, it } from 'vitest';
import { MIN_CADENCE_SCALE, nominalPlan, planCadence } from './cadence.js';
import { buildCityModel } from './city-model.js';
import { SeededRandom } from './random.js';

const model = buildCityModel(new SeededRandom(1), new DistrictIndex(loadDistricts()));
const nominal = nominalPlan(model).expectedRate;

describe('planCadence', () => {
  it('produces ~13 events per simulated second at the nominal cadence', () => {
    // 462 crowd cells and 199 segments a minute, 300 sensors every 1–5 minutes.
    expect(nominal).toBeGreaterThan(12);
    expect(nominal).toBeLessThan(15);
  });

  it('shortens intervals when the rate asks for more than the speed gives', () => {
    const plan = planCadence(model, 60, 2_000);
    expect(plan.cadenceScale).toBeCloseTo((nominal * 60) / 2_000, 6);
    expect(plan.expectedRate).toBeCloseTo(2_000, 6);
    expect(plan.effectiveSpeed).toBe(60);
  });

  it('stops at one report per simulated second per cell, even in real time', () => {
    const plan = planCadence(model, 1, 1_000);
    expect(plan.cadenceScale).toBe(MIN_CADENCE_SCALE);
    expect(plan.expectedRate).toBeCloseTo(nominal * 60, 6);
    expect(plan.effectiveSpeed).toBe(1);
  });

  it('keeps nominal intervals and slows the clock when the rate caps the speed', () => {
    const plan = planCadence(model, 600, 2_000);
    expect(plan.cadenceScale).toBe(1);
    expect(plan.expectedRate).toBeCloseTo(nominal * 600, 6);
    expect(plan.effectiveSpeed).toBeCloseTo((600 * 2_000) / (nominal * 600), 6);
  });
});
