/** A lon/lat box; events outside the city's box are refused at ingest as out of range. */
export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Shenzhen with a margin for the border crossings and the bay. */
export const SHENZHEN_BBOX: BoundingBox = { minLon: 113.6, minLat: 22.3, maxLon: 114.7, maxLat: 22.95 };

export function contains(box: BoundingBox, lat: number, lon: number): boolean {
  return lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat;
}

export function parseBoundingBox(text: string): BoundingBox {
  const parts = text.split(',').map((part) => Number(part.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (
    parts.length !== 4 ||
    minLon === undefined ||
    minLat === undefined ||
    maxLon === undefined ||
    maxLat === undefined ||
    parts.some((n) => !Number.isFinite(n)) ||
    minLon >= maxLon ||
    minLat >= maxLat
  ) {
    throw new RangeError(`expected "minLon,minLat,maxLon,maxLat" with min < max, got "${text}"`);
  }
  return { minLon, minLat, maxLon, maxLat };
}
