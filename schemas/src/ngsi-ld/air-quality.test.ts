import { describe, expect, it } from 'vitest';
import { sensorReading } from '../events/index.js';
import { mapNgsiLdPayload, type NgsiMapped } from './index.js';

/** Modelled on the official AirQualityObserved examples (NGSI-LD normalized), at a Futian monitoring station. */
const normalizedAirQuality = {
  id: 'urn:ngsi-ld:AirQualityObserved:SZ-Futian-AQ-01',
  type: 'AirQualityObserved',
  dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': '2024-05-01T08:00:00Z' } },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [114.0579, 22.5431] } },
  pm25: { type: 'Property', value: 35, unitCode: 'GQ' },
  pm10: { type: 'Property', value: 0.054, unitCode: 'GP' }, // mg/m³
  no2: { type: 'Property', value: 41, unitCode: 'GQ' },
  o3: { type: 'Property', value: 80, unitCode: 'GQ' },
  airQualityIndex: { type: 'Property', value: 65 },
  airQualityLevel: { type: 'Property', value: 'moderate' },
  temperature: { type: 'Property', value: 28.4, unitCode: 'CEL' },
  refDevice: { type: 'Relationship', object: 'urn:ngsi-ld:Device:SZ-AQ-0001' },
  dataProvider: { type: 'Property', value: 'SZ-EEB' },
};

/** The official keyValues example spells NO2 in upper case and sends the interval without a zone. */
const keyValuesAirQuality = {
  id: 'urn:ngsi-ld:AirQualityObserved:SZ-Nanshan-AQ-02',
  type: 'AirQualityObserved',
  dateObserved: '2024-05-01T07:00:00Z/2024-05-01T08:00:00Z',
  location: { type: 'Point', coordinates: [113.93, 22.52] },
  NO2: 69,
  CO: 500,
  source: 'http://szeeb.example.cn',
};

function events(results: NgsiMapped[]): Record<string, unknown>[] {
  return results.map((r) => {
    if (!r.ok) throw new Error(r.reason);
    expect(r.target).toBe('sensorReading');
    return r.event;
  });
}

describe('AirQualityObserved → sensorReading', () => {
  it('maps one reading per tracked measurement, converting units by unitCode', () => {
    const readings = events(mapNgsiLdPayload(normalizedAirQuality));
    const base = {
      ts: '2024-05-01T08:00:00.000Z',
      source: 'SZ-EEB',
      lat: 22.5431,
      lon: 114.0579,
      sensorId: 'SZ-AQ-0001',
    };
    const id = (kind: string): string =>
      `urn:ngsi-ld:AirQualityObserved:SZ-Futian-AQ-01@2024-05-01T08:00:00.000Z#${kind}`;
    expect(readings).toEqual([
      { ...base, id: id('air.pm25'), kind: 'air.pm25', value: 35, unit: 'µg/m³' },
      { ...base, id: id('air.pm10'), kind: 'air.pm10', value: 54, unit: 'µg/m³' },
      { ...base, id: id('air.no2'), kind: 'air.no2', value: 41, unit: 'µg/m³' },
      { ...base, id: id('air.aqi'), kind: 'air.aqi', value: 65, unit: 'AQI' },
      { ...base, id: id('temperature'), kind: 'temperature', value: 28.4, unit: '°C' },
    ]);
    for (const reading of readings) expect(sensorReading.safeParse(reading).success).toBe(true);
  });

  it('maps the keyValues form with the legacy NO2 spelling and the entity as sensor', () => {
    expect(events(mapNgsiLdPayload(keyValuesAirQuality))).toEqual([
      {
        id: 'urn:ngsi-ld:AirQualityObserved:SZ-Nanshan-AQ-02@2024-05-01T08:00:00.000Z#air.no2',
        ts: '2024-05-01T08:00:00.000Z',
        source: 'http://szeeb.example.cn',
        lat: 22.52,
        lon: 113.93,
        sensorId: 'urn:ngsi-ld:AirQualityObserved:SZ-Nanshan-AQ-02',
        kind: 'air.no2',
        value: 69,
        unit: 'µg/m³',
      },
    ]);
  });

  it('converts Fahrenheit temperatures', () => {
    const [reading] = events(
      mapNgsiLdPayload({
        ...keyValuesAirQuality,
        NO2: undefined,
        temperature: { type: 'Property', value: 86, unitCode: 'FAH' },
      }),
    );
    expect(reading?.value).toBe(30);
  });

  it('refuses only the row whose unit it cannot convert', () => {
    const ppb = { ...normalizedAirQuality, no2: { type: 'Property', value: 22, unitCode: '61' } };
    const results = mapNgsiLdPayload(ppb);
    expect(results).toHaveLength(5);
    expect(results[2]).toEqual({
      ok: false,
      reason:
        'AirQualityObserved "urn:ngsi-ld:AirQualityObserved:SZ-Futian-AQ-01": no2 has unitCode "61"; expected one of GQ, GP',
    });
    expect(results.filter((r) => r.ok)).toHaveLength(4);
  });

  it('hashes event ids that would exceed 128 characters', () => {
    const longId = `urn:ngsi-ld:AirQualityObserved:${'SZ-Futian-'.repeat(10)}`;
    const [reading] = events(mapNgsiLdPayload({ ...keyValuesAirQuality, id: longId }));
    expect(reading?.id).toMatch(/^ngsi:[0-9a-f]{64}$/);
    const [again] = events(mapNgsiLdPayload({ ...keyValuesAirQuality, id: longId }));
    expect(again?.id).toBe(reading?.id);
  });

  it('refuses an AirQualityObserved with no tracked measurement', () => {
    const { NO2: _omitted, ...onlyCo } = keyValuesAirQuality;
    expect(mapNgsiLdPayload(onlyCo)).toEqual([
      {
        ok: false,
        reason:
          'AirQualityObserved "urn:ngsi-ld:AirQualityObserved:SZ-Nanshan-AQ-02": none of the tracked measurements (pm25, pm10, no2, airQualityIndex, temperature)',
      },
    ]);
  });
});
