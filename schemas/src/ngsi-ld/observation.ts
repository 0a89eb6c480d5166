// What every mapped event shares (DESIGN §4): a per-observation id, the event time, the source system and
// a WGS-84 point. Mappers add only their own measurements on top.
import { createHash } from 'node:crypto';
import { EVENT_ID_MAX } from '../events/index.js';
import { representativePoint } from './geometry.js';
import { observationTime } from './time.js';
import { fail, type Result } from './types.js';
import { readAttribute, readText, type Entity } from './values.js';

const SOURCE_MAX = 64;
const DEFAULT_SOURCE = 'ngsi-ld';

export interface Observation {
  entityId: string;
  /** ISO-8601 UTC end of the observation. */
  ts: string;
  /** Observation period in seconds, when the entity states one. */
  periodSeconds: number | undefined;
  source: string;
  lat: number;
  lon: number;
}

/** Cut to the validator's limit without leaving half a surrogate pair behind. */
function truncate(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function sourceOf(entity: Entity): string {
  return truncate(
    readText(entity, 'dataProvider') ?? readText(entity, 'source') ?? DEFAULT_SOURCE,
    SOURCE_MAX,
  );
}

/**
 * An entity id names the sensor or road, not the observation: Orion re-sends the same id with every update.
 * The event id (our dedup key) therefore adds the observation time, and the kind for rows split out of one
 * entity. Ids too long for the validator are replaced by their digest, which is as stable.
 */
export function observationEventId(entityId: string, ts: string, kind?: string): string {
  const id = kind === undefined ? `${entityId}@${ts}` : `${entityId}@${ts}#${kind}`;
  return id.length <= EVENT_ID_MAX ? id : `ngsi:${createHash('sha256').update(id).digest('hex')}`;
}

/** Time, place and source of an entity; `measured` as for observationTime. */
export function readObservation(
  entity: Entity,
  entityId: string,
  measured: readonly string[],
): Result<Observation> {
  const time = observationTime(entity, measured);
  if (!time.ok) return time;
  const location = readAttribute(entity, 'location');
  if (location === undefined) return fail('missing location');
  const point = representativePoint(location.value);
  if (!point.ok) return point;
  return {
    ok: true,
    value: { entityId, ...time.value, source: sourceOf(entity), ...point.value },
  };
}
