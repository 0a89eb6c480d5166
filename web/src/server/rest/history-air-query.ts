// Air quality at an instant from `sensor_readings`: per district and for the whole city, the mean of each
// station's latest reading per pollutant in the window before it — what streams' live aggregate carried then.
import type { LiveAir } from '@citybrain/schemas/events';
import type { ClickHouseClient } from '@clickhouse/client';
import type { WallScope } from '../../realtime/events.js';
import type { HistoryAir } from '../../realtime/history.js';
import { scopeDistrict } from '../../realtime/picture.js';
import { IN_WINDOW, windowParams, type Statement } from './history-sql.js';

const KINDS = { 'air.aqi': 'aqi', 'air.pm25': 'pm25', 'air.pm10': 'pm10', 'air.no2': 'no2' } as const;
type Pollutant = (typeof KINDS)[keyof typeof KINDS];

/**
 * Every district's means, not only the scope's: a district wall compares its air with the city's, and the
 * city mean is over all stations. The scope cuts the rows after the query (airFromRows).
 */
export function airAtStatement(atMs: number, windowMinutes: number): Statement {
  return {
    query: `SELECT district, kind, sum(latest) AS total, count() AS stations
            FROM (
              SELECT sensor_id, kind, any(district) AS district, argMax(value, ts) AS latest
              FROM sensor_readings
              WHERE kind IN {kinds:Array(String)} AND ${IN_WINDOW}
              GROUP BY sensor_id, kind
            )
            GROUP BY district, kind`,
    query_params: { ...windowParams(atMs, windowMinutes), kinds: Object.keys(KINDS) },
  };
}

export interface AirRow {
  district: string;
  kind: string;
  total: number;
  stations: number;
}

const DIGITS: Record<Pollutant, number> = { aqi: 0, pm25: 1, pm10: 1, no2: 1 };

function meansOf(rows: readonly AirRow[]): LiveAir {
  const sums = new Map<Pollutant, { total: number; n: number }>();
  let stations = 0;
  for (const row of rows) {
    const pollutant = KINDS[row.kind as keyof typeof KINDS] as Pollutant | undefined;
    if (pollutant === undefined) continue;
    const sum = sums.get(pollutant) ?? { total: 0, n: 0 };
    sum.total += row.total;
    sum.n += row.stations;
    sums.set(pollutant, sum);
    stations += row.stations;
  }
  const mean = (p: Pollutant): number | null => {
    const sum = sums.get(p);
    if (sum === undefined || sum.n === 0) return null;
    const scale = 10 ** DIGITS[p];
    return Math.round((sum.total / sum.n) * scale) / scale;
  };
  return { aqi: mean('aqi'), pm25: mean('pm25'), pm10: mean('pm10'), no2: mean('no2'), stations };
}

/** The scope's districts (a district wall: its own) and the city, each with at least one station. */
export function airFromRows(rows: readonly AirRow[], scope: WallScope): HistoryAir['districts'] {
  const only = scopeDistrict(scope);
  const byDistrict = new Map<string, AirRow[]>();
  for (const row of rows) {
    if (row.district === '' || (only !== undefined && row.district !== only)) continue;
    byDistrict.set(row.district, [...(byDistrict.get(row.district) ?? []), row]);
  }
  const districts = [...byDistrict]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([district, own]) => ({ district, ...meansOf(own) }));
  const city = meansOf(rows);
  return city.stations > 0 ? [...districts, { district: 'city', ...city }] : districts;
}

export async function queryAirAt(
  client: ClickHouseClient,
  scope: WallScope,
  atMs: number,
  windowMinutes: number,
): Promise<HistoryAir['districts']> {
  const result = await client.query({ ...airAtStatement(atMs, windowMinutes), format: 'JSONEachRow' });
  const rows = await result.json<{
    district: string;
    kind: string;
    total: number;
    stations: number | string;
  }>();
  return airFromRows(
    rows.map((r) => ({
      district: r.district,
      kind: r.kind,
      total: r.total,
      stations: Number(r.stations),
    })),
    scope,
  );
}
