// What the wall's map needs of the city's geography, as served by /api/geo/*: the district file the server
// was configured with (DESIGN §6: boundaries are data, not code), with bilingual names and a label point.
export interface DistrictFeature {
  type: 'Feature';
  properties: { adcode: string; name: string; name_en: string; label: [number, number] };
  geometry: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
}

export interface DistrictCollection {
  type: 'FeatureCollection';
  features: DistrictFeature[];
}

export interface RoadGeometry {
  id: string;
  name: { zh: string; en: string };
  polyline: [number, number][];
}

/** A crowd venue: its capacity and the H3 cells whose people count toward it. */
export interface VenueGeometry {
  id: string;
  name: { zh: string; en: string };
  district: string;
  capacity: number;
  cells: string[];
}

export type LonLatBounds = [[number, number], [number, number]];

/** The [[west, south], [east, north]] box around the features (all of them, or one district's). */
export function boundsOf(features: readonly DistrictFeature[]): LonLatBounds | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of features)
    for (const polygon of feature.geometry.coordinates)
      for (const [lon, lat] of polygon[0] ?? []) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  return Number.isFinite(west)
    ? [
        [west, south],
        [east, north],
      ]
    : undefined;
}
