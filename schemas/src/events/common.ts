// Fields every event shares (DESIGN §4): a producer-unique id (the dedup key), the event time, the agency
// system that sent it, and a location as WGS-84 lat/lon or an H3 res-9 cell.
import { z } from 'zod';
import { isCrowdCell } from '../geo/h3.js';

export const EVENT_ID_MAX = 128;

export const eventId = z.string().min(1).max(EVENT_ID_MAX);

/** ISO-8601 with a zone (Z or ±hh:mm); stored as UTC. A timestamp without a zone is ambiguous, so refused. */
export const eventTime = z.iso.datetime({ offset: true });

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);

export const h3Cell = z.string().refine(isCrowdCell, { message: 'must be a valid H3 resolution-9 cell' });

export const eventBase = {
  id: eventId,
  ts: eventTime,
  source: z.string().min(1).max(64),
  lat: latitude.optional(),
  lon: longitude.optional(),
  cell: h3Cell.optional(),
};

interface Locatable {
  lat?: number | undefined;
  lon?: number | undefined;
  cell?: string | undefined;
}

/** An event is placed either by both coordinates or by a cell; half a coordinate pair is an error. */
export function hasLocation(event: Locatable): boolean {
  const hasPoint = event.lat !== undefined && event.lon !== undefined;
  const hasHalfPoint = (event.lat === undefined) !== (event.lon === undefined);
  return !hasHalfPoint && (hasPoint || event.cell !== undefined);
}

export const locationRule = {
  message: 'needs a location: both lat and lon (WGS-84) or an H3 cell',
  path: ['lat'],
};

export const bilingualText = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type BilingualText = z.infer<typeof bilingualText>;
