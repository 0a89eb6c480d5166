// Point-to-polyline distance on a local equirectangular projection: metres-accurate over a city, and cheap
// enough to run per incident report.
export interface Polyline {
  id: string;
  points: readonly (readonly [number, number])[];
}

const METERS_PER_DEGREE = 111_320;

export function nearestArterialMeters(
  lines: readonly Polyline[],
  lat: number,
  lon: number,
): { segmentId: string; meters: number } | undefined {
  const kx = METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = METERS_PER_DEGREE;
  let best: { segmentId: string; meters: number } | undefined;
  for (const line of lines) {
    for (let i = 1; i < line.points.length; i++) {
      const [ax, ay] = line.points[i - 1] as readonly [number, number];
      const [bx, by] = line.points[i] as readonly [number, number];
      const meters = pointToSegment((lon - ax) * kx, (lat - ay) * ky, (bx - ax) * kx, (by - ay) * ky);
      if (!best || meters < best.meters) best = { segmentId: line.id, meters };
    }
  }
  return best;
}

/** Distance from (px, py) to the segment (0, 0)–(dx, dy), all in metres. */
function pointToSegment(px: number, py: number, dx: number, dy: number): number {
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
  return Math.hypot(px - t * dx, py - t * dy);
}
