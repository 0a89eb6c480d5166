// The feed itself, without Kafka: given the city model, a scenario, a seeded random stream and the simulated
// time to reach, it returns the events due up to then. Pure apart from its own state, so a test can run a
// simulated hour in milliseconds and assert on what the city looked like.
import type { CrowdHeat, SensorReading, TrafficFlow, TrafficIncident } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import { nominalCadenceSeconds } from './cadence.js';
import type { CityModel, SegmentSpec } from './city-model.js';
import type { CrowdCellSpec } from './crowd-layout.js';
import { expectedCrowd } from './crowd-model.js';
import { IncidentDesk } from './incidents.js';
import { localHour, localMonth } from './local-time.js';
import type { SeededRandom } from './random.js';
import type { Scenario, ScenarioState } from './scenarios.js';
import { ReportSchedule } from './schedule.js';
import type { SensorSpec } from './sensor-layout.js';
import { sensorValue } from './sensor-model.js';
import { TrafficState } from './traffic-model.js';

export type FeedEvent =
  | { topic: typeof TOPICS.crowdHeat; key: string; value: CrowdHeat }
  | { topic: typeof TOPICS.sensorReadings; key: string; value: SensorReading }
  | { topic: typeof TOPICS.trafficFlow; key: string; value: TrafficFlow }
  | { topic: typeof TOPICS.trafficIncidents; key: string; value: TrafficIncident };

export interface FeedGeneratorOptions {
  model: CityModel;
  scenario: Scenario;
  /** Consumed in a fixed order: same seed, run id, start and cadence give the same events. */
  random: SeededRandom;
  /** Prefix of every event id (`${runId}-${seq}`), so ids stay unique across runs. */
  runId: string;
  /** Simulated start, epoch ms. */
  startMs: number;
  /** Multiplies every entity's nominal reporting interval (see cadence.ts); 1 = crowd and roads every minute. */
  cadenceScale?: number;
}

/** Traffic and incidents evolve in whole simulated minutes, independent of how often detectors report. */
const WORLD_STEP_MS = 60_000;
/** Signalling counts carry a few per cent of sampling noise. */
const CROWD_NOISE = 0.04;

export class FeedGenerator {
  private readonly model: CityModel;
  private readonly scenario: Scenario;
  private readonly runId: string;
  private readonly startMs: number;
  private readonly readingRandom: SeededRandom;
  private readonly worldRandom: SeededRandom;
  private readonly schedule = new ReportSchedule();
  private readonly cadenceMs: number[];
  private readonly traffic: TrafficState;
  private readonly incidents: IncidentDesk;
  private nextWorldStep: number;
  private sequence = 0;
  private clockMs: number;

  constructor(options: FeedGeneratorOptions) {
    const { model, scenario, random, runId, startMs, cadenceScale = 1 } = options;
    this.model = model;
    this.scenario = scenario;
    this.runId = runId;
    this.startMs = startMs;
    this.clockMs = startMs;
    // Separate streams: how often entities report must not change when incidents happen.
    const phaseRandom = random.fork();
    this.worldRandom = random.fork();
    this.readingRandom = random.fork();
    this.cadenceMs = nominalCadenceSeconds(model).map((seconds) =>
      Math.max(1, Math.round(seconds * 1000 * cadenceScale)),
    );
    // Spread first reports over one interval, so the feed starts at its steady rate instead of in a burst.
    this.cadenceMs.forEach((cadence, entity) =>
      this.schedule.push({ at: startMs + phaseRandom.int(0, cadence - 1), entity }),
    );
    this.traffic = new TrafficState(model.segments);
    this.traffic.settle(localHour(startMs), scenario.stateAt(0));
    this.incidents = new IncidentDesk(model.segments, runId);
    this.nextWorldStep = startMs;
  }

  /** Simulated time up to which events have been produced. */
  get clock(): number {
    return this.clockMs;
  }

  /**
   * Every event due up to simulated time `untilMs`, in time order; at most about `maxEvents` (a world step's
   * incidents may add one or two), in which case the clock stops at the last event and the rest follow on
   * the next call. The sequence is the same however the calls slice time.
   */
  eventsUntil(untilMs: number, maxEvents = Number.POSITIVE_INFINITY): FeedEvent[] {
    const events: FeedEvent[] = [];
    while (events.length < maxEvents) {
      const due = this.schedule.peek();
      if (this.nextWorldStep <= untilMs && (due === undefined || this.nextWorldStep <= due.at)) {
        events.push(...this.stepWorld(this.nextWorldStep));
        this.clockMs = this.nextWorldStep;
        this.nextWorldStep += WORLD_STEP_MS;
        continue;
      }
      if (due === undefined || due.at > untilMs) {
        this.clockMs = Math.max(this.clockMs, untilMs);
        break;
      }
      this.schedule.pop();
      events.push(this.reading(due.entity, due.at));
      this.clockMs = due.at;
      this.schedule.push({ at: due.at + (this.cadenceMs[due.entity] ?? WORLD_STEP_MS), entity: due.entity });
    }
    return events;
  }

  private stateAt(atMs: number): ScenarioState {
    return this.scenario.stateAt((atMs - this.startMs) / 60_000);
  }

  private nextId(): string {
    this.sequence += 1;
    return `${this.runId}-${this.sequence}`;
  }

  private stepWorld(atMs: number): FeedEvent[] {
    const hour = localHour(atMs);
    const state = this.stateAt(atMs);
    const updates = this.incidents.step(atMs, hour, state, this.traffic.congestion, this.worldRandom);
    this.traffic.step(hour, state, (segment) => this.incidents.impactOn(segment));
    return updates.map((update) => ({
      topic: TOPICS.trafficIncidents,
      key: update.incidentId,
      value: { id: this.nextId(), ...update },
    }));
  }

  /** The reading of entity `entity` (crowd cells, then sensors, then segments) at `atMs`. */
  private reading(entity: number, atMs: number): FeedEvent {
    const { crowdCells, sensors } = this.model;
    const state = this.stateAt(atMs);
    if (entity < crowdCells.length) return this.crowdReading(entity, atMs, state);
    if (entity < crowdCells.length + sensors.length)
      return this.sensorReading(entity - crowdCells.length, atMs, state);
    return this.flowReading(entity - crowdCells.length - sensors.length, atMs, state);
  }

  private crowdReading(index: number, atMs: number, state: ScenarioState): FeedEvent {
    const cell = this.model.crowdCells[index] as CrowdCellSpec;
    const venue = cell.venueId === undefined ? undefined : this.model.venues.get(cell.venueId);
    const expected = expectedCrowd(cell, venue, state, localHour(atMs));
    const count = Math.max(0, Math.round(expected * (1 + this.readingRandom.normal(0, CROWD_NOISE))));
    const value: CrowdHeat = {
      id: this.nextId(),
      ts: new Date(atMs).toISOString(),
      source: 'police-heat',
      cell: cell.cell,
      count,
      method: 'signaling',
    };
    if (cell.venueId !== undefined) value.venueId = cell.venueId;
    return { topic: TOPICS.crowdHeat, key: cell.cell, value };
  }

  private sensorReading(index: number, atMs: number, state: ScenarioState): FeedEvent {
    const sensor = this.model.sensors[index] as SensorSpec;
    const context = { utcMs: atMs, hour: localHour(atMs), month: localMonth(atMs), state };
    const value: SensorReading = {
      id: this.nextId(),
      ts: new Date(atMs).toISOString(),
      source: sensor.source,
      sensorId: sensor.sensorId,
      kind: sensor.kind,
      value: sensorValue(sensor, context, this.readingRandom),
      unit: sensor.unit,
      lat: sensor.lat,
      lon: sensor.lon,
    };
    return { topic: TOPICS.sensorReadings, key: sensor.sensorId, value };
  }

  private flowReading(index: number, atMs: number, state: ScenarioState): FeedEvent {
    const segment = this.model.segments[index] as SegmentSpec;
    const value: TrafficFlow = {
      id: this.nextId(),
      ts: new Date(atMs).toISOString(),
      source: 'traffic-detectors',
      segmentId: segment.id,
      ...this.traffic.reading(index, state, this.readingRandom),
      freeFlowKmh: segment.freeFlowKmh,
      lat: segment.midpoint.lat,
      lon: segment.midpoint.lon,
    };
    return { topic: TOPICS.trafficFlow, key: segment.id, value };
  }
}
