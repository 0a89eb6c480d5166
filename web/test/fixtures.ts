// Small, named contract fixtures for web's tests: a district's live picture and alert events, built on real
// H3 cells of the demo city so they pass the schemas' validators.
import {
  ALERT_LEVELS,
  type Alert,
  type AlertEvent,
  type AlertLevel,
  type LiveAggregate,
  type LiveSensor,
} from '@citybrain/schemas/events';
import { gridDisk, latLngToCell } from 'h3-js';
import type { WallSnapshot } from '../src/realtime/events.js';

export const NANSHAN = '440305';
export const FUTIAN = '440304';

const CENTERS: Record<string, [number, number]> = {
  [NANSHAN]: [22.515, 113.96], // Shenzhen Bay Park
  [FUTIAN]: [22.541, 114.055], // Civic Center
};

export function liveFixture(
  district: string,
  {
    ts = new Date().toISOString(),
    seq = 1,
    rings = 6,
    people = 500,
    sensors,
  }: { ts?: string; seq?: number; rings?: number; people?: number; sensors?: LiveSensor[] } = {},
): LiveAggregate {
  const [lat, lon] = CENTERS[district] ?? [22.55, 114.05];
  const cells = gridDisk(latLngToCell(lat, lon, 9), rings);
  return {
    district,
    seq,
    ts,
    asOf: ts,
    kpis: {
      people: cells.length * people,
      congestionIndex: 1.8,
      activeAlerts: { blue: 0, yellow: 1, orange: 0, red: 0 },
    },
    heat: cells.map((cell, i) => ({ cell, people: Math.round(people * (1 + (i % 7))) })),
    congestion: [{ segmentId: 'binhai-03', speedKmh: 25, congestionIndex: 2.4, lat: 22.525, lon: 113.95 }],
    truncated: false,
    ...(sensors ? { sensors } : {}),
  };
}

/** A few sensors of different kinds around the district's centre, one in a warning band. */
export function sensorsFixture(district: string, ts = new Date().toISOString()): LiveSensor[] {
  const [lat, lon] = CENTERS[district] ?? [22.55, 114.05];
  const at = (i: number) => ({ lat: lat + 0.01 * (i % 2), lon: lon - 0.015 * i, ts });
  return [
    { sensorId: `aqi-${district}`, kind: 'air.aqi', value: 48, unit: 'AQI', ...at(0) },
    { sensorId: `pm25-${district}`, kind: 'air.pm25', value: 82, unit: 'µg/m³', ...at(1) },
    { sensorId: `water-${district}`, kind: 'water.level', value: 3.1, unit: 'm', ...at(2) },
    { sensorId: `noise-${district}`, kind: 'noise.leq', value: 63, unit: 'dBA', ...at(3) },
  ];
}

export function cityFixture(ts = new Date().toISOString()): LiveAggregate {
  return {
    district: 'city',
    seq: 1,
    ts,
    asOf: ts,
    kpis: { people: 123_456, congestionIndex: 1.4, activeAlerts: { blue: 0, yellow: 1, orange: 0, red: 0 } },
    heat: [],
    congestion: [],
    truncated: false,
  };
}

export function alertFixture(
  alertId: string,
  {
    district = NANSHAN,
    level = 'yellow',
    version = 1,
    raisedAt = new Date().toISOString(),
  }: { district?: string; level?: AlertLevel; version?: number; raisedAt?: string } = {},
): Alert {
  const [lat, lon] = CENTERS[district] ?? [22.55, 114.05];
  return {
    alertId,
    version,
    ruleId: 'crowd-venue-occupancy',
    category: 'crowd',
    level,
    status: 'active',
    district,
    agencies: ['police', 'venue_operator'],
    location: { lat, lon },
    title: { zh: `深圳湾公园人流预警 ${alertId}`, en: `Crowding at Shenzhen Bay Park ${alertId}` },
    metric: { name: 'occupancy', value: 60 + ALERT_LEVELS.indexOf(level) * 15, threshold: 60, unit: '%' },
    evidence: { subject: 'venue:shenzhen-bay-park' },
    raisedAt,
    updatedAt: raisedAt,
  };
}

export function alertEventFixture(alert: Alert, type: AlertEvent['type'] = 'raised'): AlertEvent {
  return { type, alert, ts: alert.updatedAt };
}

/** A city wall display's snapshot: nothing in it unless given. */
export function wallSnapshotFixture(over: Partial<WallSnapshot> = {}): WallSnapshot {
  return {
    scope: { kind: 'city' },
    viewer: {
      userId: 'wall-1',
      role: 'wall',
      scope: { kind: 'city' },
      expiresAt: '2026-11-23T08:00:00.000Z',
    },
    alerts: [],
    live: [],
    serverTime: '2026-11-22T08:00:00.000Z',
    staleAfterMs: 20_000,
    ...over,
  };
}
