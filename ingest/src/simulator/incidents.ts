// Traffic incidents as a traffic-police desk would log them: each opens on a segment, blocks lanes (which
// congests the road, see traffic-model.ts) and is cleared some time later. Accidents and breakdowns often
// carry the vehicle's plate — personal data that ingest pseudonymizes before anything is stored.
import type { TrafficIncident } from '@citybrain/schemas/events';
import type { SegmentSpec } from './city-model.js';
import { roundCoordinate } from './coordinates.js';
import { trafficDemand } from './curves.js';
import type { SeededRandom } from './random.js';
import type { ScenarioState } from './scenarios.js';

type IncidentType = TrafficIncident['type'];
type Severity = TrafficIncident['severity'];
export type IncidentUpdate = Omit<TrafficIncident, 'id'>;

interface OpenIncident {
  clearsAt: number;
  impact: number;
  update: IncidentUpdate;
}

/** City-wide incidents per hour at average demand; rush hours and storms raise it. */
const BASE_INCIDENTS_PER_HOUR = 4;
const MAX_OPEN = 12;
const SOURCE = 'traffic-police';

const TYPE_WEIGHTS: readonly (readonly [IncidentType, number])[] = [
  ['accident', 0.4],
  ['breakdown', 0.3],
  ['roadwork', 0.1],
  ['hazard', 0.1],
  ['congestion', 0.1],
];
const SEVERITY_WEIGHTS: readonly (readonly [Severity, number])[] = [
  ['minor', 0.6],
  ['major', 0.3],
  ['critical', 0.1],
];
/** Congestion a blockage forces on its segment: a critical crash all but closes the road. */
const IMPACT: Readonly<Record<Severity, number>> = { minor: 0.35, major: 0.6, critical: 0.85 };

/** What happened, in Chinese and English: the ops center's log is bilingual. */
const WHAT: Readonly<Record<IncidentType, readonly (readonly [string, string])[]>> = {
  accident: [
    ['两车追尾', 'rear-end collision'],
    ['多车追尾', 'multi-vehicle collision'],
    ['车辆刮擦', 'side-swipe between two cars'],
    ['车辆撞击护栏', 'vehicle hit the guardrail'],
  ],
  breakdown: [
    ['车辆故障停驶', 'broken-down vehicle'],
    ['货车爆胎', 'lorry with a burst tyre'],
  ],
  roadwork: [
    ['道路施工', 'roadworks'],
    ['管道抢修', 'emergency pipe repair'],
  ],
  hazard: [
    ['路面遗撒物', 'debris on the road'],
    ['井盖缺失', 'missing manhole cover'],
  ],
  congestion: [
    ['车流缓行', 'slow traffic'],
    ['严重拥堵', 'severe congestion'],
  ],
};

const STANDING_WATER = ['路面积水', 'standing water'] as const;

const LANES_BLOCKED: Readonly<Record<Severity, (random: SeededRandom) => number>> = {
  minor: () => 1,
  major: (random) => random.int(1, 2),
  critical: (random) => random.int(2, 3),
};

/** Minutes until cleared: roadworks last hours, a fender-bender half an hour. */
const DURATION_MINUTES: Readonly<Record<IncidentType, readonly [number, number]>> = {
  accident: [20, 90],
  breakdown: [15, 40],
  roadwork: [90, 240],
  hazard: [20, 60],
  congestion: [20, 50],
};

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O on Chinese plates

/** A Shenzhen plate (粤B): five digits, a letter and four digits, or a green new-energy plate (D/F + 5). */
export function shenzhenPlate(random: SeededRandom): string {
  const digits = (n: number): string => Array.from({ length: n }, () => random.int(0, 9)).join('');
  const form = random.weighted([
    ['digits', 0.4],
    ['letter', 0.35],
    ['new-energy', 0.25],
  ] as const);
  if (form === 'digits') return `粤B${digits(5)}`;
  if (form === 'letter')
    return `粤B${PLATE_LETTERS.charAt(random.int(0, PLATE_LETTERS.length - 1))}${digits(4)}`;
  return `粤B${random.pick(['D', 'F'])}${digits(5)}`;
}

function direction(segment: SegmentSpec, random: SeededRandom): readonly [string, string] {
  const first = segment.polyline[0] ?? [0, 0];
  const last = segment.polyline[segment.polyline.length - 1] ?? first;
  const eastWest = Math.abs(last[0] - first[0]) > Math.abs(last[1] - first[1]);
  return eastWest
    ? random.pick([
        ['东行', 'eastbound'],
        ['西行', 'westbound'],
      ] as const)
    : random.pick([
        ['北行', 'northbound'],
        ['南行', 'southbound'],
      ] as const);
}

function pointOn(segment: SegmentSpec, random: SeededRandom): { lat: number; lon: number } {
  const leg = random.int(0, segment.polyline.length - 2);
  const a = segment.polyline[leg];
  const b = segment.polyline[leg + 1];
  if (a === undefined || b === undefined) return segment.midpoint; // a segment always has two points
  const t = random.next();
  return { lon: roundCoordinate(a[0] + (b[0] - a[0]) * t), lat: roundCoordinate(a[1] + (b[1] - a[1]) * t) };
}

export class IncidentDesk {
  private readonly open = new Map<number, OpenIncident>();
  private opened = 0;

  constructor(
    private readonly segments: readonly SegmentSpec[],
    private readonly runId: string,
  ) {}

  get openCount(): number {
    return this.open.size;
  }

  /** Congestion forced on a segment by an open incident there (0 if none). */
  impactOn(segment: number): number {
    return this.open.get(segment)?.impact ?? 0;
  }

  /** One simulated minute: clears incidents whose time has come, then perhaps opens a new one. */
  step(
    now: number,
    hour: number,
    state: ScenarioState,
    congestion: Float64Array,
    random: SeededRandom,
  ): IncidentUpdate[] {
    const updates: IncidentUpdate[] = [];
    for (const [segment, incident] of [...this.open]) {
      if (incident.clearsAt > now) continue;
      this.open.delete(segment);
      const { source, lat, lon, incidentId, type, severity } = incident.update;
      const road = this.segments[segment]?.name ?? { zh: '', en: '' };
      updates.push({
        ts: new Date(now).toISOString(),
        source,
        lat,
        lon,
        incidentId,
        type,
        severity,
        status: 'cleared',
        lanesBlocked: 0,
        description: `${road.zh}事件已处置，恢复通行 / cleared on ${road.en}, traffic restored`,
      });
    }
    const perMinute = (BASE_INCIDENTS_PER_HOUR / 60) * state.incidentRate * (0.5 + trafficDemand(hour));
    if (this.open.size < MAX_OPEN && random.chance(1 - Math.exp(-perMinute))) {
      const opened = this.openOne(now, state, congestion, random);
      if (opened !== undefined) updates.push(opened);
    }
    return updates;
  }

  private openOne(
    now: number,
    state: ScenarioState,
    congestion: Float64Array,
    random: SeededRandom,
  ): IncidentUpdate | undefined {
    const segmentIndex = random.int(0, this.segments.length - 1);
    const segment = this.segments[segmentIndex];
    if (segment === undefined || this.open.has(segmentIndex)) return undefined;
    // Storms leave water on the road; police log "congestion" only where traffic is actually slow.
    const standingWater = state.rain > 0.3 && random.chance(0.4);
    let type: IncidentType = standingWater ? 'hazard' : random.weighted(TYPE_WEIGHTS);
    if (type === 'congestion' && (congestion[segmentIndex] ?? 0) < 0.5) type = 'breakdown';
    const severity = type === 'roadwork' ? 'minor' : random.weighted(SEVERITY_WEIGHTS);
    const lanesBlocked = Math.min(segment.lanes, LANES_BLOCKED[severity](random));
    const [whatZh, whatEn] = standingWater ? STANDING_WATER : random.pick(WHAT[type]);
    const [dirZh, dirEn] = direction(segment, random);
    const [minMinutes, maxMinutes] = DURATION_MINUTES[type];
    const withPlate =
      (type === 'accident' && random.chance(0.75)) || (type === 'breakdown' && random.chance(0.85));
    this.opened += 1;
    const update: IncidentUpdate = {
      ts: new Date(now).toISOString(),
      source: SOURCE,
      ...pointOn(segment, random),
      incidentId: `${this.runId}-inc-${this.opened}`,
      type,
      severity,
      status: 'open',
      lanesBlocked,
      description: `${segment.name.zh}${dirZh}${whatZh}，占用${lanesBlocked}条车道 / ${whatEn} on ${segment.name.en} ${dirEn}, ${lanesBlocked} lane${lanesBlocked === 1 ? '' : 's'} blocked`,
      ...(withPlate ? { plate: shenzhenPlate(random) } : {}),
    };
    this.open.set(segmentIndex, {
      clearsAt: now + random.int(minMinutes, maxMinutes) * 60_000,
      // A congestion report describes a jam rather than causing one.
      impact: type === 'congestion' ? 0 : IMPACT[severity],
      update,
    });
    return update;
  }
}
