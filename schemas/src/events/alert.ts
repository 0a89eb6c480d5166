// Alerts raised by streams/ and acted on by duty officers (DESIGN §4). Levels are China's four-color
// early-warning levels: blue (IV, least severe) < yellow (III) < orange (II) < red (I).
import { z } from 'zod';
import { bilingualText, eventTime, h3Cell, latitude, longitude } from './common.js';

export const ALERT_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export const alertLevel = z.enum(ALERT_LEVELS);
export type AlertLevel = z.infer<typeof alertLevel>;

/** Higher is more severe; compare levels through this, never by string. */
export function levelRank(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

export const alertCategory = z.enum(['crowd', 'traffic', 'environment', 'flood', 'public_safety']);
export type AlertCategory = z.infer<typeof alertCategory>;

export const alertStatus = z.enum(['active', 'acknowledged', 'assigned', 'resolved', 'expired']);
export type AlertStatus = z.infer<typeof alertStatus>;

export const agencyId = z.enum([
  'police',
  'traffic_police',
  'urban_management',
  'emergency',
  'environment',
  'water',
  'venue_operator',
]);
export type AgencyId = z.infer<typeof agencyId>;

/** District administrative code (GB/T 2260), e.g. 440305 Nanshan. */
export const adcode = z.string().regex(/^\d{6}$/, 'must be a 6-digit adcode');

export const alertMetric = z.object({
  name: z.string().min(1),
  value: z.number(),
  threshold: z.number(),
  unit: z.string(),
  forecast: z.object({ value: z.number(), eta: eventTime }).optional(),
});

/**
 * One agency's part of a multi-agency alert (联动处置): each assigned agency reports its own progress, so the
 * wall and the console show e.g. police on scene while urban management is still pending.
 */
export const AGENCY_PROGRESS_STATES = ['pending', 'acknowledged', 'on_scene', 'done'] as const;
export const agencyProgressState = z.enum(AGENCY_PROGRESS_STATES);
export type AgencyProgressState = z.infer<typeof agencyProgressState>;

export const agencyProgress = z.object({
  state: agencyProgressState,
  /** Who last changed this agency's state (a user id, never a person's name or phone). */
  by: z.string().min(1).max(128).optional(),
  at: eventTime,
  note: z.string().max(2000).optional(),
});
export type AgencyProgress = z.infer<typeof agencyProgress>;

export const alert = z.object({
  alertId: z.string().min(1).max(128),
  version: z.number().int().min(1),
  ruleId: z.string().min(1),
  category: alertCategory,
  level: alertLevel,
  status: alertStatus,
  district: adcode,
  agencies: z.array(agencyId),
  location: z.object({ lat: latitude, lon: longitude }),
  cell: h3Cell.optional(),
  title: bilingualText,
  metric: alertMetric,
  /** Window statistics that justified the alert, for the duty officer's detail view. */
  evidence: z.record(z.string(), z.union([z.number(), z.string()])),
  /**
   * Per-agency progress, keyed by agency. Optional so alerts published before it existed still parse; an
   * agency listed in `agencies` without an entry here is pending.
   */
  agencyProgress: z.partialRecord(agencyId, agencyProgress).optional(),
  raisedAt: eventTime,
  updatedAt: eventTime,
});
export type Alert = z.infer<typeof alert>;

export const alertEventType = z.enum(['raised', 'updated', 'cleared']);

/** What streams/ publishes on city.alerts.v1: the full alert state after each change. */
export const alertEvent = z.object({
  type: alertEventType,
  alert,
  ts: eventTime,
});
export type AlertEvent = z.infer<typeof alertEvent>;
