import { describe, expect, it } from 'vitest';
import { crowdHeat } from '../events/index.js';
import { mapNgsiLdPayload } from './index.js';

/** Modelled on the official CrowdFlowObserved example-normalized.jsonld, moved to a Futian metro exit. */
const normalizedCrowdFlow = {
  id: 'urn:ngsi-ld:CrowdFlowObserved:SZ-Futian-Station-Exit-A',
  type: 'CrowdFlowObserved',
  name: { type: 'Property', value: 'Exit A head count' },
  description: { type: 'Property', value: 'Reported by Zhang Wei, phone 138-0000-0000' },
  averageHeadwayTime: { type: 'Property', value: 5 },
  congested: { type: 'Property', value: false },
  dateObserved: {
    type: 'Property',
    value: { '@type': 'DateTime', '@value': '2024-05-01T08:10:00/2024-05-01T08:15:00' },
  },
  dateObservedFrom: { type: 'Property', value: { '@type': 'DateTime', '@value': '2024-05-01T08:10:00Z' } },
  dateObservedTo: { type: 'Property', value: { '@type': 'DateTime', '@value': '2024-05-01T08:15:00Z' } },
  direction: { type: 'Property', value: 'inbound' },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [114.0556, 22.5385] } },
  peopleCount: { type: 'Property', value: 420 },
  refPointOfInterest: { type: 'Relationship', object: 'urn:ngsi-ld:PointOfInterest:futian-station' },
  dataProvider: { type: 'Property', value: 'SZ-Metro' },
  '@context': [
    'https://raw.githubusercontent.com/smart-data-models/dataModel.Transportation/master/context.jsonld',
  ],
};

const keyValuesCrowdFlow = {
  id: 'urn:ngsi-ld:CrowdFlowObserved:SZ-Civic-Square',
  type: 'https://smartdatamodels.org/dataModel.Transportation/CrowdFlowObserved',
  dateObserved: '2024-05-01T20:00:00+08:00',
  location: {
    type: 'Polygon',
    coordinates: [
      [
        [114.05, 22.54],
        [114.06, 22.54],
        [114.06, 22.55],
        [114.05, 22.55],
        [114.05, 22.54],
      ],
    ],
  },
  peopleCount: 1800,
  source: 'https://data.sz.gov.cn/crowd',
};

describe('CrowdFlowObserved → crowdHeat', () => {
  it('maps the normalized form, dropping every attribute it does not need', () => {
    const [result] = mapNgsiLdPayload(normalizedCrowdFlow);
    expect(result).toEqual({
      ok: true,
      target: 'crowdHeat',
      event: {
        id: 'urn:ngsi-ld:CrowdFlowObserved:SZ-Futian-Station-Exit-A@2024-05-01T08:15:00.000Z',
        ts: '2024-05-01T08:15:00.000Z',
        source: 'SZ-Metro',
        lat: 22.5385,
        lon: 114.0556,
        count: 420,
        venueId: 'futian-station',
      },
    });
    expect(JSON.stringify(result)).not.toContain('Zhang');
    if (result?.ok) expect(crowdHeat.safeParse(result.event).success).toBe(true);
  });

  it('maps the keyValues form with a full type URI and a polygon area', () => {
    const [result] = mapNgsiLdPayload(keyValuesCrowdFlow);
    if (!result?.ok) throw new Error(result?.reason);
    expect(result.target).toBe('crowdHeat');
    expect(result.event).toMatchObject({
      id: 'urn:ngsi-ld:CrowdFlowObserved:SZ-Civic-Square@2024-05-01T12:00:00.000Z',
      ts: '2024-05-01T12:00:00.000Z',
      source: 'https://data.sz.gov.cn/crowd',
      count: 1800,
    });
    expect(result.event.lat).toBeCloseTo(22.545, 9);
    expect(result.event.lon).toBeCloseTo(114.055, 9);
    expect(result.event).not.toHaveProperty('venueId');
    expect(crowdHeat.safeParse(result.event).success).toBe(true);
  });

  it('gives each observation of the same entity its own event id', () => {
    const later = { ...keyValuesCrowdFlow, dateObserved: '2024-05-01T20:05:00+08:00' };
    const ids = mapNgsiLdPayload([keyValuesCrowdFlow, later]).map((r) => (r.ok ? r.event.id : r.reason));
    expect(ids).toEqual([
      'urn:ngsi-ld:CrowdFlowObserved:SZ-Civic-Square@2024-05-01T12:00:00.000Z',
      'urn:ngsi-ld:CrowdFlowObserved:SZ-Civic-Square@2024-05-01T12:05:00.000Z',
    ]);
  });

  it('takes refVenue when there is no refPointOfInterest', () => {
    const [result] = mapNgsiLdPayload({
      ...keyValuesCrowdFlow,
      refVenue: 'urn:ngsi-ld:Venue:sz-bay-stadium',
    });
    expect(result?.ok && result.event.venueId).toBe('sz-bay-stadium');
  });

  it('refuses an entity without peopleCount', () => {
    const { peopleCount: _omitted, ...withoutCount } = keyValuesCrowdFlow;
    expect(mapNgsiLdPayload(withoutCount)).toEqual([
      {
        ok: false,
        reason: 'CrowdFlowObserved "urn:ngsi-ld:CrowdFlowObserved:SZ-Civic-Square": missing peopleCount',
      },
    ]);
  });

  it('refuses an entity without location', () => {
    const { location: _omitted, ...withoutLocation } = keyValuesCrowdFlow;
    expect(mapNgsiLdPayload(withoutLocation)).toEqual([
      {
        ok: false,
        reason: 'CrowdFlowObserved "urn:ngsi-ld:CrowdFlowObserved:SZ-Civic-Square": missing location',
      },
    ]);
  });

  it('leaves a fractional count for the validator to refuse', () => {
    const [result] = mapNgsiLdPayload({ ...keyValuesCrowdFlow, peopleCount: 12.5 });
    if (!result?.ok) throw new Error(result?.reason);
    expect(result.event.count).toBe(12.5);
    expect(crowdHeat.safeParse(result.event).success).toBe(false);
  });
});
