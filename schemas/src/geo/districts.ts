// District boundaries are data, not code (DESIGN §6): one GeoJSON FeatureCollection named in config, with
// `adcode`, `name` and optional `name_en` per feature, in WGS-84.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { polygonToCells } from 'h3-js';
import { z } from 'zod';
import { DISTRICT_NAMES_EN } from './district-names.js';
import { CROWD_RESOLUTION, cellOf } from './h3.js';

export const DEFAULT_DISTRICTS_FILE = fileURLToPath(
  new URL('./data/shenzhen-districts.wgs84.geojson', import.meta.url),
);

type Ring = [number, number][];
type PolygonCoords = Ring[];

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const districtFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    adcode: z.union([z.string(), z.number()]).transform(String),
    name: z.string().min(1),
    name_en: z.string().optional(),
  }),
  geometry,
});
const districtCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(districtFeature).min(1),
});

export interface District {
  adcode: string;
  name: { zh: string; en: string };
  /** Polygons as [lon, lat] rings: outer ring first, then holes. */
  polygons: PolygonCoords[];
}

export class DistrictDataError extends Error {
  override readonly name = 'DistrictDataError';
}

export function loadDistricts(file: string = DEFAULT_DISTRICTS_FILE): District[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DistrictDataError(`cannot read district file ${file}: ${(error as Error).message}`);
  }
  const parsed = districtCollection.safeParse(raw);
  if (!parsed.success) {
    throw new DistrictDataError(
      `district file ${file} is not a valid district FeatureCollection: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data.features.map((feature) => ({
    adcode: feature.properties.adcode,
    name: {
      zh: feature.properties.name,
      en:
        feature.properties.name_en ?? DISTRICT_NAMES_EN[feature.properties.adcode] ?? feature.properties.name,
    },
    polygons: (feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates]
      : feature.geometry.coordinates
    ).map((polygon) => polygon.map((r) => r.map(([lon, lat]) => [lon, lat] as [number, number]))),
  }));
}

/** Even-odd ray casting; holes count because every ring is tested. */
function insidePolygon(polygon: PolygonCoords, lat: number, lon: number): boolean {
  let inside = false;
  for (const r of polygon) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i] as [number, number];
      const [xj, yj] = r[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Maps a point or H3 cell to its district adcode. Cells are precomputed by polyfill at start (O(1) per event
 * on the hot path); a cell the polyfill missed (its centre outside every polygon, e.g. on a border) is
 * resolved once by point-in-polygon and remembered.
 */
export class DistrictIndex {
  readonly districts: readonly District[];
  private readonly byCell = new Map<string, string>();

  constructor(districts: readonly District[]) {
    this.districts = districts;
    for (const district of districts) {
      for (const polygon of district.polygons) {
        for (const cell of polygonToCells(polygon, CROWD_RESOLUTION, true))
          this.byCell.set(cell, district.adcode);
      }
    }
  }

  get cellCount(): number {
    return this.byCell.size;
  }

  /** The adcode for a cell, or '' outside every district (a neighbouring city inside the bounding box). */
  districtOfCell(cell: string, lat: number, lon: number): string {
    const known = this.byCell.get(cell);
    if (known !== undefined) return known;
    const found =
      this.districts.find((d) => d.polygons.some((p) => insidePolygon(p, lat, lon)))?.adcode ?? '';
    this.byCell.set(cell, found);
    return found;
  }

  districtOf(lat: number, lon: number): string {
    return this.districtOfCell(cellOf(lat, lon), lat, lon);
  }

  byAdcode(adcode: string): District | undefined {
    return this.districts.find((d) => d.adcode === adcode);
  }
}
