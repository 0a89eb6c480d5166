// A validated source event reduced to what windows and rules need: the event time, where it is (H3 res-9
// cell and district adcode, '' outside every district) and the measurement.
import type { SensorKind } from '@citybrain/schemas/events';

export interface Place {
  cell: string;
  district: string;
  /** Present when the producer sent coordinates; otherwise the cell centre stands in. */
  lat: number | undefined;
  lon: number | undefined;
}

export interface CrowdObservation {
  kind: 'crowd';
  tsMs: number;
  place: Place;
  people: number;
  venueId: string | undefined;
}

export interface TrafficObservation {
  kind: 'traffic';
  tsMs: number;
  place: Place;
  segmentId: string;
  speedKmh: number;
  freeFlowKmh: number | undefined;
}

export interface SensorObservation {
  kind: 'sensor';
  tsMs: number;
  place: Place;
  sensorId: string;
  sensorKind: SensorKind;
  value: number;
}

export interface IncidentObservation {
  kind: 'incident';
  tsMs: number;
  place: Place;
  incidentId: string;
  incidentType: string;
  severity: 'minor' | 'major' | 'critical';
  open: boolean;
  lanesBlocked: number | undefined;
}

export type Observation = CrowdObservation | TrafficObservation | SensorObservation | IncidentObservation;
export type WindowedObservation = CrowdObservation | TrafficObservation | SensorObservation;
