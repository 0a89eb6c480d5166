// FIWARE NGSI-LD input for the city.ngsi-ld.v1 topic (DESIGN §4): CrowdFlowObserved, TrafficFlowObserved and
// AirQualityObserved, normalized or keyValues, mapped onto our own event shapes. Pure: ingest validates the
// mapped events with the zod schemas in ../events and dead-letters the reasons.
import { mapEntity } from './map-entity.js';
import { fail, type NgsiMapped } from './types.js';
import { isRecord } from './values.js';

export type { NgsiMapped, NgsiTarget } from './types.js';

/**
 * Maps the JSON-parsed Kafka message value: a single entity, an array of entities, or a notification
 * (`{ "data": [ … ] }`, Orion-LD with type "Notification", NGSI v2 without a type). One result per entity, in
 * order; an AirQualityObserved yields one result per measurement. A notification with no entities maps to none.
 */
export function mapNgsiLdPayload(payload: unknown): NgsiMapped[] {
  if (Array.isArray(payload)) return payload.flatMap(mapEntity);
  if (!isRecord(payload)) return [fail('payload is not an NGSI-LD entity, entity array or notification')];
  const isNotification =
    Array.isArray(payload.data) && (payload.type === 'Notification' || payload.type === undefined);
  if (isNotification) return (payload.data as unknown[]).flatMap(mapEntity);
  if (payload.type === 'Notification') return [fail('notification has no data array')];
  if (payload.type === undefined && payload.id === undefined) {
    return [fail('payload is not an NGSI-LD entity, entity array or notification')];
  }
  return mapEntity(payload);
}
