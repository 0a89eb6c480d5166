// Turns the configured districts and the arterial segments into what /api/geo/* serves to the map.
import type { District, RoadSegment, Venue } from '@citybrain/schemas/geo';
import type { DistrictCollection, RoadGeometry, VenueGeometry } from '../realtime/geo.js';

/** Signed-area centroid of a ring (shoelace); falls back to the vertex mean for degenerate rings. */
function ringCentroid(ring: readonly [number, number][]): { point: [number, number]; area: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(area) < 1e-12) {
    const n = Math.max(1, ring.length);
    return {
      point: [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n],
      area: 0,
    };
  }
  return { point: [cx / (3 * area), cy / (3 * area)], area: Math.abs(area / 2) };
}

/** Labels sit at the centroid of a district's largest polygon: islands would drag a global centroid to sea. */
export function labelPoint(district: District): [number, number] {
  let best = { point: [0, 0] as [number, number], area: -1 };
  for (const polygon of district.polygons) {
    const outer = polygon[0];
    if (outer === undefined) continue;
    const c = ringCentroid(outer);
    if (c.area > best.area) best = c;
  }
  return [Math.round(best.point[0] * 1e5) / 1e5, Math.round(best.point[1] * 1e5) / 1e5];
}

export function districtCollection(districts: readonly District[]): DistrictCollection {
  return {
    type: 'FeatureCollection',
    features: districts.map((district) => ({
      type: 'Feature',
      properties: {
        adcode: district.adcode,
        name: district.name.zh,
        name_en: district.name.en,
        label: labelPoint(district),
      },
      geometry: { type: 'MultiPolygon', coordinates: district.polygons },
    })),
  };
}

export function roadGeometry(segments: readonly RoadSegment[]): RoadGeometry[] {
  return segments.map((segment) => ({ id: segment.id, name: segment.name, polyline: segment.polyline }));
}

/** Venues as the wall counts them: the live feed carries heat by cell, the page sums a venue's cells. */
export function venueGeometry(
  venues: readonly Venue[],
  cells: ReadonlyMap<string, readonly string[]>,
): VenueGeometry[] {
  return venues.map((venue) => ({
    id: venue.id,
    name: venue.name,
    district: venue.district,
    capacity: venue.capacity,
    cells: [...(cells.get(venue.id) ?? [])],
  }));
}
