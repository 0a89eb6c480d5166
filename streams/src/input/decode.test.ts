import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { describe, expect, it } from 'vitest';
import { decodeSourceEvent, decodeSourceEvents } from './decode.js';
import { Locator } from './locate.js';

const locator = new Locator(new DistrictIndex(loadDistricts()));
const NOW = Date.UTC(2026, 3, 5, 2, 0);
const json = (value: object) => Buffer.from(JSON.stringify(value));
const base = { id: 'e1', ts: '2026-04-05T02:00:00Z', source: 'test' };

describe('decoding source events', () => {
  it('places a crowd cell in its district and venue', () => {
    const decoded = decodeSourceEvent(
      TOPICS.crowdHeat,
      json({ ...base, cell: '89411ca1e6fffff', count: 120 }),
      locator,
      NOW,
    );
    expect(decoded).toMatchObject({
      ok: true,
      observation: {
        kind: 'crowd',
        people: 120,
        venueId: 'shenzhen-bay-park',
        place: { cell: '89411ca1e6fffff', district: '440305' },
      },
    });
  });

  it('resolves coordinates to a cell and fills a known segment free-flow speed', () => {
    const decoded = decodeSourceEvent(
      TOPICS.trafficFlow,
      json({ ...base, segmentId: 'shennan-03', speedKmh: 20, lat: 22.5418, lon: 114.0579 }),
      locator,
      NOW,
    );
    expect(decoded).toMatchObject({
      ok: true,
      observation: { kind: 'traffic', freeFlowKmh: 60, place: { district: '440304' } },
    });
  });

  it('refuses malformed, invalid and far-future events with a reason', () => {
    expect(decodeSourceEvent(TOPICS.crowdHeat, Buffer.from('{"id":'), locator, NOW)).toEqual({
      ok: false,
      reason: 'bad_json',
    });
    expect(decodeSourceEvent(TOPICS.crowdHeat, null, locator, NOW)).toEqual({
      ok: false,
      reason: 'bad_json',
    });
    expect(decodeSourceEvent(TOPICS.crowdHeat, json({ ...base, count: 5 }), locator, NOW)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const future = json({ ...base, ts: '2026-04-07T02:00:00Z', cell: '89411ca1e6fffff', count: 1 });
    expect(decodeSourceEvent(TOPICS.crowdHeat, future, locator, NOW)).toEqual({
      ok: false,
      reason: 'future',
    });
    expect(decodeSourceEvent(TOPICS.ngsiLd, json(base), locator, NOW)).toEqual({
      ok: false,
      reason: 'unsupported_topic',
    });
  });

  it('reads FIWARE NGSI-LD entities: one observation per entity and per pollutant', () => {
    const crowdFlow = {
      id: 'urn:ngsi-ld:CrowdFlowObserved:SZ-Bay-Park-Gate-1',
      type: 'CrowdFlowObserved',
      dateObserved: '2026-04-05T01:55:00Z',
      location: { type: 'Point', coordinates: [113.9605, 22.5185] },
      peopleCount: 640,
    };
    const airQuality = {
      id: 'urn:ngsi-ld:AirQualityObserved:SZ-Futian-AQ-01',
      type: 'AirQualityObserved',
      dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': '2026-04-05T01:50:00Z' } },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [114.0579, 22.5431] } },
      pm25: { type: 'Property', value: 35, unitCode: 'GQ' },
      no2: { type: 'Property', value: 41, unitCode: 'GQ' },
    };
    const decoded = decodeSourceEvents(
      TOPICS.ngsiLd,
      json({ type: 'Notification', data: [crowdFlow, airQuality, { id: 'urn:x', type: 'Parking' }] }),
      locator,
      NOW,
    );
    expect(decoded).toMatchObject([
      { ok: true, observation: { kind: 'crowd', people: 640, place: { district: '440305' } } },
      { ok: true, observation: { kind: 'sensor', sensorKind: 'air.pm25', value: 35 } },
      { ok: true, observation: { kind: 'sensor', sensorKind: 'air.no2', value: 41 } },
      { ok: false, reason: 'invalid' },
    ]);
  });

  it('refuses an NGSI-LD message that is not JSON', () => {
    expect(decodeSourceEvents(TOPICS.ngsiLd, Buffer.from('{'), locator, NOW)).toEqual([
      { ok: false, reason: 'bad_json' },
    ]);
  });
});
