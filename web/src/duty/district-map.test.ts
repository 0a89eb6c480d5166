import { describe, expect, it } from 'vitest';
import type { DistrictCollection, DistrictFeature } from '../realtime/geo.js';
import { districtMap } from './district-map.js';

const square = (adcode: string, west: number, south: number, size: number): DistrictFeature => ({
  type: 'Feature',
  properties: { adcode, name: adcode, name_en: adcode, label: [west + size / 2, south + size / 2] },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [west, south],
          [west + size, south],
          [west + size, south + size],
          [west, south + size],
          [west, south],
        ],
      ],
    ],
  },
});

const CITY: DistrictCollection = {
  type: 'FeatureCollection',
  features: [square('440305', 113.9, 22.5, 0.1), square('440304', 114.0, 22.5, 0.1)],
};

describe('district map', () => {
  it('fits the districts into the box, north up, keeping their shape', () => {
    const map = districtMap(CITY, 400, 200, 0);
    expect(map).toBeDefined();
    if (map === undefined) return;
    const [x0, y0] = map.project(113.9, 22.6); // north-west corner
    const [x1, y1] = map.project(114.1, 22.5); // south-east corner
    expect(y0).toBeCloseTo(0, 6);
    expect(y1).toBeCloseTo(200, 6);
    // Two degrees-of-latitude-sized squares side by side, narrowed by cos(22.55°), centered across.
    const width = x1 - x0;
    expect(width / (y1 - y0)).toBeCloseTo(2 * Math.cos((22.55 * Math.PI) / 180), 6);
    expect(x0).toBeCloseTo((400 - width) / 2, 6);
  });

  it('draws one closed path per district', () => {
    const map = districtMap(CITY, 400, 200);
    expect(map?.outlines.map((o) => o.adcode)).toEqual(['440305', '440304']);
    for (const outline of map?.outlines ?? []) expect(outline.d).toMatch(/^M[\d.,L]+Z$/);
  });

  it('has nothing to draw without districts', () => {
    expect(districtMap({ type: 'FeatureCollection', features: [] }, 100, 100)).toBeUndefined();
  });
});
