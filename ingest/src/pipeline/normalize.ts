// Validated events → TabSeparated lines: position as lat/lon plus H3 res-9 cell plus district adcode, time as
// ClickHouse UTC text, absent optional numbers as NULL and absent optional strings as ''. Fields follow
// EVENT_COLUMNS (rows.ts); normalize.test.ts parses every line back into the row object it stands for.
import { toClickHouseTime } from '@citybrain/schemas/clickhouse';
import type { CrowdHeat, SensorReading, TrafficFlow, TrafficIncident } from '@citybrain/schemas/events';
import type { BoundingBox } from '@citybrain/schemas/geo';
import type { Place, PlaceIndex } from './places.js';
import { tsvNullable, tsvString } from './tsv.js';
import { checkEventTime, checkInCity, MAX_FUTURE_MS } from './validate.js';

export interface NormalizeContext {
  places: PlaceIndex;
  bbox: BoundingBox;
  nowMs: number;
}

interface CommonEvent {
  id: string;
  ts: string;
  lat?: number | undefined;
  lon?: number | undefined;
  cell?: string | undefined;
}

const str = tsvString;
const nullable = tsvNullable;

// 'YYYY-MM-DDTHH:MM:SS.sssZ' (what toISOString writes, years 1000-9999). Most producers send exactly this, and
// for it neither Date.parse (~0.4 µs) nor date arithmetic is needed: the ClickHouse text is a re-spelling,
// and text order is time order, so the future check is a string comparison.
const CANONICAL_UTC = /^[1-9]\d{3}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The latest canonical timestamp accepted at `nowMs`, remembered while the clock reads the same ms. */
let latestAccepted = { nowMs: Number.NaN, iso: '' };

function latestAcceptedIso(nowMs: number): string {
  if (latestAccepted.nowMs !== nowMs) {
    const iso = new Date(nowMs + MAX_FUTURE_MS).toISOString();
    latestAccepted = { nowMs, iso: CANONICAL_UTC.test(iso) ? iso : '' };
  }
  return latestAccepted.iso;
}

/**
 * The ClickHouse DateTime64(3) text of a validated event time, once checked not to be from the far future:
 * the same as checkEventTime(Date.parse(ts), nowMs) then toClickHouseTime (normalize.test.ts).
 */
export function checkedClickHouseTime(ts: string, nowMs: number): string {
  const latest = latestAcceptedIso(nowMs);
  if (latest !== '' && CANONICAL_UTC.test(ts)) {
    if (ts > latest) checkEventTime(Date.parse(ts), nowMs); // refuses it, saying by how much
    return `${ts.slice(0, 10)} ${ts.slice(11, 23)}`;
  }
  const tsMs = Date.parse(ts);
  checkEventTime(tsMs, nowMs);
  return toClickHouseTime(tsMs);
}

/** Where an event is, checked to be inside the city. */
function placeOf(event: CommonEvent, context: NormalizeContext): Place {
  let place: Place;
  if (event.lat !== undefined && event.lon !== undefined) {
    place = context.places.atPoint(event.lat, event.lon);
  } else if (event.cell !== undefined) {
    place = context.places.ofCell(event.cell);
  } else {
    // Unreachable after schema validation (hasLocation); kept so a schema change cannot store a null island.
    throw new TypeError(`event ${event.id} has no location`);
  }
  checkInCity(context.bbox, place.lat, place.lon);
  return place;
}

// Each row checks its time first, then its place (the order of the reasons a dead letter gives).

export function sensorReadingLine(e: SensorReading, context: NormalizeContext, lineage: string): string {
  const ts = checkedClickHouseTime(e.ts, context.nowMs);
  const place = placeOf(e, context);
  return `${str(e.id)}\t${ts}\t${str(e.source)}\t${str(e.sensorId)}\t${str(e.kind)}\t${e.value}\t${str(e.unit)}\t${place.tsv}\t${lineage}`;
}

export function crowdHeatLine(e: CrowdHeat, context: NormalizeContext, lineage: string): string {
  const ts = checkedClickHouseTime(e.ts, context.nowMs);
  const place = placeOf(e, context);
  return `${str(e.id)}\t${ts}\t${str(e.source)}\t${e.count}\t${str(e.method ?? '')}\t${str(e.venueId ?? place.venueId)}\t${place.tsv}\t${lineage}`;
}

export function trafficFlowLine(e: TrafficFlow, context: NormalizeContext, lineage: string): string {
  const ts = checkedClickHouseTime(e.ts, context.nowMs);
  const place = placeOf(e, context);
  return `${str(e.id)}\t${ts}\t${str(e.source)}\t${str(e.segmentId)}\t${e.speedKmh}\t${nullable(e.freeFlowKmh)}\t${nullable(e.volumeVph)}\t${nullable(e.occupancy)}\t${place.tsv}\t${lineage}`;
}

/** `plate` arrives here already replaced by its keyed pseudonym (desensitize runs before validation). */
export function trafficIncidentLine(e: TrafficIncident, context: NormalizeContext, lineage: string): string {
  const ts = checkedClickHouseTime(e.ts, context.nowMs);
  const place = placeOf(e, context);
  return `${str(e.id)}\t${ts}\t${str(e.source)}\t${str(e.incidentId)}\t${str(e.type)}\t${str(e.severity)}\t${str(e.status)}\t${nullable(e.lanesBlocked)}\t${str(e.description ?? '')}\t${str(e.plate ?? '')}\t${place.tsv}\t${lineage}`;
}
