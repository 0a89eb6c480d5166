import { z } from 'zod';
import { agencyId, agencyProgressState, alertLevel } from './alert.js';
import { eventId, eventTime } from './common.js';

export const alertActionType = z.enum([
  'ack',
  'assign',
  'escalate',
  'resolve',
  'comment',
  /** An assigned agency reports its own part: acknowledged, on scene, done. */
  'agency_update',
]);
export type AlertActionType = z.infer<typeof alertActionType>;

export const actorRole = z.enum(['wall', 'operator', 'duty_officer', 'district', 'agency', 'admin']);
export type ActorRole = z.infer<typeof actorRole>;

/**
 * A duty officer's action on an alert (city.alert-actions.v1). `version` is the alert version the officer
 * saw: the alert's owner applies it only if it is still current (optimistic concurrency).
 */
export const alertAction = z
  .object({
    id: eventId,
    alertId: z.string().min(1).max(128),
    version: z.number().int().min(1),
    type: alertActionType,
    actor: z.string().min(1).max(128),
    role: actorRole,
    ts: eventTime,
    note: z.string().max(2000).optional(),
    agencies: z.array(agencyId).optional(),
    /** The agency acting for itself on a multi-agency alert. */
    agency: agencyId.optional(),
    /** For `agency_update`: the acting agency's new state. */
    progress: agencyProgressState.optional(),
    level: alertLevel.optional(),
  })
  .refine((a) => a.type !== 'resolve' || (a.note !== undefined && a.note.trim() !== ''), {
    message: 'resolve needs a note',
    path: ['note'],
  })
  .refine((a) => a.type !== 'agency_update' || (a.agency !== undefined && a.progress !== undefined), {
    message: 'agency_update needs agency and progress',
    path: ['progress'],
  })
  .refine((a) => a.type !== 'assign' || (a.agencies !== undefined && a.agencies.length > 0), {
    message: 'assign needs at least one agency',
    path: ['agencies'],
  });
export type AlertAction = z.infer<typeof alertAction>;
