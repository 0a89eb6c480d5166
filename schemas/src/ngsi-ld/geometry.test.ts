import { describe, expect, it } from 'vitest';
import { representativePoint } from './geometry.js';

function point(location: unknown): { lat: number; lon: number } {
  const result = representativePoint(location);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('representativePoint', () => {
  it('reads a Point as [lon, lat]', () => {
    expect(point({ type: 'Point', coordinates: [114.0579, 22.5431] })).toEqual({
      lat: 22.5431,
      lon: 114.0579,
    });
  });

  it('takes the middle of a LineString by length, not its middle vertex', () => {
    // Along one parallel: 0.01° then 0.03° of longitude, so halfway is at 114.06, not the vertex at 114.05.
    const shennanAve = {
      type: 'LineString',
      coordinates: [
        [114.04, 22.54],
        [114.05, 22.54],
        [114.08, 22.54],
      ],
    };
    const mid = point(shennanAve);
    expect(mid.lon).toBeCloseTo(114.06, 9);
    expect(mid.lat).toBeCloseTo(22.54, 9);
  });

  it('takes the middle of the longest line of a MultiLineString', () => {
    const lines = {
      type: 'MultiLineString',
      coordinates: [
        [
          [114.0, 22.5],
          [114.001, 22.5],
        ],
        [
          [114.1, 22.54],
          [114.12, 22.54],
        ],
      ],
    };
    expect(point(lines).lon).toBeCloseTo(114.11, 9);
  });

  it('averages a MultiPoint', () => {
    const points = {
      type: 'MultiPoint',
      coordinates: [
        [114.04, 22.53],
        [114.06, 22.55],
      ],
    };
    const mid = point(points);
    expect(mid.lon).toBeCloseTo(114.05, 9);
    expect(mid.lat).toBeCloseTo(22.54, 9);
  });

  it('uses the area centroid of a Polygon, so extra vertices on one edge do not pull it', () => {
    const rectangle = {
      type: 'Polygon',
      coordinates: [
        [
          [114.0, 22.5],
          [114.1, 22.5],
          [114.1, 22.6],
          [114.0, 22.6],
          [114.0, 22.575],
          [114.0, 22.55],
          [114.0, 22.525],
          [114.0, 22.5],
        ],
        [
          [114.01, 22.51],
          [114.02, 22.51],
          [114.02, 22.52],
          [114.01, 22.51],
        ], // a hole, ignored
      ],
    };
    const centre = point(rectangle);
    expect(centre.lon).toBeCloseTo(114.05, 9);
    expect(centre.lat).toBeCloseTo(22.55, 9);
  });

  it('weights MultiPolygon parts by area', () => {
    const big = [
      [
        [114.0, 22.5],
        [114.2, 22.5],
        [114.2, 22.6],
        [114.0, 22.6],
        [114.0, 22.5],
      ],
    ]; // area 0.02, centre 114.1
    const small = [
      [
        [114.3, 22.5],
        [114.4, 22.5],
        [114.4, 22.6],
        [114.3, 22.6],
        [114.3, 22.5],
      ],
    ]; // area 0.01, centre 114.35
    const centre = point({ type: 'MultiPolygon', coordinates: [big, small] });
    expect(centre.lon).toBeCloseTo((114.1 * 2 + 114.35) / 3, 9);
    expect(centre.lat).toBeCloseTo(22.55, 9);
  });

  it('falls back to the vertex average of a degenerate polygon', () => {
    const flat = {
      type: 'Polygon',
      coordinates: [
        [
          [114.0, 22.5],
          [114.1, 22.5],
          [114.0, 22.5],
        ],
      ],
    };
    expect(point(flat).lon).toBeCloseTo(114.05, 9);
  });

  it('accepts a Feature and a stringified geometry', () => {
    const geometry = { type: 'Point', coordinates: [114.05, 22.54] };
    expect(point({ type: 'Feature', properties: {}, geometry })).toEqual({ lat: 22.54, lon: 114.05 });
    expect(point(JSON.stringify(geometry))).toEqual({ lat: 22.54, lon: 114.05 });
  });

  it('gives reasons for malformed and unsupported locations', () => {
    expect(representativePoint({ type: 'Point', coordinates: ['114.05', 22.54] })).toEqual({
      ok: false,
      reason: 'location Point has malformed coordinates',
    });
    expect(representativePoint({ type: 'LineString', coordinates: [] })).toEqual({
      ok: false,
      reason: 'location LineString has malformed coordinates',
    });
    expect(representativePoint({ type: 'Circle', radius: 5 })).toEqual({
      ok: false,
      reason: 'unsupported location geometry "Circle"',
    });
    expect(representativePoint('Futian')).toEqual({ ok: false, reason: 'location is not GeoJSON' });
  });
});
