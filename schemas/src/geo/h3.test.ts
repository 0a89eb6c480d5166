import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellOf, centerOf, isCrowdCell } from './h3.js';

describe('H3 helpers', () => {
  it('puts Shenzhen Bay Park in its resolution-9 cell, the same on repeated calls', () => {
    const cell = cellOf(22.5185, 113.968);
    expect(cell).toBe(latLngToCell(22.5185, 113.968, 9));
    expect(cellOf(22.5185, 113.968)).toBe(cell);
    expect(isCrowdCell(cell)).toBe(true);
  });

  it('returns a centre inside ~200 m of the point', () => {
    const { lat, lon } = centerOf(cellOf(22.5418, 114.0579));
    expect(Math.abs(lat - 22.5418)).toBeLessThan(0.002);
    expect(Math.abs(lon - 114.0579)).toBeLessThan(0.002);
  });

  it('refuses cells of another resolution and garbage', () => {
    expect(isCrowdCell(latLngToCell(22.54, 114.05, 8))).toBe(false);
    expect(isCrowdCell('not-a-cell')).toBe(false);
  });
});
