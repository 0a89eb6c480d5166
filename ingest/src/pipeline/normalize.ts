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

interface Located {
  ts: string;
  lat: number;
  lon: number;
  cell: string;
  district: string;
}

/** Time and place of an event. Rows below are written as literals, not spreads: this is the hot path. */
function locate(event: CommonEvent, context: NormalizeContext): Located {
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
    ts: toClickHouseTime(tsMs),
    lat,
    lon,
    cell,
    district: context.districts.districtOfCell(cell, lat, lon),
  };
}

export function sensorReadingRow(
  e: SensorReading,
  context: NormalizeContext,
  lineage: Lineage,
): SensorReadingRow {
  const at = locate(e, context);
  return {
    id: e.id,
    ts: at.ts,
    source: e.source,
    sensor_id: e.sensorId,
    kind: e.kind,
    value: e.value,
    unit: e.unit,
    lat: at.lat,
    lon: at.lon,
    cell: at.cell,
    district: at.district,
    src_cluster: lineage.src_cluster,
    src_topic: lineage.src_topic,
    src_partition: lineage.src_partition,
    src_offset: lineage.src_offset,
  };
}

export function crowdHeatRow(e: CrowdHeat, context: NormalizeContext, lineage: Lineage): CrowdHeatRow {
  const at = locate(e, context);
  return {
    id: e.id,
    ts: at.ts,
    source: e.source,
    count: e.count,
    method: e.method ?? '',
    venue_id: e.venueId ?? VENUE_OF_CELL.get(at.cell) ?? '',
    lat: at.lat,
    lon: at.lon,
    cell: at.cell,
    district: at.district,
    src_cluster: lineage.src_cluster,
    src_topic: lineage.src_topic,
    src_partition: lineage.src_partition,
    src_offset: lineage.src_offset,
  };
}

export function trafficFlowRow(e: TrafficFlow, context: NormalizeContext, lineage: Lineage): TrafficFlowRow {
  const at = locate(e, context);
  return {
    id: e.id,
    ts: at.ts,
    source: e.source,
    segment_id: e.segmentId,
    speed_kmh: e.speedKmh,
    free_flow_kmh: e.freeFlowKmh ?? null,
    volume_vph: e.volumeVph ?? null,
    occupancy: e.occupancy ?? null,
    lat: at.lat,
    lon: at.lon,
    cell: at.cell,
    district: at.district,
    src_cluster: lineage.src_cluster,
    src_topic: lineage.src_topic,
    src_partition: lineage.src_partition,
    src_offset: lineage.src_offset,
  };
}

/** `plate` arrives here already replaced by its keyed pseudonym (desensitize runs before validation). */
export function trafficIncidentRow(
  e: TrafficIncident,
  context: NormalizeContext,
  lineage: Lineage,
): TrafficIncidentRow {
  const at = locate(e, context);
  return {
    id: e.id,
    ts: at.ts,
    source: e.source,
    incident_id: e.incidentId,
    type: e.type,
    severity: e.severity,
    status: e.status,
    lanes_blocked: e.lanesBlocked ?? null,
    description: e.description ?? '',
    plate_pseudonym: e.plate ?? '',
    lat: at.lat,
    lon: at.lon,
    cell: at.cell,
    district: at.district,
    src_cluster: lineage.src_cluster,
    src_topic: lineage.src_topic,
    src_partition: lineage.src_partition,
    src_offset: lineage.src_offset,
  };
}
