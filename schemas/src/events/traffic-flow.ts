import { z } from 'zod';
import { eventBase, hasLocation, locationRule } from './common.js';

export const MAX_SPEED_KMH = 250;

export const trafficFlow = z
  .object({
    ...eventBase,
    segmentId: z.string().min(1).max(64),
    speedKmh: z.number().min(0).max(MAX_SPEED_KMH),
    freeFlowKmh: z.number().gt(0).max(MAX_SPEED_KMH).optional(),
    volumeVph: z.number().min(0).max(20_000).optional(),
    occupancy: z.number().min(0).max(1).optional(),
  })
  .refine(hasLocation, locationRule);

export type TrafficFlow = z.infer<typeof trafficFlow>;
