// Hands the running server's shared objects to Next.js route handlers. Route handlers are compiled by
// Next into their own module graph, so a plain module variable set here would be a different instance
// there; a process-wide symbol on globalThis is the one place both graphs see. In embedded mode this is
// how the handlers reach the launcher's single chDB client (DESIGN §3: one data path per process).
import type { ClickHouseClient } from '@clickhouse/client';
import type { Registry } from 'prom-client';
import type { DistrictCollection, RoadGeometry, VenueGeometry } from '../realtime/geo.js';
import type { Principal } from './auth/principal.js';
import type { Alert } from '@citybrain/schemas/events';
import type { DistrictNames } from '@citybrain/schemas/cap';

export interface WebRuntime {
  clickhouse: ClickHouseClient;
  metrics: Registry;
  /** The configured district boundaries, with English names and label points, for the base map. */
  districts: DistrictCollection;
  /** Road segment geometry for the traffic layer (the live feed carries only ids and midpoints). */
  roads: RoadGeometry[];
  /** Crowd venues with their capacity and H3 cells, for the venue occupancy panel. */
  venues: VenueGeometry[];
  health(): { ok: boolean; details: Record<string, unknown> };
  /** The gateway's active alerts (the CAP feed's source: exactly what the walls show). */
  activeAlerts(): Alert[];
  /** District names for feeds. */
  districtNames: DistrictNames;
  /** Adcodes of the configured districts (scope checks). */
  districtCodes: ReadonlySet<string>;
  /** The principal a route handler's request carries (session cookie or Bearer token), or an AuthError. */
  principalOf(request: Request): Promise<Principal>;
}

const KEY = Symbol.for('citybrain.web.runtime');

type Holder = { [KEY]?: WebRuntime };

export function setWebRuntime(runtime: WebRuntime | undefined): void {
  (globalThis as Holder)[KEY] = runtime;
}

export class RuntimeUnavailableError extends Error {
  override readonly name = 'RuntimeUnavailableError';
}

/** The runtime of the web server in this process; throws when pages are served without start(). */
export function webRuntime(): WebRuntime {
  const runtime = (globalThis as Holder)[KEY];
  if (runtime === undefined) {
    throw new RuntimeUnavailableError('the web server runtime is not set: serve pages through start()');
  }
  return runtime;
}
