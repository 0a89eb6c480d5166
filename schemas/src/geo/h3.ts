import { cellToLatLng, getResolution, isValidCell, latLngToCell } from 'h3-js';

/** Crowd heat is counted per H3 resolution-9 cell (~0.1 km², ~174 m edge): fine enough to find a crowded gate. */
export const CROWD_RESOLUTION = 9;

// City feeds come from fixed places (sensors, detectors, cameras, crowd cells), so the same coordinates
// recur all day: remembering recent answers saves the H3 call (~1–4 µs) on the ingest hot path. Bounded:
// cleared when full, which costs one miss per place.
const MEMO_LIMIT = 100_000;
const cellByPoint = new Map<string, string>();
const centerByCell = new Map<string, { lat: number; lon: number }>();

export function isCrowdCell(cell: string): boolean {
  if (centerByCell.has(cell)) return true; // every memoized centre is of a valid res-9 cell
  return isValidCell(cell) && getResolution(cell) === CROWD_RESOLUTION;
}

export function cellOf(lat: number, lon: number): string {
  const key = `${lat},${lon}`;
  let cell = cellByPoint.get(key);
  if (cell === undefined) {
    if (cellByPoint.size >= MEMO_LIMIT) cellByPoint.clear();
    cell = latLngToCell(lat, lon, CROWD_RESOLUTION);
    cellByPoint.set(key, cell);
  }
  return cell;
}

/** The cell's centre; the returned object is shared, so callers read it and never change it. */
export function centerOf(cell: string): Readonly<{ lat: number; lon: number }> {
  let center = centerByCell.get(cell);
  if (center === undefined) {
    if (centerByCell.size >= MEMO_LIMIT) centerByCell.clear();
    const [lat, lon] = cellToLatLng(cell);
    center = { lat, lon };
    centerByCell.set(cell, center);
  }
  return center;
}
