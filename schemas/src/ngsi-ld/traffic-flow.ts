// TrafficFlowObserved (smart-data-models dataModel.Transportation) → TrafficFlow.
import type { z } from 'zod';
import type { trafficFlow } from '../events/index.js';
import { observationEventId, readObservation } from './observation.js';
import { fail, type NgsiMapped, type Result } from './types.js';
import { idTail, readAttribute, readNumber, readReference, type Entity } from './values.js';

const SECONDS_PER_HOUR = 3600;

/** The road segment the flow belongs to: refRoadSegment, else the lane of this entity, else the entity. */
function segmentIdOf(entity: Entity, entityId: string): Result<string> {
  const segment = readReference(entity, 'refRoadSegment');
  if (!segment.ok) return segment;
  if (segment.value !== undefined) return { ok: true, value: segment.value };
  const lane = readAttribute(entity, 'laneId')?.value;
  const laneText = typeof lane === 'number' || typeof lane === 'string' ? String(lane).trim() : '';
  return { ok: true, value: laneText === '' ? idTail(entityId) : `${idTail(entityId)}#lane${laneText}` };
}

export function mapTrafficFlow(entity: Entity, entityId: string): NgsiMapped[] {
  const observation = readObservation(entity, entityId, ['averageVehicleSpeed', 'intensity']);
  if (!observation.ok) return [observation];
  const speed = readNumber(entity, 'averageVehicleSpeed');
  if (!speed.ok) return [speed];
  if (speed.value === undefined) return [fail('missing averageVehicleSpeed')];
  const intensity = readNumber(entity, 'intensity');
  if (!intensity.ok) return [intensity];
  const occupancy = readNumber(entity, 'occupancy');
  if (!occupancy.ok) return [occupancy];
  const segmentId = segmentIdOf(entity, entityId);
  if (!segmentId.ok) return [segmentId];

  const { ts, periodSeconds, source, lat, lon } = observation.value;
  // The model's intensity counts vehicles over the observation period; without a stated period the
  // producer's number is taken as already per hour.
  const volumeVph =
    intensity.value === undefined || periodSeconds === undefined
      ? intensity.value
      : (intensity.value * SECONDS_PER_HOUR) / periodSeconds;
  const event: z.input<typeof trafficFlow> = {
    id: observationEventId(entityId, ts),
    ts,
    source,
    lat,
    lon,
    segmentId: segmentId.value,
    speedKmh: speed.value,
    ...(volumeVph === undefined ? {} : { volumeVph }),
    ...(occupancy.value === undefined ? {} : { occupancy: occupancy.value }),
  };
  return [{ ok: true, target: 'trafficFlow', event }];
}
