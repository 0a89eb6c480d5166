// ≈300 IoT sensors over the nine districts. District polygons include sea (Shenzhen Bay, Dapeng waters),
// so each sensor is placed near a land anchor — a road segment, a town or commercial centre, a venue — and
// kept only where the point still falls inside the intended district.
import { SENSOR_KINDS, type SensorKind } from '@citybrain/schemas/events';
import { centerOf, DISTRICT_NAMES_EN, VENUE_CELLS, type DistrictIndex } from '@citybrain/schemas/geo';
import { roundCoordinate } from './coordinates.js';
import { COMMERCIAL_CENTRES, TOWN_CENTRES } from './places.js';
import type { SeededRandom } from './random.js';

/** What a sensor's place is like; the sensor's kind decides which traits it reads (sensor-model.ts). */
export interface SensorSite {
  /** PM2.5 background here before season and hour, µg/m³. */
  pm25Background: number;
  /** PM10 / PM2.5: the coarse dust share (construction, roads). */
  coarseRatio: number;
  /** 0..1, how much road traffic reaches the sensor: NO2 and noise follow it. */
  trafficExposure: number;
  /** Micro-climate offset, °C (also used as the noise floor offset in dB). */
  localOffset: number;
  /** Gauge reading in dry weather, m. */
  waterBaseline: number;
  /** Rise at the height of a flood, m: large in low-lying districts. */
  floodRise: number;
  /** Rain intensity at the height of a storm, mm/h: heaviest near the storm centre over Futian. */
  rainPeak: number;
  /** Low-lying ground (Futian, Luohu, Bao'an, the Nanshan plain): water collects here first. */
  lowland: boolean;
  /** Near the bay or the Shenzhen River mouth: gauges see the tide. */
  tidal: boolean;
}

export interface SensorSpec {
  sensorId: string;
  kind: SensorKind;
  unit: string;
  source: string;
  district: string;
  lat: number;
  lon: number;
  /** Nominal reporting interval in simulated seconds. */
  cadenceSeconds: number;
  site: SensorSite;
}

interface SensorKindPlan {
  kind: SensorKind;
  slug: string;
  count: number;
  cadenceSeconds: number;
  source: string;
}

/** 300 sensors: air quality stations report every 5 minutes, rain and noise every minute. */
const SENSOR_PLAN: readonly SensorKindPlan[] = [
  { kind: 'air.pm25', slug: 'pm25', count: 45, cadenceSeconds: 300, source: 'env-bureau' },
  { kind: 'air.pm10', slug: 'pm10', count: 35, cadenceSeconds: 300, source: 'env-bureau' },
  { kind: 'air.no2', slug: 'no2', count: 35, cadenceSeconds: 300, source: 'env-bureau' },
  { kind: 'air.aqi', slug: 'aqi', count: 35, cadenceSeconds: 300, source: 'env-bureau' },
  { kind: 'noise.leq', slug: 'noise', count: 50, cadenceSeconds: 60, source: 'env-bureau' },
  { kind: 'water.level', slug: 'water', count: 45, cadenceSeconds: 120, source: 'water-bureau' },
  { kind: 'rain.intensity', slug: 'rain', count: 35, cadenceSeconds: 60, source: 'weather-bureau' },
  { kind: 'temperature', slug: 'temp', count: 20, cadenceSeconds: 300, source: 'weather-bureau' },
];

/** Sensors per district, roughly by population and built-up area. */
const SENSORS_PER_DISTRICT: Readonly<Record<string, number>> = {
  '440304': 40, // Futian
  '440303': 32, // Luohu
  '440305': 42, // Nanshan
  '440306': 48, // Bao'an
  '440307': 50, // Longgang (with Dapeng)
  '440309': 32, // Longhua
  '440308': 16, // Yantian
  '440310': 18, // Pingshan
  '440311': 22, // Guangming
};

const LOWLAND_DISTRICTS = new Set(['440303', '440304', '440306']);
const NANSHAN = '440305';
const STORM_CENTRE: readonly [number, number] = [114.05, 22.56];
const KM_PER_DEGREE_LAT = 111.2;
const KM_PER_DEGREE_LON = 102.8; // at 22.5° N

/** Kinds interleaved evenly (largest remainder), so consecutive runs of the list — one per district — mix all kinds. */
function interleavedKinds(): SensorKindPlan[] {
  const slots = SENSOR_PLAN.flatMap((plan, order) =>
    Array.from({ length: plan.count }, (_, i) => ({ plan, key: (i + 0.5) / plan.count, order })),
  );
  slots.sort((a, b) => a.key - b.key || a.order - b.order);
  return slots.map((slot) => slot.plan);
}

function isLowland(district: string, lat: number): boolean {
  return LOWLAND_DISTRICTS.has(district) || (district === NANSHAN && lat < 22.56);
}

function distanceKm(lon: number, lat: number, [lon2, lat2]: readonly [number, number]): number {
  return Math.hypot((lon - lon2) * KM_PER_DEGREE_LON, (lat - lat2) * KM_PER_DEGREE_LAT);
}

function drawSite(random: SeededRandom, district: string, lon: number, lat: number): SensorSite {
  const lowland = isLowland(district, lat);
  const stormProximity = Math.exp(-((distanceKm(lon, lat, STORM_CENTRE) / 25) ** 2));
  return {
    pm25Background: random.between(14, 24),
    coarseRatio: random.between(1.5, 1.9),
    trafficExposure: random.between(0.3, 1),
    localOffset: random.between(-0.8, 0.8),
    waterBaseline: random.between(0.6, 1.8),
    floodRise: lowland ? random.between(1.6, 2.6) : random.between(0.2, 0.5),
    // 55–92 mm/h at the gauge, so readings with their few per cent of noise stay within 50–100 mm/h.
    rainPeak: 55 + 40 * stormProximity * random.between(0.9, 0.98),
    lowland,
    tidal: lowland && (lat < 22.56 || lon < 113.86),
  };
}

/** Anchors on land, by district: segment midpoints, town and commercial centres, venue centres. */
function landAnchors(districts: DistrictIndex, segmentMidpoints: readonly { lat: number; lon: number }[]) {
  const points: [number, number][] = [
    ...segmentMidpoints.map(({ lon, lat }): [number, number] => [lon, lat]),
    ...TOWN_CENTRES.map(([lon, lat]): [number, number] => [lon, lat]),
    ...COMMERCIAL_CENTRES.map(({ lon, lat }): [number, number] => [lon, lat]),
    ...[...VENUE_CELLS.values()].flatMap((cells) =>
      cells.slice(0, 1).map((cell): [number, number] => {
        const { lat, lon } = centerOf(cell);
        return [lon, lat];
      }),
    ),
  ];
  const byDistrict = new Map<string, [number, number][]>();
  for (const [lon, lat] of points) {
    const district = districts.districtOf(lat, lon);
    if (district === '') continue;
    const list = byDistrict.get(district) ?? [];
    list.push([lon, lat]);
    byDistrict.set(district, list);
  }
  return byDistrict;
}

/** A point a few hundred metres from an anchor of the district, still inside the district. */
function placeNear(
  random: SeededRandom,
  districts: DistrictIndex,
  district: string,
  anchors: readonly [number, number][],
) {
  const [anchorLon, anchorLat] = random.pick(anchors);
  for (let attempt = 0; attempt < 20; attempt++) {
    const lon = anchorLon + random.normal(0, 0.35) / KM_PER_DEGREE_LON;
    const lat = anchorLat + random.normal(0, 0.35) / KM_PER_DEGREE_LAT;
    if (districts.districtOf(lat, lon) === district) return { lon, lat };
  }
  return { lon: anchorLon, lat: anchorLat };
}

export function layOutSensors(
  random: SeededRandom,
  districts: DistrictIndex,
  segmentMidpoints: readonly { lat: number; lon: number }[],
): SensorSpec[] {
  const kinds = interleavedKinds();
  const anchors = landAnchors(districts, segmentMidpoints);
  const sensors: SensorSpec[] = [];
  const perSlug = new Map<string, number>();
  let next = 0;
  for (const [district, quota] of Object.entries(SENSORS_PER_DISTRICT)) {
    const districtAnchors = anchors.get(district);
    if (districtAnchors === undefined) continue; // a district file without this adcode: skip its sensors
    const districtSlug = (DISTRICT_NAMES_EN[district] ?? district).toLowerCase().replace(/[^a-z0-9]/g, '');
    for (let i = 0; i < quota; i++) {
      const plan = kinds[next++ % kinds.length] as SensorKindPlan;
      const { lon, lat } = placeNear(random, districts, district, districtAnchors);
      const ordinal = (perSlug.get(`${plan.slug}-${districtSlug}`) ?? 0) + 1;
      perSlug.set(`${plan.slug}-${districtSlug}`, ordinal);
      sensors.push({
        sensorId: `${plan.slug}-${districtSlug}-${String(ordinal).padStart(2, '0')}`,
        kind: plan.kind,
        unit: SENSOR_KINDS[plan.kind].unit,
        source: plan.source,
        district,
        lat: roundCoordinate(lat),
        lon: roundCoordinate(lon),
        cadenceSeconds: plan.cadenceSeconds,
        site: drawSite(random, district, lon, lat),
      });
    }
  }
  return sensors;
}
