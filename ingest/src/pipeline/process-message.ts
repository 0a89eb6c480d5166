// One Kafka message → the rows it contributes, or the reason it is refused. Pure apart from the clock
// value passed in: decode → desensitize → validate → normalize.
import { mapNgsiLdPayload } from '@citybrain/schemas/ngsi-ld';
import { TOPICS } from '@citybrain/schemas/topics';
import type { BoundingBox, DistrictIndex } from '@citybrain/schemas/geo';
import type { z } from 'zod';
import { CONTRACTS } from './contracts.js';
import { desensitize } from './desensitize.js';
import { decodeJson } from './decode.js';
import { RejectedMessageError } from './errors.js';
import {
  crowdHeatLine,
  sensorReadingLine,
  trafficFlowLine,
  trafficIncidentLine,
  type NormalizeContext,
} from './normalize.js';
import { PlaceIndex } from './places.js';
import type { Pseudonymizer } from './pseudonym.js';
import type { EncodedRow, SourcePartition } from './rows.js';
import { parseEvent } from './validate.js';

export interface ProcessedMessage {
  rows: EncodedRow[];
  /** Set when the message (or, for NGSI-LD, any entity in it) was refused. */
  rejection?: RejectedMessageError;
}

export interface ProcessorDeps {
  districts: DistrictIndex;
  bbox: BoundingBox;
  pseudonymize: Pseudonymizer;
}

/** Validates one decoded, desensitized event and writes its row; `lineage` is its lineage fields' text. */
type Normalizer = (payload: unknown, context: NormalizeContext, lineage: string) => EncodedRow;

function normalizer<T extends { id: string }>(
  table: EncodedRow['table'],
  contract: z.ZodType<T>,
  line: (event: T, context: NormalizeContext, lineage: string) => string,
): Normalizer {
  return (payload, context, lineage) => {
    const event = parseEvent(contract, payload);
    return { table, id: event.id, line: line(event, context, lineage) };
  };
}

const BY_TOPIC: Readonly<Record<string, Normalizer>> = {
  [TOPICS.sensorReadings]: normalizer('sensor_readings', CONTRACTS.sensorReading, sensorReadingLine),
  [TOPICS.crowdHeat]: normalizer('crowd_heat', CONTRACTS.crowdHeat, crowdHeatLine),
  [TOPICS.trafficFlow]: normalizer('traffic_flow', CONTRACTS.trafficFlow, trafficFlowLine),
  [TOPICS.trafficIncidents]: normalizer('traffic_incidents', CONTRACTS.trafficIncident, trafficIncidentLine),
};

const BY_NGSI_TARGET: Readonly<Record<string, Normalizer>> = {
  sensorReading: BY_TOPIC[TOPICS.sensorReadings] as Normalizer,
  crowdHeat: BY_TOPIC[TOPICS.crowdHeat] as Normalizer,
  trafficFlow: BY_TOPIC[TOPICS.trafficFlow] as Normalizer,
};

function processNgsiLd(payload: unknown, context: NormalizeContext, lineage: string): ProcessedMessage {
  const rows: EncodedRow[] = [];
  const problems: string[] = [];
  let firstKind: RejectedMessageError['kind'] | undefined;
  mapNgsiLdPayload(payload).forEach((mapped, index) => {
    try {
      if (!mapped.ok) throw new RejectedMessageError('unsupported_type', mapped.reason);
      const normalize = BY_NGSI_TARGET[mapped.target];
      if (!normalize) throw new RejectedMessageError('unsupported_type', `no mapping for ${mapped.target}`);
      rows.push(normalize(mapped.event, context, lineage));
    } catch (error) {
      if (!(error instanceof RejectedMessageError)) throw error;
      firstKind ??= error.kind;
      problems.push(`entity ${index}: ${error.message}`);
    }
  });
  if (problems.length === 0) return { rows };
  return { rows, rejection: new RejectedMessageError(firstKind ?? 'invalid', problems.join(' | ')) };
}

export function createMessageProcessor(deps: ProcessorDeps) {
  // One context for every message (only the clock changes): processing is synchronous and keeps no reference.
  const context: NormalizeContext = { places: new PlaceIndex(deps.districts), bbox: deps.bbox, nowMs: 0 };
  return function processMessage(
    value: Buffer | null,
    source: SourcePartition,
    offset: string,
    nowMs: number,
  ): ProcessedMessage {
    context.nowMs = nowMs;
    try {
      const payload = desensitize(decodeJson(value), deps.pseudonymize);
      const lineage = source.lineageTsv(offset);
      if (source.topic === TOPICS.ngsiLd) return processNgsiLd(payload, context, lineage);
      const normalize = BY_TOPIC[source.topic];
      if (!normalize)
        throw new RejectedMessageError('unsupported_type', `ingest does not read topic ${source.topic}`);
      return { rows: [normalize(payload, context, lineage)] };
    } catch (error) {
      if (error instanceof RejectedMessageError) return { rows: [], rejection: error };
      throw error;
    }
  };
}

export type MessageProcessor = ReturnType<typeof createMessageProcessor>;
