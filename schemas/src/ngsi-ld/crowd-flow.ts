// CrowdFlowObserved (smart-data-models dataModel.Transportation) → CrowdHeat. Only the head count and the
// venue reference cross over: crowd data must never carry who was counted (DESIGN §7).
import type { z } from 'zod';
import type { crowdHeat } from '../events/index.js';
import { observationEventId, readObservation } from './observation.js';
import { fail, type NgsiMapped } from './types.js';
import { readNumber, readReference, type Entity } from './values.js';

export function mapCrowdFlow(entity: Entity, entityId: string): NgsiMapped[] {
  const observation = readObservation(entity, entityId, ['peopleCount']);
  if (!observation.ok) return [observation];
  const count = readNumber(entity, 'peopleCount');
  if (!count.ok) return [count];
  if (count.value === undefined) return [fail('missing peopleCount')];

  // The model's refPointOfInterest, or refVenue from producers that name our venues directly.
  const poi = readReference(entity, 'refPointOfInterest');
  if (!poi.ok) return [poi];
  const venue = poi.value === undefined ? readReference(entity, 'refVenue') : poi;
  if (!venue.ok) return [venue];

  const { ts, source, lat, lon } = observation.value;
  const event: z.input<typeof crowdHeat> = {
    id: observationEventId(entityId, ts),
    ts,
    source,
    lat,
    lon,
    count: count.value,
    ...(venue.value === undefined ? {} : { venueId: venue.value }),
  };
  return [{ ok: true, target: 'crowdHeat', event }];
}
