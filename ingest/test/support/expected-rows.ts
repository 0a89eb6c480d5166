// The ingest tables' rows as objects, written the obvious way from the events (what normalize's lines must
// stand for), each kind's line writer behind its contract, and a reader of ClickHouse TabSeparated lines
// written independently of ingest's writer.
import { toClickHouseTime } from '@citybrain/schemas/clickhouse';
import type { CrowdHeat, SensorReading, TrafficFlow, TrafficIncident } from '@citybrain/schemas/events';
import { cellOf, centerOf, type DistrictIndex, VENUE_OF_CELL } from '@citybrain/schemas/geo';
import { CONTRACTS } from '../../src/pipeline/contracts.js';
import {
  crowdHeatLine,
  sensorReadingLine,
  trafficFlowLine,
  trafficIncidentLine,
  type NormalizeContext,
} from '../../src/pipeline/normalize.js';
import type { Lineage } from '../../src/pipeline/rows.js';

export type EventKind = 'sensorReading' | 'crowdHeat' | 'trafficFlow' | 'trafficIncident';

type LineOf = (event: unknown, context: NormalizeContext, lineage: string) => string;

/** Each kind's event validated by its contract, then written as its line, as ingest does. */
export const LINES: Readonly<Record<EventKind, LineOf>> = {
  sensorReading: (e, c, l) => sensorReadingLine(CONTRACTS.sensorReading.parse(e), c, l),
  crowdHeat: (e, c, l) => crowdHeatLine(CONTRACTS.crowdHeat.parse(e), c, l),
  trafficFlow: (e, c, l) => trafficFlowLine(CONTRACTS.trafficFlow.parse(e), c, l),
  trafficIncident: (e, c, l) => trafficIncidentLine(CONTRACTS.trafficIncident.parse(e), c, l),
};

export const TABLE_OF_KIND = {
  sensorReading: 'sensor_readings',
  crowdHeat: 'crowd_heat',
  trafficFlow: 'traffic_flow',
  trafficIncident: 'traffic_incidents',
} as const;

function located(e: { ts: string; lat?: number; lon?: number; cell?: string }, districts: DistrictIndex) {
  const point = e.lat !== undefined && e.lon !== undefined;
  const cell = point ? cellOf(e.lat as number, e.lon as number) : (e.cell as string);
  const { lat, lon } = point ? { lat: e.lat as number, lon: e.lon as number } : centerOf(cell);
  return { lat, lon, cell, district: districts.districtOfCell(cell, lat, lon) };
}

export function expectedRow(
  kind: EventKind,
  e: Record<string, unknown>,
  districts: DistrictIndex,
  lineage: Lineage,
) {
  const at = located(e as { ts: string }, districts);
  const ts = toClickHouseTime(Date.parse(e.ts as string));
  const head = { id: e.id, ts, source: e.source };
  const place = { lat: at.lat, lon: at.lon, cell: at.cell, district: at.district };
  switch (kind) {
    case 'sensorReading': {
      const r = e as unknown as SensorReading;
      return {
        ...head,
        sensor_id: r.sensorId,
        kind: r.kind,
        value: r.value,
        unit: r.unit,
        ...place,
        ...lineage,
      };
    }
    case 'crowdHeat': {
      const r = e as unknown as CrowdHeat;
      const venue = r.venueId ?? VENUE_OF_CELL.get(at.cell) ?? '';
      return { ...head, count: r.count, method: r.method ?? '', venue_id: venue, ...place, ...lineage };
    }
    case 'trafficFlow': {
      const r = e as unknown as TrafficFlow;
      return {
        ...head,
        segment_id: r.segmentId,
        speed_kmh: r.speedKmh,
        free_flow_kmh: r.freeFlowKmh ?? null,
        volume_vph: r.volumeVph ?? null,
        occupancy: r.occupancy ?? null,
        ...place,
        ...lineage,
      };
    }
    default: {
      const r = e as unknown as TrafficIncident;
      return {
        ...head,
        incident_id: r.incidentId,
        type: r.type,
        severity: r.severity,
        status: r.status,
        lanes_blocked: r.lanesBlocked ?? null,
        description: r.description ?? '',
        plate_pseudonym: r.plate ?? '',
        ...place,
        ...lineage,
      };
    }
  }
}

const UNESCAPED: Readonly<Record<string, string>> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };

/** A TabSeparated line's fields: `\N` is NULL, and backslash escapes are undone. */
export function parseTsvLine(line: string): (string | null)[] {
  return line
    .split('\t')
    .map((field) =>
      field === '\\N' ? null : field.replace(/\\(.)/g, (_, char: string) => UNESCAPED[char] ?? char),
    );
}
