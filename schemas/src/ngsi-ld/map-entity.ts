// Picks the mapper for an entity by its Smart Data Model type.
import { mapAirQuality } from './air-quality.js';
import { mapCrowdFlow } from './crowd-flow.js';
import { mapTrafficFlow } from './traffic-flow.js';
import { fail, type NgsiMapped } from './types.js';
import { isRecord, type Entity } from './values.js';

type Mapper = (entity: Entity, entityId: string) => NgsiMapped[];

const MAPPERS: Readonly<Record<string, Mapper>> = {
  CrowdFlowObserved: mapCrowdFlow,
  TrafficFlowObserved: mapTrafficFlow,
  AirQualityObserved: mapAirQuality,
};

/** `https://smartdatamodels.org/dataModel.Transportation/TrafficFlowObserved` and `sdm:X` name type X. */
function shortTypeName(type: string): string {
  return type.split(/[/#:]/).pop() ?? type;
}

/** NGSI-LD allows an entity several types; the first one we map wins. */
function mapperFor(types: readonly string[]): { typeName: string; mapper: Mapper } | undefined {
  for (const type of types) {
    const typeName = shortTypeName(type);
    const mapper = Object.hasOwn(MAPPERS, typeName) ? MAPPERS[typeName] : undefined;
    if (mapper) return { typeName, mapper };
  }
  return undefined;
}

/** Maps one entity; reasons name the entity so an operator can find it in the dead-letter topic. */
export function mapEntity(entity: unknown): NgsiMapped[] {
  if (!isRecord(entity)) return [fail('entity is not a JSON object')];
  const { id, type } = entity;
  const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
  if (types.length === 0) return [fail('entity has no type')];
  const found = mapperFor(types);
  if (!found)
    return [fail(`unsupported NGSI-LD entity type ${types.map((t) => JSON.stringify(t)).join(', ')}`)];
  const { typeName, mapper } = found;
  if (typeof id !== 'string' || id.trim() === '') return [fail(`${typeName} entity has no id`)];
  return mapper(entity, id).map((result) =>
    result.ok ? result : fail(`${typeName} ${JSON.stringify(id)}: ${result.reason}`),
  );
}
