import { z } from 'zod';
import { eventBase, hasLocation, locationRule } from './common.js';

export const incidentType = z.enum(['accident', 'breakdown', 'roadwork', 'congestion', 'hazard']);
export const incidentSeverity = z.enum(['minor', 'major', 'critical']);
export const incidentStatus = z.enum(['open', 'cleared']);

export const trafficIncident = z
  .object({
    ...eventBase,
    incidentId: z.string().min(1).max(64),
    type: incidentType,
    severity: incidentSeverity,
    status: incidentStatus,
    lanesBlocked: z.number().int().min(0).max(16).optional(),
    description: z.string().max(2000).optional(),
    /** Vehicle plate: personal data. Ingest replaces it with a keyed pseudonym before anything stores it. */
    plate: z.string().min(1).max(32).optional(),
  })
  .refine(hasLocation, locationRule);

export type TrafficIncident = z.infer<typeof trafficIncident>;
