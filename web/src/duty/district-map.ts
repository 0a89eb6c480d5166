// The detail pane's small map: district outlines projected into an SVG box, no map library. Equirectangular
// with the longitude squeezed by cos(latitude), which at a city's size is indistinguishable from Mercator.
import type { DistrictCollection } from '../realtime/geo.js';
import { boundsOf } from '../realtime/geo.js';

export interface DistrictOutline {
  adcode: string;
  /** SVG path data in the box's pixels. */
  d: string;
}

export interface DistrictMap {
  width: number;
  height: number;
  outlines: DistrictOutline[];
  /** [x, y] in the box for a WGS-84 position. */
  project: (lon: number, lat: number) => [number, number];
}

/** Points closer than this to the previous one (px) are dropped: the box is small, the coastline is long. */
const MIN_STEP_PX = 0.8;

export function districtMap(
  districts: DistrictCollection,
  width: number,
  height: number,
  padding = 8,
): DistrictMap | undefined {
  const bounds = boundsOf(districts.features);
  if (bounds === undefined) return undefined;
  const [[west, south], [east, north]] = bounds;
  const squeeze = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * squeeze, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  // Centered in the box whichever side is left over.
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const project = (lon: number, lat: number): [number, number] => [
    offsetX + (lon - west) * squeeze * scale,
    offsetY + (north - lat) * scale,
  ];
  const outlines = districts.features.map((feature) => {
    const parts: string[] = [];
    for (const polygon of feature.geometry.coordinates)
      for (const ring of polygon) {
        let last: [number, number] | undefined;
        const points: string[] = [];
        for (const [lon, lat] of ring) {
          const point = project(lon, lat);
          if (last !== undefined && Math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP_PX)
            continue;
          points.push(`${point[0].toFixed(1)},${point[1].toFixed(1)}`);
          last = point;
        }
        if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
      }
    return { adcode: feature.properties.adcode, d: parts.join('') };
  });
  return { width, height, outlines, project };
}
