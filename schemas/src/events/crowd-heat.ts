import { z } from 'zod';
import { eventBase, hasLocation, locationRule } from './common.js';

export const crowdMethod = z.enum(['signaling', 'camera', 'wifi']);

/** People counted in one H3 res-9 cell (~0.1 km²): counts only, never who (DESIGN §7). */
export const crowdHeat = z
  .object({
    ...eventBase,
    count: z.number().int().min(0).max(1_000_000),
    method: crowdMethod.optional(),
    venueId: z.string().min(1).max(64).optional(),
  })
  .refine(hasLocation, locationRule);

export type CrowdHeat = z.infer<typeof crowdHeat>;
