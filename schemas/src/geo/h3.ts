import { cellToLatLng, getResolution, isValidCell, latLngToCell } from 'h3-js';

/** Crowd heat is counted per H3 resolution-9 cell (~0.1 km², ~174 m edge): fine enough to find a crowded gate. */
export const CROWD_RESOLUTION = 9;

export function isCrowdCell(cell: string): boolean {
  return isValidCell(cell) && getResolution(cell) === CROWD_RESOLUTION;
}

export function cellOf(lat: number, lon: number): string {
  return latLngToCell(lat, lon, CROWD_RESOLUTION);
}

export function centerOf(cell: string): { lat: number; lon: number } {
  const [lat, lon] = cellToLatLng(cell);
  return { lat, lon };
}
