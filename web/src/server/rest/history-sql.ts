// SQL fragments the history queries share: the replay window and the district filter of a scope. Each query
// is built by a pure function (statement in, no client), so the filters a scope adds are unit-tested.
import type { WallScope } from '../../realtime/events.js';
import { scopeDistrict } from '../../realtime/picture.js';

export interface Statement {
  query: string;
  query_params: Record<string, string | number | readonly string[] | readonly number[]>;
}

/** Rows reported in (from, at]: epoch-ms parameters, so no time zone or text format is involved. */
export const IN_WINDOW = `ts > fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
              AND ts <= fromUnixTimestamp64Milli({atMs:Int64}, 'UTC')`;

export function windowParams(atMs: number, windowMinutes: number): { fromMs: number; atMs: number } {
  return { fromMs: atMs - windowMinutes * 60_000, atMs };
}

/**
 * Live pictures (heat, traffic, air) are counts, not personal data: a district scope sees its own district,
 * agencies and the city everything (the same rule as the live feed's liveVisibleIn).
 */
export function districtFilter(scope: WallScope): { sql: string; params: { district?: string } } {
  const district = scopeDistrict(scope);
  return district === undefined
    ? { sql: '1', params: {} }
    : { sql: 'district = {district:String}', params: { district } };
}
