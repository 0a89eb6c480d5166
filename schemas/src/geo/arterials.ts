// Arterial roads of the demo city: APPROXIMATE HAND-DRAWN PROJECT DATA. No openly licensed road network of
// Shenzhen is available here (shared/geo PROVENANCE: "No road file is saved"), so these polylines were drawn
// by hand in WGS-84 from general knowledge of the city at roughly 300–500 m accuracy: good enough to place
// traffic on the right streets of a wall map, not for routing. Free-flow speeds and lane counts are
// plausible planning figures, not official ones.

export interface Arterial {
  id: string;
  name: { zh: string; en: string };
  /** Adcode of the district the road mainly serves; a segment's own district comes from the district index. */
  district: string;
  freeFlowKmh: number;
  /** Lanes per direction. */
  lanes: number;
  /** Centre line as [lon, lat] (WGS-84), in the order segments are numbered. */
  path: readonly (readonly [number, number])[];
}

export interface RoadSegment {
  /** `${arterialId}-${NN}`, numbered from 01 along the arterial's path. */
  id: string;
  arterialId: string;
  /** 0-based position along the arterial: neighbours are index ± 1 on the same arterial. */
  index: number;
  name: { zh: string; en: string };
  freeFlowKmh: number;
  lanes: number;
  lengthKm: number;
  /** The point halfway along the segment (by length), where its readings are placed. */
  midpoint: { lat: number; lon: number };
  polyline: [number, number][];
}

// One row per road keeps the table readable; prettier would put every vertex on its own line.
// prettier-ignore
export const ARTERIALS: readonly Arterial[] = [
  { id: 'shennan', name: { zh: '深南大道', en: 'Shennan Blvd' }, district: '440304', freeFlowKmh: 60, lanes: 4,
    path: [[113.915, 22.551], [113.93, 22.545], [113.945, 22.541], [113.96, 22.539], [113.975, 22.54], [113.99, 22.54], [114.005, 22.539], [114.02, 22.539], [114.035, 22.54], [114.05, 22.5395], [114.065, 22.54], [114.08, 22.541], [114.095, 22.543], [114.11, 22.5435], [114.125, 22.545], [114.14, 22.549]] },
  { id: 'binhai', name: { zh: '滨海大道', en: 'Binhai Blvd' }, district: '440305', freeFlowKmh: 80, lanes: 4,
    path: [[113.912, 22.523], [113.925, 22.522], [113.94, 22.522], [113.95, 22.525], [113.96, 22.527], [113.975, 22.528], [113.99, 22.529], [114.0, 22.53], [114.015, 22.531]] },
  { id: 'binhe', name: { zh: '滨河大道', en: 'Binhe Blvd' }, district: '440304', freeFlowKmh: 70, lanes: 4,
    path: [[114.015, 22.531], [114.03, 22.528], [114.045, 22.526], [114.06, 22.525], [114.075, 22.526], [114.086, 22.538], [114.1, 22.54]] },
  { id: 'beihuan', name: { zh: '北环大道', en: 'Beihuan Blvd' }, district: '440304', freeFlowKmh: 80, lanes: 4,
    path: [[113.925, 22.562], [113.94, 22.56], [113.955, 22.556], [113.97, 22.552], [113.985, 22.553], [114.0, 22.556], [114.015, 22.558], [114.03, 22.56], [114.045, 22.563], [114.06, 22.565], [114.075, 22.566], [114.09, 22.568], [114.105, 22.571], [114.12, 22.575]] },
  { id: 'baoan', name: { zh: '宝安大道', en: "Bao'an Blvd" }, district: '440306', freeFlowKmh: 60, lanes: 3,
    path: [[113.915, 22.553], [113.905, 22.565], [113.893, 22.578], [113.88, 22.59], [113.868, 22.605], [113.855, 22.62], [113.84, 22.64], [113.828, 22.66], [113.82, 22.68], [113.822, 22.7], [113.828, 22.72], [113.835, 22.74], [113.84, 22.76], [113.848, 22.775]] },
  { id: 'meiguan', name: { zh: '梅观高速', en: 'Meiguan Expwy' }, district: '440309', freeFlowKmh: 100, lanes: 4,
    path: [[114.045, 22.568], [114.048, 22.585], [114.045, 22.6], [114.043, 22.615], [114.04, 22.63], [114.042, 22.645], [114.046, 22.66], [114.05, 22.675], [114.055, 22.69], [114.06, 22.705], [114.065, 22.72], [114.07, 22.735]] },
  { id: 'yitian', name: { zh: '益田路', en: 'Yitian Rd' }, district: '440304', freeFlowKmh: 50, lanes: 3,
    path: [[114.0535, 22.522], [114.053, 22.53], [114.052, 22.54], [114.051, 22.55], [114.0485, 22.558], [114.047, 22.565], [114.046, 22.575]] },
  { id: 'huanggang', name: { zh: '皇岗路', en: 'Huanggang Rd' }, district: '440304', freeFlowKmh: 60, lanes: 3,
    path: [[114.074, 22.52], [114.075, 22.53], [114.076, 22.54], [114.076, 22.55], [114.075, 22.56], [114.073, 22.57], [114.07, 22.58], [114.066, 22.59]] },
  { id: 'xinzhou', name: { zh: '新洲路', en: 'Xinzhou Rd' }, district: '440304', freeFlowKmh: 60, lanes: 3,
    path: [[114.033, 22.517], [114.034, 22.528], [114.035, 22.54], [114.035, 22.55], [114.034, 22.56], [114.033, 22.57]] },
  { id: 'shahe-west', name: { zh: '沙河西路', en: 'Shahe West Rd' }, district: '440305', freeFlowKmh: 60, lanes: 3,
    path: [[113.948, 22.524], [113.949, 22.53], [113.95, 22.545], [113.951, 22.56], [113.952, 22.575], [113.955, 22.59], [113.957, 22.605], [113.958, 22.62]] },
  { id: 'longgang', name: { zh: '龙岗大道', en: 'Longgang Blvd' }, district: '440307', freeFlowKmh: 60, lanes: 4,
    path: [[114.118, 22.59], [114.125, 22.602], [114.135, 22.61], [114.148, 22.618], [114.162, 22.628], [114.175, 22.637], [114.19, 22.645], [114.205, 22.652], [114.218, 22.662], [114.228, 22.675], [114.238, 22.688], [114.246, 22.7], [114.255, 22.712], [114.265, 22.72], [114.278, 22.727], [114.292, 22.733]] },
  { id: 'qianhai', name: { zh: '前海路', en: 'Qianhai Rd' }, district: '440305', freeFlowKmh: 60, lanes: 3,
    path: [[113.905, 22.505], [113.906, 22.515], [113.907, 22.528], [113.908, 22.54], [113.909, 22.552], [113.91, 22.565]] },
  { id: 'nanhai', name: { zh: '南海大道', en: 'Nanhai Blvd' }, district: '440305', freeFlowKmh: 60, lanes: 3,
    path: [[113.92, 22.488], [113.922, 22.495], [113.926, 22.505], [113.928, 22.518], [113.93, 22.53], [113.931, 22.545], [113.932, 22.56], [113.935, 22.575]] },
  { id: 'guangming', name: { zh: '光明大道', en: 'Guangming Blvd' }, district: '440311', freeFlowKmh: 60, lanes: 3,
    path: [[113.93, 22.73], [113.932, 22.745], [113.935, 22.76], [113.938, 22.775], [113.94, 22.79]] },
  { id: 'pingshan', name: { zh: '坪山大道', en: 'Pingshan Blvd' }, district: '440310', freeFlowKmh: 60, lanes: 3,
    path: [[114.3, 22.7], [114.315, 22.705], [114.33, 22.71], [114.345, 22.712], [114.36, 22.713], [114.375, 22.71]] },
  { id: 'shenyan', name: { zh: '深盐路', en: 'Shenyan Rd' }, district: '440308', freeFlowKmh: 60, lanes: 3,
    path: [[114.14, 22.558], [114.155, 22.565], [114.17, 22.568], [114.185, 22.568], [114.2, 22.57], [114.215, 22.572], [114.23, 22.576], [114.245, 22.58], [114.26, 22.585]] },
];

const EARTH_RADIUS_KM = 6371.0088;

/** Cut points are rounded to ~0.1 m: more digits would only be float noise in events and on the map. */
function round6(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

/** Great-circle distance between two [lon, lat] points, in km. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** The point `km` along a path (clamped to its ends), with the index of the vertex before it. */
function pointAlong(
  path: readonly (readonly [number, number])[],
  km: number,
): { point: [number, number]; after: number } {
  let walked = 0;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1] as readonly [number, number];
    const to = path[i] as readonly [number, number];
    const leg = distanceKm(from, to);
    if (walked + leg >= km && leg > 0) {
      const t = (km - walked) / leg;
      return {
        point: [round6(from[0] + (to[0] - from[0]) * t), round6(from[1] + (to[1] - from[1]) * t)],
        after: i - 1,
      };
    }
    walked += leg;
  }
  const last = path[path.length - 1] as readonly [number, number];
  return { point: [last[0], last[1]], after: path.length - 2 };
}

function pathLengthKm(path: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++)
    total += distanceKm(path[i - 1] as [number, number], path[i] as [number, number]);
  return total;
}

/** The sub-path between two distances along a path, keeping the original vertices in between. */
function slice(
  path: readonly (readonly [number, number])[],
  fromKm: number,
  toKm: number,
): [number, number][] {
  const start = pointAlong(path, fromKm);
  const end = pointAlong(path, toKm);
  const inner = path.slice(start.after + 1, end.after + 1).map(([lon, lat]): [number, number] => [lon, lat]);
  return [start.point, ...inner, end.point];
}

/**
 * Cuts each arterial into equal pieces of about `targetKm` (at least one per road), so a traffic feed can
 * report per segment the way loop detectors and floating-car data are aggregated. The ~215 km of arterials
 * give ~200 segments at the default ~1.05 km.
 */
export function segmentArterials(arterials: readonly Arterial[] = ARTERIALS, targetKm = 1.05): RoadSegment[] {
  const segments: RoadSegment[] = [];
  for (const arterial of arterials) {
    const totalKm = pathLengthKm(arterial.path);
    const count = Math.max(1, Math.round(totalKm / targetKm));
    const lengthKm = totalKm / count;
    for (let index = 0; index < count; index++) {
      const ordinal = String(index + 1).padStart(2, '0');
      const [lon, lat] = pointAlong(arterial.path, (index + 0.5) * lengthKm).point;
      segments.push({
        id: `${arterial.id}-${ordinal}`,
        arterialId: arterial.id,
        index,
        name: { zh: `${arterial.name.zh} 第${index + 1}段`, en: `${arterial.name.en} #${index + 1}` },
        freeFlowKmh: arterial.freeFlowKmh,
        lanes: arterial.lanes,
        lengthKm: Math.round(lengthKm * 1000) / 1000,
        midpoint: { lat, lon },
        polyline: slice(arterial.path, index * lengthKm, (index + 1) * lengthKm),
      });
    }
  }
  return segments;
}
