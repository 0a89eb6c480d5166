import { describe, expect, it } from 'vitest';
import { trafficFlow } from '../events/index.js';
import { mapNgsiLdPayload } from './index.js';

/** Modelled on the official TrafficFlowObserved example-normalized.jsonld, moved to Shennan Avenue. */
const normalizedTrafficFlow = {
  id: 'urn:ngsi-ld:TrafficFlowObserved:SZ-Shennan-Ave-07-lane1',
  type: 'TrafficFlowObserved',
  address: { type: 'Property', value: { addressLocality: 'Shenzhen', streetAddress: 'Shennan Avenue' } },
  averageHeadwayTime: { type: 'Property', value: 0.5 },
  averageVehicleLength: { type: 'Property', value: 9.87 },
  averageVehicleSpeed: { type: 'Property', value: 52.6 },
  dateObserved: {
    type: 'Property',
    value: { '@type': 'DateTime', '@value': '2024-05-01T08:10:00/2024-05-01T08:15:00' },
  },
  dateObservedFrom: { type: 'Property', value: { '@type': 'DateTime', '@value': '2024-05-01T08:10:00Z' } },
  dateObservedTo: { type: 'Property', value: { '@type': 'DateTime', '@value': '2024-05-01T08:15:00Z' } },
  intensity: { type: 'Property', value: 197 },
  laneDirection: { type: 'Property', value: 'forward' },
  laneId: { type: 'Property', value: 1 },
  location: {
    type: 'GeoProperty',
    value: {
      type: 'LineString',
      coordinates: [
        [114.04, 22.54],
        [114.05, 22.54],
        [114.08, 22.54],
      ],
    },
  },
  occupancy: { type: 'Property', value: 0.76 },
  refRoadSegment: { type: 'Relationship', object: 'urn:ngsi-ld:RoadSegment:SZ-Shennan-Ave-07' },
  reversedLane: { type: 'Property', value: false },
  dataProvider: { type: 'Property', value: 'SZ-TPB' },
};

const keyValuesTrafficFlow = {
  id: 'urn:ngsi-ld:TrafficFlowObserved:SZ-Binhai-Blvd-03',
  type: 'TrafficFlowObserved',
  dateObserved: '2024-05-01T08:15:00Z',
  location: { type: 'Point', coordinates: [114.0, 22.52] },
  averageVehicleSpeed: 71,
  intensity: 1500,
};

describe('TrafficFlowObserved → trafficFlow', () => {
  it('maps the normalized form: segment from refRoadSegment, intensity per 5 minutes to per hour', () => {
    const [result] = mapNgsiLdPayload(normalizedTrafficFlow);
    if (!result?.ok) throw new Error(result?.reason);
    expect(result.target).toBe('trafficFlow');
    expect(result.event).toEqual({
      id: 'urn:ngsi-ld:TrafficFlowObserved:SZ-Shennan-Ave-07-lane1@2024-05-01T08:15:00.000Z',
      ts: '2024-05-01T08:15:00.000Z',
      source: 'SZ-TPB',
      lat: expect.closeTo(22.54, 9) as unknown,
      lon: expect.closeTo(114.06, 9) as unknown, // halfway along the line, not its middle vertex
      segmentId: 'SZ-Shennan-Ave-07',
      speedKmh: 52.6,
      volumeVph: 2364, // 197 vehicles in 300 s
      occupancy: 0.76,
    });
    expect(trafficFlow.safeParse(result.event).success).toBe(true);
  });

  it('takes intensity as per hour when no period is stated, and the entity as the segment', () => {
    const [result] = mapNgsiLdPayload(keyValuesTrafficFlow);
    expect(result).toEqual({
      ok: true,
      target: 'trafficFlow',
      event: {
        id: 'urn:ngsi-ld:TrafficFlowObserved:SZ-Binhai-Blvd-03@2024-05-01T08:15:00.000Z',
        ts: '2024-05-01T08:15:00.000Z',
        source: 'ngsi-ld',
        lat: 22.52,
        lon: 114.0,
        segmentId: 'SZ-Binhai-Blvd-03',
        speedKmh: 71,
        volumeVph: 1500,
      },
    });
    if (result?.ok) expect(trafficFlow.safeParse(result.event).success).toBe(true);
  });

  it('uses the interval in dateObserved for the period', () => {
    const quarterHour = {
      ...keyValuesTrafficFlow,
      dateObserved: '2024-05-01T08:00:00Z/2024-05-01T08:15:00Z',
      intensity: 300,
    };
    const [result] = mapNgsiLdPayload(quarterHour);
    expect(result?.ok && result.event.volumeVph).toBe(1200);
  });

  it('combines laneId with the entity when there is no refRoadSegment', () => {
    const [result] = mapNgsiLdPayload({ ...keyValuesTrafficFlow, laneId: 2 });
    expect(result?.ok && result.event.segmentId).toBe('SZ-Binhai-Blvd-03#lane2');
  });

  it('refuses an entity without averageVehicleSpeed', () => {
    const { averageVehicleSpeed: _omitted, ...withoutSpeed } = keyValuesTrafficFlow;
    expect(mapNgsiLdPayload(withoutSpeed)).toEqual([
      {
        ok: false,
        reason:
          'TrafficFlowObserved "urn:ngsi-ld:TrafficFlowObserved:SZ-Binhai-Blvd-03": missing averageVehicleSpeed',
      },
    ]);
  });

  it('refuses a non-numeric intensity rather than dropping it', () => {
    const [result] = mapNgsiLdPayload({ ...keyValuesTrafficFlow, intensity: 'heavy' });
    expect(result).toEqual({
      ok: false,
      reason:
        'TrafficFlowObserved "urn:ngsi-ld:TrafficFlowObserved:SZ-Binhai-Blvd-03": intensity is not a number',
    });
  });

  it('refuses an entity without any observation time', () => {
    const { dateObserved: _omitted, ...withoutTime } = keyValuesTrafficFlow;
    const [result] = mapNgsiLdPayload(withoutTime);
    expect(result?.ok).toBe(false);
    expect(!result?.ok && result?.reason).toContain('missing dateObserved');
  });
});
