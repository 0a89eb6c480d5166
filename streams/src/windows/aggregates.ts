// What one window remembers per entity. Crowd counts and sensor levels are gauges (the latest reading by
// event time is the state; the max is evidence); road speeds are averaged over the window, because one
// detector interval is noisy.
import type { SensorKind } from '@citybrain/schemas/events';
import type { Place, WindowedObservation } from '../input/observation.js';

export interface CellAggregate {
  place: Place;
  venueId: string | undefined;
  people: number;
  tsMs: number;
  max: number;
  reports: number;
}

export interface SegmentAggregate {
  place: Place;
  speedSum: number;
  reports: number;
  freeFlowKmh: number | undefined;
  tsMs: number;
}

export interface SensorAggregate {
  place: Place;
  kind: SensorKind;
  sum: number;
  max: number;
  last: number;
  tsMs: number;
  reports: number;
}

export class WindowAggregates {
  readonly cells = new Map<string, CellAggregate>();
  readonly segments = new Map<string, SegmentAggregate>();
  readonly sensors = new Map<string, SensorAggregate>();
  /** Lowest Kafka offset per source partition that fed this window: replay starts there after a crash. */
  readonly minOffsets = new Map<string, number>();

  constructor(
    readonly startMs: number,
    readonly endMs: number,
  ) {}

  add(observation: WindowedObservation): void {
    switch (observation.kind) {
      case 'crowd': {
        const cell = this.cells.get(observation.place.cell);
        if (!cell) {
          this.cells.set(observation.place.cell, {
            place: observation.place,
            venueId: observation.venueId,
            people: observation.people,
            tsMs: observation.tsMs,
            max: observation.people,
            reports: 1,
          });
          return;
        }
        cell.reports += 1;
        cell.max = Math.max(cell.max, observation.people);
        if (observation.tsMs >= cell.tsMs) [cell.people, cell.tsMs] = [observation.people, observation.tsMs];
        return;
      }
      case 'traffic': {
        const segment = this.segments.get(observation.segmentId);
        if (!segment) {
          this.segments.set(observation.segmentId, {
            place: observation.place,
            speedSum: observation.speedKmh,
            reports: 1,
            freeFlowKmh: observation.freeFlowKmh,
            tsMs: observation.tsMs,
          });
          return;
        }
        segment.speedSum += observation.speedKmh;
        segment.reports += 1;
        segment.freeFlowKmh = observation.freeFlowKmh ?? segment.freeFlowKmh;
        segment.tsMs = Math.max(segment.tsMs, observation.tsMs);
        return;
      }
      case 'sensor': {
        const sensor = this.sensors.get(observation.sensorId);
        if (!sensor) {
          this.sensors.set(observation.sensorId, {
            place: observation.place,
            kind: observation.sensorKind,
            sum: observation.value,
            max: observation.value,
            last: observation.value,
            tsMs: observation.tsMs,
            reports: 1,
          });
          return;
        }
        sensor.sum += observation.value;
        sensor.reports += 1;
        sensor.max = Math.max(sensor.max, observation.value);
        if (observation.tsMs >= sensor.tsMs)
          [sensor.last, sensor.tsMs] = [observation.value, observation.tsMs];
        return;
      }
    }
  }

  noteOffset(source: string, offset: number): void {
    const known = this.minOffsets.get(source);
    if (known === undefined || offset < known) this.minOffsets.set(source, offset);
  }
}
