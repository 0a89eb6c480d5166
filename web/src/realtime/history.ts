// What the history REST routes answer, shared by the route handlers and the wall's replay (like geo.ts for
// /api/geo/*). The picture at an instant is cut from ClickHouse the way streams cuts the live one: the latest
// report per cell / segment / station within a window before the instant, and the alerts then active.
import type { Alert, LiveAir } from '@citybrain/schemas/events';

/** GET /api/history/heat?at=<iso>&window=<min>[&scope=] */
export interface HistoryHeat {
  /** The instant asked for (ISO, UTC). */
  at: string;
  windowMinutes: number;
  /** Latest people count per H3 cell reported in (at − window, at], most people first. */
  cells: HistoryHeatCell[];
  /** True when `cells` was cut at the route's limit. */
  truncated: boolean;
  /** Latest report per road segment in the window, with its congestion index. */
  segments: HistorySegment[];
  /** The scope's mean congestion index per minute over the 15 minutes up to `at`, oldest first. */
  trend: { ts: number; value: number }[];
}

export interface HistoryHeatCell {
  cell: string;
  district: string;
  people: number;
}

export interface HistorySegment {
  segmentId: string;
  district: string;
  speedKmh: number;
  congestionIndex: number;
  lat: number;
  lon: number;
}

/** GET /api/history/alerts?at=<iso>[&scope=] */
export interface HistoryAlerts {
  at: string;
  /** Every alert active at `at` in the scope, in the state it had then (its latest version up to `at`). */
  alerts: Alert[];
}

/** GET /api/history/air?at=<iso>&window=<min>[&scope=] */
export interface HistoryAir {
  at: string;
  windowMinutes: number;
  /** Per district in the scope plus the city (`district: 'city'`); districts without stations left out. */
  districts: (LiveAir & { district: string })[];
}
