// Validated events → table rows: position as lat/lon plus H3 res-9 cell plus district adcode, time as
// ClickHouse UTC text, optional fields as null rather than absent (columns are Nullable or defaulted).
import { toClickHouseTime } from '@citybrain/schemas/clickhouse';
import type { CrowdHeat, SensorReading, TrafficFlow, TrafficIncident } from '@citybrain/schemas/events';
import {
  centerOf,
  cellOf,
  VENUE_OF_CELL,
  type BoundingBox,
  type DistrictIndex,
} from '@citybrain/schemas/geo';
import type { CrowdHeatRow, Lineage, SensorReadingRow, TrafficFlowRow, TrafficIncidentRow } from './rows.js';
import { checkEventTime, checkInCity } from './validate.js';

export interface NormalizeContext {
  districts: DistrictIndex;
  bbox: BoundingBox;
  nowMs: number;
}

interface CommonEvent {
  id: string;
  ts: string;
  source: string;
  lat?: number | undefined;
  lon?: number | undefined;
  cell?: string | undefined;
}

function commonColumns(event: CommonEvent, context: NormalizeContext, lineage: Lineage) {
  const tsMs = Date.parse(event.ts);
  checkEventTime(tsMs, context.nowMs);
  let lat: number;
  let lon: number;
  let cell: string;
  if (event.lat !== undefined && event.lon !== undefined) {
    ({ lat, lon } = event);
    cell = cellOf(lat, lon);
  } else if (event.cell !== undefined) {
    cell = event.cell;
    ({ lat, lon } = centerOf(cell));
  } else {
    // Unreachable after schema validation (hasLocation); kept so a schema change cannot store a null island.
    throw new TypeError(`event ${event.id} has no location`);
  }
  checkInCity(context.bbox, lat, lon);
  return {
    id: event.id,
    ts: toClickHouseTime(tsMs),
    source: event.source,
    lat,
    lon,
    cell,
    district: context.districts.districtOfCell(cell, lat, lon),
    ...lineage,
  };
}

export function sensorReadingRow(
  e: SensorReading,
  context: NormalizeContext,
  lineage: Lineage,
): SensorReadingRow {
  return {
    ...commonColumns(e, context, lineage),
    sensor_id: e.sensorId,
    kind: e.kind,
    value: e.value,
    unit: e.unit,
  };
}

export function crowdHeatRow(e: CrowdHeat, context: NormalizeContext, lineage: Lineage): CrowdHeatRow {
  const common = commonColumns(e, context, lineage);
  return {
    ...common,
    count: e.count,
    method: e.method ?? '',
    venue_id: e.venueId ?? VENUE_OF_CELL.get(common.cell) ?? '',
  };
}

export function trafficFlowRow(e: TrafficFlow, context: NormalizeContext, lineage: Lineage): TrafficFlowRow {
  return {
    ...commonColumns(e, context, lineage),
    segment_id: e.segmentId,
    speed_kmh: e.speedKmh,
    free_flow_kmh: e.freeFlowKmh ?? null,
    volume_vph: e.volumeVph ?? null,
    occupancy: e.occupancy ?? null,
  };
}

/** `plate` arrives here already replaced by its keyed pseudonym (desensitize runs before validation). */
export function trafficIncidentRow(
  e: TrafficIncident,
  context: NormalizeContext,
  lineage: Lineage,
): TrafficIncidentRow {
  return {
    ...commonColumns(e, context, lineage),
    incident_id: e.incidentId,
    type: e.type,
    severity: e.severity,
    status: e.status,
    lanes_blocked: e.lanesBlocked ?? null,
    description: e.description ?? '',
    plate_pseudonym: e.plate ?? '',
  };
}
