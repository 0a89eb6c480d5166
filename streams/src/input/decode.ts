// Kafka value bytes → Observation, or why not. Ingest owns dead-lettering (DESIGN §1): streams only counts
// what it cannot use and moves on, so a bad message never stops a partition here either.
import { crowdHeat, sensorReading, trafficFlow, trafficIncident } from '@citybrain/schemas/events';
import { mapNgsiLdPayload, type NgsiTarget } from '@citybrain/schemas/ngsi-ld';
import { TOPICS, type TopicName } from '@citybrain/schemas/topics';
import type { Observation } from './observation.js';
import type { Locator } from './locate.js';

/** Same clock-skew allowance as ingest: events stamped further ahead are refused. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export type RejectReason = 'bad_json' | 'invalid' | 'future' | 'unsupported_topic';

export type Decoded = { ok: true; observation: Observation } | { ok: false; reason: RejectReason };

const REFUSED = (reason: RejectReason): Decoded => ({ ok: false, reason });

function parseJson(value: Buffer | null): unknown {
  if (value === null || value.length === 0) return undefined;
  try {
    return JSON.parse(value.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function decodeSourceEvent(
  topic: string,
  value: Buffer | null,
  locator: Locator,
  nowMs: number,
): Decoded {
  const payload = parseJson(value);
  if (payload === undefined) return REFUSED('bad_json');
  return checked(toObservation(topic, payload, locator), nowMs);
}

/**
 * Like decodeSourceEvent, for any source topic including city.ngsi-ld.v1, where one message may carry
 * several entities (a notification) and an AirQualityObserved one reading per pollutant: one result each.
 * FIWARE feeds are producers like any other (DESIGN §1), so their crowd flow must raise alerts too.
 */
export function decodeSourceEvents(
  topic: string,
  value: Buffer | null,
  locator: Locator,
  nowMs: number,
): Decoded[] {
  if (topic !== TOPICS.ngsiLd) return [decodeSourceEvent(topic, value, locator, nowMs)];
  const payload = parseJson(value);
  if (payload === undefined) return [REFUSED('bad_json')];
  return mapNgsiLdPayload(payload).map((mapped) =>
    mapped.ok
      ? checked(toObservation(NGSI_TARGET_TOPICS[mapped.target], mapped.event, locator), nowMs)
      : REFUSED('invalid'),
  );
}

/** The topic whose contract a mapped NGSI-LD entity is shaped for. */
const NGSI_TARGET_TOPICS: Record<NgsiTarget, TopicName> = {
  crowdHeat: TOPICS.crowdHeat,
  trafficFlow: TOPICS.trafficFlow,
  sensorReading: TOPICS.sensorReadings,
};

function checked(observation: Observation | undefined | null, nowMs: number): Decoded {
  if (observation === undefined) return REFUSED('invalid');
  if (observation === null) return REFUSED('unsupported_topic');
  if (observation.tsMs - nowMs > MAX_FUTURE_MS) return REFUSED('future');
  return { ok: true, observation };
}

/** undefined: invalid event; null: a topic streams does not read. */
function toObservation(topic: string, payload: unknown, locator: Locator): Observation | undefined | null {
  switch (topic) {
    case TOPICS.crowdHeat: {
      const parsed = crowdHeat.safeParse(payload);
      if (!parsed.success) return undefined;
      const e = parsed.data;
      const place = locator.locate(e);
      return {
        kind: 'crowd',
        tsMs: Date.parse(e.ts),
        place,
        people: e.count,
        venueId: e.venueId ?? locator.venueOf(place.cell),
      };
    }
    case TOPICS.trafficFlow: {
      const parsed = trafficFlow.safeParse(payload);
      if (!parsed.success) return undefined;
      const e = parsed.data;
      return {
        kind: 'traffic',
        tsMs: Date.parse(e.ts),
        place: locator.locate(e),
        segmentId: e.segmentId,
        speedKmh: e.speedKmh,
        freeFlowKmh: e.freeFlowKmh ?? locator.freeFlowOf(e.segmentId),
      };
    }
    case TOPICS.sensorReadings: {
      const parsed = sensorReading.safeParse(payload);
      if (!parsed.success) return undefined;
      const e = parsed.data;
      return {
        kind: 'sensor',
        tsMs: Date.parse(e.ts),
        place: locator.locate(e),
        sensorId: e.sensorId,
        sensorKind: e.kind,
        value: e.value,
      };
    }
    case TOPICS.trafficIncidents: {
      const parsed = trafficIncident.safeParse(payload);
      if (!parsed.success) return undefined;
      const e = parsed.data;
      return {
        kind: 'incident',
        tsMs: Date.parse(e.ts),
        place: locator.locate(e),
        incidentId: e.incidentId,
        incidentType: e.type,
        severity: e.severity,
        open: e.status === 'open',
        lanesBlocked: e.lanesBlocked,
      };
    }
    default:
      return null;
  }
}
