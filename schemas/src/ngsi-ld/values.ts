// Reads attributes of an entity in any of the shapes producers send: NGSI-LD normalized
// ({type: Property|GeoProperty|Relationship, value|object}), NGSI v2 normalized ({type, value, metadata}),
// or keyValues (the plain value). Mappers then never care which shape arrived.
import { fail, type Result } from './types.js';

/** A JSON object as parsed from the message; attribute name → attribute. */
export type Entity = Readonly<Record<string, unknown>>;

export interface Attribute {
  /** The unwrapped value: never undefined or null (a null value counts as "not observed"). */
  value: unknown;
  /** NGSI-LD `observedAt` of this Property, when the producer sent one. */
  observedAt?: string;
  /** UN/CEFACT unit code (NGSI-LD `unitCode`, or NGSI v2 `metadata.unitCode.value`). */
  unitCode?: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LD_ATTRIBUTE_TYPES = new Set(['Property', 'GeoProperty', 'Relationship']);

function isLdAttribute(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.type === 'string' && LD_ATTRIBUTE_TYPES.has(value.type);
}

/**
 * A normalized attribute is an object carrying `value` or `object`; a keyValues attribute may itself be an
 * object (a GeoJSON location, a postal address) but then has neither key.
 */
function isNormalized(value: unknown): value is Record<string, unknown> {
  return isLdAttribute(value) || (isRecord(value) && ('value' in value || 'object' in value));
}

/**
 * Without an @context applied, a broker may send expanded names
 * (`https://smartdatamodels.org/dataModel.Transportation/peopleCount`); match those by their last segment.
 */
function rawAttribute(entity: Entity, name: string): unknown {
  if (name in entity) return entity[name];
  const key = Object.keys(entity).find((k) => k.endsWith(`/${name}`) || k.endsWith(`#${name}`));
  return key === undefined ? undefined : entity[key];
}

/** NGSI-LD multi-attribute: several instances told apart by datasetId; the default instance has none. */
function pickInstance(raw: unknown): unknown {
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every(isLdAttribute)) return raw;
  return raw.find((instance) => instance.datasetId === undefined) ?? raw[0];
}

/** JSON-LD value objects such as `{"@type": "DateTime", "@value": "2024-05-01T08:00:00Z"}`. */
function unwrapJsonLd(value: unknown): unknown {
  return isRecord(value) && '@value' in value ? value['@value'] : value;
}

function unitCodeOf(attribute: Record<string, unknown>): string | undefined {
  if (typeof attribute.unitCode === 'string') return attribute.unitCode;
  const metadata = attribute.metadata;
  if (isRecord(metadata) && isRecord(metadata.unitCode) && typeof metadata.unitCode.value === 'string') {
    return metadata.unitCode.value;
  }
  return undefined;
}

export function readAttribute(entity: Entity, name: string): Attribute | undefined {
  const raw = pickInstance(rawAttribute(entity, name));
  if (raw === undefined || raw === null) return undefined;
  if (!isNormalized(raw)) return { value: unwrapJsonLd(raw) };

  // NGSI-LD relationships carry `object`; NGSI v2 relationships and all properties carry `value`.
  const value = unwrapJsonLd(raw.type === 'Relationship' && 'object' in raw ? raw.object : raw.value);
  if (value === undefined || value === null) return undefined;
  const attribute: Attribute = { value };
  if (typeof raw.observedAt === 'string') attribute.observedAt = raw.observedAt;
  const unitCode = unitCodeOf(raw);
  if (unitCode !== undefined) attribute.unitCode = unitCode;
  return attribute;
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Numbers as numbers, or as decimal strings (NGSI v2 feeds often stringify them). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** An optional numeric attribute: absent → undefined; present but not a number → a reason. */
export function readNumber(entity: Entity, name: string): Result<number | undefined> {
  const attribute = readAttribute(entity, name);
  if (attribute === undefined) return { ok: true, value: undefined };
  const value = toNumber(attribute.value);
  return value === undefined ? fail(`${name} is not a number`) : { ok: true, value };
}

/** A non-blank string attribute, else undefined. */
export function readText(entity: Entity, name: string): string | undefined {
  const value = readAttribute(entity, name)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The local part of an entity id, for ids that must be short (segmentId, venueId):
 * `urn:ngsi-ld:RoadSegment:SZ-Shennan-01` → `SZ-Shennan-01`. The part after the type may itself contain
 * colons (timestamps), so only the `urn:ngsi-ld:<Type>:` prefix is cut; other URNs and URLs give their last
 * segment; anything else is returned whole.
 */
export function idTail(id: string): string {
  const ld = /^urn:ngsi-ld:[^:]+:(.+)$/i.exec(id);
  if (ld?.[1] !== undefined) return ld[1];
  const separator = id.toLowerCase().startsWith('urn:') ? ':' : '/';
  const tail = id
    .split(separator)
    .filter((part) => part !== '')
    .pop();
  return tail ?? id;
}

/** An optional relationship (target URN, or the first of several): absent → undefined; malformed → reason. */
export function readReference(entity: Entity, name: string): Result<string | undefined> {
  const attribute = readAttribute(entity, name);
  if (attribute === undefined) return { ok: true, value: undefined };
  const target: unknown = Array.isArray(attribute.value) ? attribute.value[0] : attribute.value;
  if (typeof target !== 'string' || target.trim() === '') return fail(`${name} is not an entity reference`);
  return { ok: true, value: idTail(target.trim()) };
}
