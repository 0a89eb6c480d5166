import { describe, expect, it } from 'vitest';
import { crowdHeat, sensorReading, trafficFlow } from '../events/index.js';
import { mapNgsiLdPayload } from './index.js';

const crowd = {
  id: 'urn:ngsi-ld:CrowdFlowObserved:SZ-Futian-Station-Exit-A',
  type: 'CrowdFlowObserved',
  dateObserved: { type: 'Property', value: '2024-05-01T08:15:00Z' },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [114.0556, 22.5385] } },
  peopleCount: { type: 'Property', value: 420 },
};

const flow = {
  id: 'urn:ngsi-ld:TrafficFlowObserved:SZ-Shennan-Ave-07',
  type: 'TrafficFlowObserved',
  dateObserved: { type: 'Property', value: '2024-05-01T08:15:00Z' },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [114.06, 22.54] } },
  averageVehicleSpeed: { type: 'Property', value: 38 },
};

const air = {
  id: 'urn:ngsi-ld:AirQualityObserved:SZ-Futian-AQ-01',
  type: 'AirQualityObserved',
  dateObserved: { type: 'Property', value: '2024-05-01T08:00:00Z' },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [114.0579, 22.5431] } },
  pm25: { type: 'Property', value: 35 },
};

const parking = {
  id: 'urn:ngsi-ld:ParkingSpot:SZ-CBD-0042',
  type: 'ParkingSpot',
  status: { type: 'Property', value: 'occupied' },
};

/** An Orion-LD notification as delivered by a subscription to the Kafka bridge. */
const notification = {
  id: 'urn:ngsi-ld:Notification:3f2a0c1e',
  type: 'Notification',
  subscriptionId: 'urn:ngsi-ld:Subscription:citybrain-ingest',
  notifiedAt: '2024-05-01T08:15:02.114Z',
  data: [crowd, flow, parking, air],
};

describe('mapNgsiLdPayload', () => {
  it('maps a notification entity by entity, in order', () => {
    const results = mapNgsiLdPayload(notification);
    expect(results.map((r) => (r.ok ? r.target : r.reason))).toEqual([
      'crowdHeat',
      'trafficFlow',
      'unsupported NGSI-LD entity type "ParkingSpot"',
      'sensorReading',
    ]);
    const [c, f, , a] = results;
    expect(c?.ok && crowdHeat.safeParse(c.event).success).toBe(true);
    expect(f?.ok && trafficFlow.safeParse(f.event).success).toBe(true);
    expect(a?.ok && sensorReading.safeParse(a.event).success).toBe(true);
  });

  it('maps an NGSI v2 notification (no type) and a bare array alike', () => {
    const targets = (payload: unknown): string[] =>
      mapNgsiLdPayload(payload).map((r) => (r.ok ? r.target : r.reason));
    expect(targets({ subscriptionId: '5f1a', data: [flow, crowd] })).toEqual(['trafficFlow', 'crowdHeat']);
    expect(targets([flow, crowd])).toEqual(['trafficFlow', 'crowdHeat']);
  });

  it('maps a single entity, ignoring its @context', () => {
    const [result] = mapNgsiLdPayload({
      ...crowd,
      '@context': 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld',
    });
    expect(result?.ok && result.event).toEqual({
      id: 'urn:ngsi-ld:CrowdFlowObserved:SZ-Futian-Station-Exit-A@2024-05-01T08:15:00.000Z',
      ts: '2024-05-01T08:15:00.000Z',
      source: 'ngsi-ld',
      lat: 22.5385,
      lon: 114.0556,
      count: 420,
    });
  });

  it('picks the supported type of a multi-typed entity', () => {
    const [result] = mapNgsiLdPayload({ ...flow, type: ['RoadSensor', 'TrafficFlowObserved'] });
    expect(result?.ok && result.target).toBe('trafficFlow');
    const { averageVehicleSpeed: _omitted, ...withoutSpeed } = flow;
    expect(mapNgsiLdPayload({ ...withoutSpeed, type: ['RoadSensor', 'TrafficFlowObserved'] })).toEqual([
      {
        ok: false,
        reason:
          'TrafficFlowObserved "urn:ngsi-ld:TrafficFlowObserved:SZ-Shennan-Ave-07": missing averageVehicleSpeed',
      },
    ]);
  });

  it('names every type of an unsupported entity', () => {
    expect(
      mapNgsiLdPayload({ ...parking, type: 'https://smartdatamodels.org/dataModel.Parking/ParkingSpot' }),
    ).toEqual([
      {
        ok: false,
        reason: 'unsupported NGSI-LD entity type "https://smartdatamodels.org/dataModel.Parking/ParkingSpot"',
      },
    ]);
  });

  it('refuses entities without type or id, and items that are not objects', () => {
    const { type: _type, ...untyped } = flow;
    const { id: _id, ...anonymous } = flow;
    expect(mapNgsiLdPayload([untyped, anonymous, 42])).toEqual([
      { ok: false, reason: 'entity has no type' },
      { ok: false, reason: 'TrafficFlowObserved entity has no id' },
      { ok: false, reason: 'entity is not a JSON object' },
    ]);
  });

  it('refuses payloads that are not entities', () => {
    const reason = 'payload is not an NGSI-LD entity, entity array or notification';
    expect(mapNgsiLdPayload('hello')).toEqual([{ ok: false, reason }]);
    expect(mapNgsiLdPayload(null)).toEqual([{ ok: false, reason }]);
    expect(mapNgsiLdPayload({ temperature: 30 })).toEqual([{ ok: false, reason }]);
    expect(mapNgsiLdPayload({ type: 'Notification', data: 'x' })).toEqual([
      { ok: false, reason: 'notification has no data array' },
    ]);
  });

  it('maps an empty notification to no results', () => {
    expect(mapNgsiLdPayload({ ...notification, data: [] })).toEqual([]);
  });
});
