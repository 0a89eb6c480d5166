// Congestion per road segment, stepped once a simulated minute. Each segment's own demand (time of day ×
// scenario × how central the road is) sets a target; an open incident raises it; and a jam reaches back onto
// the neighbouring segments of the same arterial, fading with distance, so congestion spreads along the road.
import { trafficDemand } from './curves.js';
import type { SegmentSpec } from './city-model.js';
import type { SeededRandom } from './random.js';
import type { ScenarioState } from './scenarios.js';

/** Demand at which a segment starts to slow, and the extra demand that jams it completely. */
const JAM_ONSET = 0.75;
const JAM_RANGE = 0.55;
/** Share of a segment's jam that reaches the next segment back along the road. */
const SPILLBACK = 0.75;
/** Share of the gap to the target closed per minute: jams build and dissolve over a few minutes. */
const RESPONSE = 0.3;
/** At full congestion traffic still creeps at 22 % of free-flow speed. */
const JAM_SLOWDOWN = 0.78;
const VEHICLES_PER_LANE_HOUR = 1_800;

export interface FlowReading {
  speedKmh: number;
  volumeVph: number;
  occupancy: number;
}

export class TrafficState {
  /** 0 = free flow … 1 = jammed, per segment (same order as the model's segments). */
  readonly congestion: Float64Array;
  private readonly demand: Float64Array;

  constructor(private readonly segments: readonly SegmentSpec[]) {
    this.congestion = new Float64Array(segments.length);
    this.demand = new Float64Array(segments.length);
  }

  /** Advances one simulated minute. `incidentImpact(i)` is the congestion an open incident forces on segment i. */
  step(hour: number, state: ScenarioState, incidentImpact: (segment: number) => number): void {
    const cityDemand = trafficDemand(hour) * state.trafficDemand;
    const targets = this.segments.map((segment, i) => {
      const demand = cityDemand * (1 + (state.arterialDemand[segment.arterialId] ?? 0)) * segment.load;
      this.demand[i] = demand;
      const own = Math.min(1, Math.max(0, (demand - JAM_ONSET) / JAM_RANGE));
      return Math.max(own, incidentImpact(i));
    });
    // Queues reach back along the road, fading per segment. Both carriageways share a segment, so spread
    // both ways: one pass down the arterial, one pass up, from the causes only — never from spilled
    // congestion itself, or two neighbours would keep each other jammed after the cause has gone.
    const spread = (i: number, towards: (j: number) => boolean): void => {
      for (const j of this.segments[i]?.neighbours ?? []) {
        if (towards(j)) targets[i] = Math.max(targets[i] ?? 0, (targets[j] ?? 0) * SPILLBACK);
      }
    };
    for (let i = 0; i < targets.length; i++) spread(i, (j) => j < i);
    for (let i = targets.length - 1; i >= 0; i--) spread(i, (j) => j > i);
    targets.forEach((target, i) => {
      const current = this.congestion[i] ?? 0;
      this.congestion[i] = current + (target - current) * RESPONSE;
    });
  }

  /** Runs the model at one hour until it settles, so a run starting at 08:30 starts in the rush, not empty roads. */
  settle(hour: number, state: ScenarioState): void {
    for (let minute = 0; minute < 30; minute++) this.step(hour, state, () => 0);
  }

  /** What the segment's detector reports now: speed, flow and lane occupancy, with measurement noise. */
  reading(index: number, state: ScenarioState, random: SeededRandom): FlowReading {
    const segment = this.segments[index] as SegmentSpec;
    const congestion = this.congestion[index] ?? 0;
    const demand = this.demand[index] ?? 0;
    const speedRatio = state.speedFactor * (1 - JAM_SLOWDOWN * congestion);
    const speedKmh = segment.freeFlowKmh * speedRatio * (1 + random.normal(0, 0.04));
    // Below saturation flow follows demand; in a jam it falls with speed (Greenshields: q ∝ v(1 − v/vf)).
    const flowShare =
      congestion < 0.5 ? Math.min(0.95, demand / 1.2) : 0.95 * 4 * speedRatio * (1 - speedRatio);
    const volume = segment.lanes * VEHICLES_PER_LANE_HOUR * flowShare * (1 + random.normal(0, 0.05));
    const occupancy = 0.03 + 0.12 * Math.min(1, demand) + 0.6 * congestion + random.normal(0, 0.01);
    return {
      speedKmh: Math.round(Math.min(segment.freeFlowKmh * 1.15, Math.max(3, speedKmh)) * 10) / 10,
      volumeVph: Math.max(0, Math.round(volume)),
      occupancy: Math.round(Math.min(0.95, Math.max(0, occupancy)) * 100) / 100,
    };
  }
}
