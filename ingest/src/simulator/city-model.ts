// The simulated city: which sensors, crowd cells and road segments exist, where, and with what character.
// Built once per run from the seed; the generator then only reads it.
import { segmentArterials, type DistrictIndex, type RoadSegment } from '@citybrain/schemas/geo';
import { layOutCrowds, type CrowdCellSpec, type VenueCrowd } from './crowd-layout.js';
import type { SeededRandom } from './random.js';
import { layOutSensors, type SensorSpec } from './sensor-layout.js';

export interface SegmentSpec extends RoadSegment {
  district: string;
  /** How much of the city's demand this segment carries, ~0.8–1.2: central arterials jam first. */
  load: number;
  /** Positions in `CityModel.segments` of the adjacent segments on the same arterial. */
  neighbours: number[];
}

export interface CityModel {
  sensors: SensorSpec[];
  crowdCells: CrowdCellSpec[];
  venues: Map<string, VenueCrowd>;
  segments: SegmentSpec[];
}

/** The cross-town arterials through Futian and Luohu carry the most traffic; outlying roads less. */
const ARTERIAL_LOAD: Readonly<Record<string, number>> = {
  shennan: 1.08,
  beihuan: 1.05,
  binhai: 1.0,
  binhe: 1.02,
  huanggang: 1.0,
  yitian: 0.97,
  xinzhou: 0.97,
  meiguan: 1.0,
  baoan: 1.0,
  longgang: 1.0,
  'shahe-west': 0.95,
  nanhai: 0.95,
  qianhai: 0.9,
  shenyan: 0.9,
  guangming: 0.85,
  pingshan: 0.85,
};

function layOutSegments(random: SeededRandom, districts: DistrictIndex): SegmentSpec[] {
  const segments = segmentArterials();
  const position = new Map(segments.map((segment, i) => [segment.id, i]));
  const idAt = (segment: RoadSegment, index: number): string =>
    `${segment.arterialId}-${String(index + 1).padStart(2, '0')}`;
  return segments.map((segment) => ({
    ...segment,
    district: districts.districtOf(segment.midpoint.lat, segment.midpoint.lon),
    load: (ARTERIAL_LOAD[segment.arterialId] ?? 0.9) * random.between(0.92, 1.08),
    neighbours: [idAt(segment, segment.index - 1), idAt(segment, segment.index + 1)].flatMap((id) => {
      const at = position.get(id);
      return at === undefined ? [] : [at];
    }),
  }));
}

/** Lays the city out from `random` (a stream of its own, so the layout depends on the seed only). */
export function buildCityModel(random: SeededRandom, districts: DistrictIndex): CityModel {
  const segments = layOutSegments(random, districts);
  const { cells, venues } = layOutCrowds(random);
  const sensors = layOutSensors(
    random,
    districts,
    segments.map((segment) => segment.midpoint),
  );
  return { sensors, crowdCells: cells, venues, segments };
}
