// One Kafka message → the rows it contributes, or the reason it is refused. Pure apart from the clock
// value passed in: decode → desensitize → validate → normalize.
import { crowdHeat, sensorReading, trafficFlow, trafficIncident } from '@citybrain/schemas/events';
import { mapNgsiLdPayload } from '@citybrain/schemas/ngsi-ld';
import { TOPICS } from '@citybrain/schemas/topics';
import { desensitize } from './desensitize.js';
import { decodeJson } from './decode.js';
import { RejectedMessageError } from './errors.js';
import {
  crowdHeatRow,
  sensorReadingRow,
  trafficFlowRow,
  trafficIncidentRow,
  type NormalizeContext,
} from './normalize.js';
import type { Pseudonymizer } from './pseudonym.js';
import type { Lineage, TableRow } from './rows.js';
import { parseEvent } from './validate.js';

export interface ProcessedMessage {
  rows: TableRow[];
  /** Set when the message (or, for NGSI-LD, any entity in it) was refused. */
  rejection?: RejectedMessageError;
}

export interface ProcessorDeps extends Omit<NormalizeContext, 'nowMs'> {
  pseudonymize: Pseudonymizer;
}

type Normalizer = (payload: unknown, context: NormalizeContext, lineage: Lineage) => TableRow;

const BY_TOPIC: Readonly<Record<string, Normalizer>> = {
  [TOPICS.sensorReadings]: (p, c, l) => ({
    table: 'sensor_readings',
    row: sensorReadingRow(parseEvent(sensorReading, p), c, l),
  }),
  [TOPICS.crowdHeat]: (p, c, l) => ({
    table: 'crowd_heat',
    row: crowdHeatRow(parseEvent(crowdHeat, p), c, l),
  }),
  [TOPICS.trafficFlow]: (p, c, l) => ({
    table: 'traffic_flow',
    row: trafficFlowRow(parseEvent(trafficFlow, p), c, l),
  }),
  [TOPICS.trafficIncidents]: (p, c, l) => ({
    table: 'traffic_incidents',
    row: trafficIncidentRow(parseEvent(trafficIncident, p), c, l),
  }),
};

const BY_NGSI_TARGET: Readonly<Record<string, Normalizer>> = {
  sensorReading: BY_TOPIC[TOPICS.sensorReadings] as Normalizer,
  crowdHeat: BY_TOPIC[TOPICS.crowdHeat] as Normalizer,
  trafficFlow: BY_TOPIC[TOPICS.trafficFlow] as Normalizer,
};

function processNgsiLd(payload: unknown, context: NormalizeContext, lineage: Lineage): ProcessedMessage {
  const rows: TableRow[] = [];
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
  return function processMessage(value: Buffer | null, lineage: Lineage, nowMs: number): ProcessedMessage {
    const context: NormalizeContext = { districts: deps.districts, bbox: deps.bbox, nowMs };
    try {
      const payload = desensitize(decodeJson(value), deps.pseudonymize);
      if (lineage.src_topic === TOPICS.ngsiLd) return processNgsiLd(payload, context, lineage);
      const normalize = BY_TOPIC[lineage.src_topic];
      if (!normalize)
        throw new RejectedMessageError('unsupported_type', `ingest does not read topic ${lineage.src_topic}`);
      return { rows: [normalize(payload, context, lineage)] };
    } catch (error) {
      if (error instanceof RejectedMessageError) return { rows: [], rejection: error };
      throw error;
    }
  };
}

export type MessageProcessor = ReturnType<typeof createMessageProcessor>;
