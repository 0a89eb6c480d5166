// One WGS-84 point that stands for a GeoJSON geometry, because our events carry a single lat/lon.
// Planar arithmetic on lon/lat is fine at city scale; geometries crossing the antimeridian are not expected.
import { fail, type Result } from './types.js';
import { isRecord } from './values.js';

export interface LatLon {
  lat: number;
  lon: number;
}

/** GeoJSON position [lon, lat, (alt)]. */
type Position = readonly [number, number];

function toPosition(value: unknown): Position | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && Number.isFinite(lon) && typeof lat === 'number' && Number.isFinite(lat)
    ? [lon, lat]
    : undefined;
}

function toPositions(value: unknown): Position[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const positions = value.map(toPosition);
  return positions.every((p) => p !== undefined) ? positions : undefined;
}

function toNested(value: unknown): Position[][] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const parts = value.map(toPositions);
  return parts.every((p) => p !== undefined) ? parts : undefined;
}

function average(positions: readonly Position[]): Position {
  const sum = positions.reduce<[number, number]>((acc, [lon, lat]) => [acc[0] + lon, acc[1] + lat], [0, 0]);
  return [sum[0] / positions.length, sum[1] / positions.length];
}

/** Distance in degrees of latitude, with longitude shrunk by cos(lat) so east-west steps are not overweighted. */
function planarLength(a: Position, b: Position): number {
  const scale = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((b[0] - a[0]) * scale, b[1] - a[1]);
}

function lineLength(line: readonly Position[]): number {
  let length = 0;
  for (let i = 1; i < line.length; i++) length += planarLength(line[i - 1] as Position, line[i] as Position);
  return length;
}

/** The point halfway along the line: a road segment's middle, not the middle of its vertex list. */
function lineMidpoint(line: readonly Position[]): Position {
  const first = line[0] as Position;
  let remaining = lineLength(line) / 2;
  if (remaining === 0) return first;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Position;
    const b = line[i] as Position;
    const step = planarLength(a, b);
    if (step >= remaining && step > 0) {
      const t = remaining / step;
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    remaining -= step;
  }
  return line[line.length - 1] as Position;
}

/**
 * Signed area and area centroid of a ring (shoelace). Affine-invariant, so lon/lat degrees are fine; the sums
 * run relative to `origin` because products of raw coordinates (114 × 22) cancel away the digits that matter.
 */
function ringMoments(ring: readonly Position[], origin: Position): { area: number; cx: number; cy: number } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i] as Position;
    const [bx, by] = ring[(i + 1) % ring.length] as Position;
    const [x0, y0, x1, y1] = [ax - origin[0], ay - origin[1], bx - origin[0], by - origin[1]];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  const area = twiceArea / 2;
  if (area === 0) return { area: 0, cx: 0, cy: 0 };
  return { area, cx: origin[0] + cx / (6 * area), cy: origin[1] + cy / (6 * area) };
}

/** GeoJSON rings repeat the first vertex at the end; counting it twice would skew a vertex average. */
function openRing(ring: readonly Position[]): readonly Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && first !== undefined && last !== undefined;
  return closed && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

/** Area-weighted centroid of the outer rings (holes ignored); degenerate rings fall back to a vertex average. */
function polygonsCentroid(outerRings: readonly (readonly Position[])[]): Position {
  let area = 0;
  let x = 0;
  let y = 0;
  const origin = outerRings[0]?.[0] ?? [0, 0];
  for (const ring of outerRings) {
    const m = ringMoments(ring, origin);
    const weight = Math.abs(m.area);
    area += weight;
    x += m.cx * weight;
    y += m.cy * weight;
  }
  return area > 0 ? [x / area, y / area] : average(outerRings.flatMap(openRing));
}

function representative(geometry: Record<string, unknown>): Result<Position> {
  const { type, coordinates } = geometry;
  const malformed = fail(`location ${String(type)} has malformed coordinates`);
  switch (type) {
    case 'Point': {
      const point = toPosition(coordinates);
      return point ? { ok: true, value: point } : malformed;
    }
    case 'MultiPoint': {
      const points = toPositions(coordinates);
      return points ? { ok: true, value: average(points) } : malformed;
    }
    case 'LineString': {
      const line = toPositions(coordinates);
      return line ? { ok: true, value: lineMidpoint(line) } : malformed;
    }
    case 'MultiLineString': {
      const lines = toNested(coordinates);
      if (!lines) return malformed;
      const longest = lines.reduce((a, b) => (lineLength(b) > lineLength(a) ? b : a));
      return { ok: true, value: lineMidpoint(longest) };
    }
    case 'Polygon': {
      const rings = toNested(coordinates);
      return rings?.[0] ? { ok: true, value: polygonsCentroid([rings[0]]) } : malformed;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) return malformed;
      const outers = coordinates.map((polygon) => toNested(polygon)?.[0]);
      return outers.every((ring) => ring !== undefined)
        ? { ok: true, value: polygonsCentroid(outers) }
        : malformed;
    }
    case 'GeometryCollection': {
      const first: unknown = Array.isArray(geometry.geometries) ? geometry.geometries[0] : undefined;
      return isRecord(first) ? representative(first) : fail('location GeometryCollection is empty');
    }
    default:
      return fail(`unsupported location geometry ${JSON.stringify(type)}`);
  }
}

/**
 * The representative point of an unwrapped `location` value: a GeoJSON geometry, a Feature, or either as a
 * JSON string (some brokers stringify GeoJSON).
 */
export function representativePoint(location: unknown): Result<LatLon> {
  let geometry = location;
  if (typeof geometry === 'string') {
    try {
      geometry = JSON.parse(geometry) as unknown;
    } catch {
      return fail('location is not GeoJSON');
    }
  }
  if (isRecord(geometry) && geometry.type === 'Feature') geometry = geometry.geometry;
  if (!isRecord(geometry)) return fail('location is not GeoJSON');
  const point = representative(geometry);
  return point.ok ? { ok: true, value: { lon: point.value[0], lat: point.value[1] } } : point;
}
