// A closed window → the metric samples rules watch. Entities that did not report in this window carry their
// last value forward while it is fresh (`staleMs`): sensors report every 2–5 minutes, and a park's total
// must not halve because half its cells reported a few seconds after the window closed.
import type { MetricName } from '../rules/schema.js';
import type { SubjectCatalog } from '../subjects/catalog.js';
import type { Subject } from '../subjects/subject.js';
import type { CellAggregate, SegmentAggregate, SensorAggregate, WindowAggregates } from './aggregates.js';

export interface MetricSample {
  metric: MetricName;
  subject: Subject;
  value: number;
  evidence: Record<string, number | string>;
}

/** A stopped car reads 0 km/h: cap the index rather than divide by zero. */
export const MAX_CONGESTION_INDEX = 10;
/** A district's congestion index needs this many reporting segments to mean anything. */
const MIN_DISTRICT_SEGMENTS = 3;

export function congestionIndex(freeFlowKmh: number, speedKmh: number): number {
  return Math.min(MAX_CONGESTION_INDEX, freeFlowKmh / Math.max(speedKmh, freeFlowKmh / MAX_CONGESTION_INDEX));
}

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

export class SnapshotBuilder {
  private readonly cells = new Map<string, CellAggregate>();
  private readonly segments = new Map<string, SegmentAggregate>();
  private readonly sensors = new Map<string, SensorAggregate>();

  constructor(
    private readonly catalog: SubjectCatalog,
    private readonly staleMs: number,
  ) {}

  /** Folds a closed window into the carried state and returns every fresh entity's samples. */
  samples(window: WindowAggregates): MetricSample[] {
    merge(this.cells, window.cells, window.endMs, this.staleMs);
    merge(this.segments, window.segments, window.endMs, this.staleMs);
    merge(this.sensors, window.sensors, window.endMs, this.staleMs);
    return [...this.crowdSamples(), ...this.trafficSamples(), ...this.sensorSamples()];
  }

  private *crowdSamples(): Generator<MetricSample> {
    const venues = new Map<string, { people: number; cells: number }>();
    for (const [cell, agg] of this.cells) {
      yield {
        metric: 'crowd.cell.people',
        subject: this.catalog.atPlace('cell', cell, agg.place, agg.venueId),
        value: agg.people,
        evidence: { people: agg.people, windowMax: agg.max, reports: agg.reports },
      };
      if (agg.venueId !== undefined) {
        const venue = venues.get(agg.venueId) ?? { people: 0, cells: 0 };
        venue.people += agg.people;
        venue.cells += 1;
        venues.set(agg.venueId, venue);
      }
    }
    for (const [venueId, total] of venues) {
      const subject = this.catalog.venueSubject(venueId);
      const capacity = this.catalog.venue(venueId)?.capacity;
      if (!subject || !capacity) continue;
      yield {
        metric: 'crowd.venue.occupancy',
        subject,
        value: round((100 * total.people) / capacity, 2),
        evidence: { people: total.people, capacity, cellsReporting: total.cells },
      };
    }
  }

  private *trafficSamples(): Generator<MetricSample> {
    const districts = new Map<string, { sum: number; segments: number }>();
    for (const [segmentId, agg] of this.segments) {
      if (agg.freeFlowKmh === undefined) continue;
      const speed = agg.speedSum / agg.reports;
      const index = round(congestionIndex(agg.freeFlowKmh, speed));
      yield {
        metric: 'traffic.segment.congestion',
        subject: this.catalog.atPlace('segment', segmentId, agg.place),
        value: index,
        evidence: { speedKmh: round(speed, 1), freeFlowKmh: agg.freeFlowKmh, reports: agg.reports },
      };
      if (agg.place.district !== '') {
        const district = districts.get(agg.place.district) ?? { sum: 0, segments: 0 };
        district.sum += index;
        district.segments += 1;
        districts.set(agg.place.district, district);
      }
    }
    for (const [adcode, total] of districts) {
      const subject = this.catalog.districtSubject(adcode);
      if (!subject || total.segments < MIN_DISTRICT_SEGMENTS) continue;
      yield {
        metric: 'traffic.district.congestion',
        subject,
        value: round(total.sum / total.segments),
        evidence: { segmentsReporting: total.segments },
      };
    }
  }

  private *sensorSamples(): Generator<MetricSample> {
    for (const [sensorId, agg] of this.sensors) {
      const mean = agg.sum / agg.reports;
      // A water gauge's latest level is the state; rain and air readings are averaged over the window.
      const value = agg.kind === 'water.level' ? agg.last : mean;
      yield {
        metric: agg.kind,
        subject: this.catalog.atPlace('sensor', sensorId, agg.place),
        value: round(value),
        evidence: { mean: round(mean), max: round(agg.max), reports: agg.reports },
      };
    }
  }
}

function merge<T extends { tsMs: number }>(
  carried: Map<string, T>,
  fresh: ReadonlyMap<string, T>,
  endMs: number,
  staleMs: number,
): void {
  for (const [key, agg] of fresh) carried.set(key, agg);
  for (const [key, agg] of carried) if (endMs - agg.tsMs > staleMs) carried.delete(key);
}
