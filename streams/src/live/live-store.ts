// The latest picture of the city for the wall display: newest crowd count per cell and speed per segment,
// updated on every event (not per window), so the live view moves every few seconds.
import type { SensorKind } from '@citybrain/schemas/events';
import { centerOf } from '@citybrain/schemas/geo';
import type { Observation, Place } from '../input/observation.js';
import { congestionIndex } from '../windows/snapshot.js';

export interface LiveCell {
  people: number;
  tsMs: number;
  district: string;
}

export interface LiveSegment {
  speedKmh: number;
  congestionIndex: number;
  tsMs: number;
  district: string;
  lat: number;
  lon: number;
}

/** The pollutants the wall's air-quality panel shows, and the live aggregate's `air` field carries. */
export const AIR_KINDS = [
  'air.aqi',
  'air.pm25',
  'air.pm10',
  'air.no2',
] as const satisfies readonly SensorKind[];
export type AirKind = (typeof AIR_KINDS)[number];

export const isAirKind = (kind: SensorKind): kind is AirKind =>
  (AIR_KINDS as readonly SensorKind[]).includes(kind);

/** A sensor's latest reading: air stations feed the districts' `air` means, every kind the `sensors` list. */
export interface LiveStation {
  kind: SensorKind;
  value: number;
  tsMs: number;
  district: string;
  lat: number;
  lon: number;
}

export class LiveStore {
  readonly cells = new Map<string, LiveCell>();
  readonly segments = new Map<string, LiveSegment>();
  /** Latest reading per sensor (every kind), keyed by sensor id. */
  readonly stations = new Map<string, LiveStation>();
  private newestMs = Number.NEGATIVE_INFINITY;

  /** Event time of the newest observation seen. */
  get asOfMs(): number {
    return this.newestMs;
  }

  observe(observation: Observation): void {
    if (observation.kind === 'crowd') {
      const known = this.cells.get(observation.place.cell);
      if (known && known.tsMs > observation.tsMs) return;
      this.cells.set(observation.place.cell, {
        people: observation.people,
        tsMs: observation.tsMs,
        district: observation.place.district,
      });
    } else if (observation.kind === 'traffic') {
      if (observation.freeFlowKmh === undefined) return;
      const known = this.segments.get(observation.segmentId);
      if (known && known.tsMs > observation.tsMs) return;
      const { lat, lon } = positionOf(observation.place);
      this.segments.set(observation.segmentId, {
        speedKmh: observation.speedKmh,
        congestionIndex:
          Math.round(congestionIndex(observation.freeFlowKmh, observation.speedKmh) * 100) / 100,
        tsMs: observation.tsMs,
        district: observation.place.district,
        lat,
        lon,
      });
    } else if (observation.kind === 'sensor') {
      const known = this.stations.get(observation.sensorId);
      if (known && known.tsMs > observation.tsMs) return;
      this.stations.set(observation.sensorId, {
        kind: observation.sensorKind,
        value: observation.value,
        tsMs: observation.tsMs,
        district: observation.place.district,
        ...positionOf(observation.place),
      });
    } else {
      return;
    }
    this.newestMs = Math.max(this.newestMs, observation.tsMs);
  }

  /** Drops entries older than `staleMs` before the newest event: a cell that stopped reporting leaves the map. */
  prune(staleMs: number): void {
    const cutoff = this.newestMs - staleMs;
    for (const [key, cell] of this.cells) if (cell.tsMs < cutoff) this.cells.delete(key);
    for (const [key, segment] of this.segments) if (segment.tsMs < cutoff) this.segments.delete(key);
    for (const [key, station] of this.stations) if (station.tsMs < cutoff) this.stations.delete(key);
  }
}

/** The producer's coordinates, or the cell centre when it sent only a cell. */
function positionOf(place: Place): { lat: number; lon: number } {
  return place.lat !== undefined && place.lon !== undefined
    ? { lat: place.lat, lon: place.lon }
    : centerOf(place.cell);
}
