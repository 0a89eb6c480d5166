import { describe, expect, it } from 'vitest';
import { idTail, readAttribute, readNumber, readReference, readText, toNumber } from './values.js';

describe('readAttribute', () => {
  it('unwraps an NGSI-LD Property with observedAt and unitCode', () => {
    const entity = {
      pm25: { type: 'Property', value: 35, unitCode: 'GQ', observedAt: '2024-05-01T08:00:00Z' },
    };
    expect(readAttribute(entity, 'pm25')).toEqual({
      value: 35,
      unitCode: 'GQ',
      observedAt: '2024-05-01T08:00:00Z',
    });
  });

  it('takes the object of an NGSI-LD Relationship', () => {
    const entity = { refDevice: { type: 'Relationship', object: 'urn:ngsi-ld:Device:SZ-AQ-001' } };
    expect(readAttribute(entity, 'refDevice')?.value).toBe('urn:ngsi-ld:Device:SZ-AQ-001');
  });

  it('returns a keyValues value as is, including GeoJSON objects', () => {
    const location = { type: 'Point', coordinates: [114.05, 22.54] };
    expect(readAttribute({ peopleCount: 12 }, 'peopleCount')).toEqual({ value: 12 });
    expect(readAttribute({ location }, 'location')).toEqual({ value: location });
  });

  it('reads NGSI v2 normalized attributes with their metadata unitCode', () => {
    const entity = { NO2: { type: 'Number', value: 69, metadata: { unitCode: { value: 'GQ' } } } };
    expect(readAttribute(entity, 'NO2')).toEqual({ value: 69, unitCode: 'GQ' });
  });

  it('unwraps JSON-LD value objects in both forms', () => {
    const normalized = {
      dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': '2024-05-01T08:00:00Z' } },
    };
    const keyValues = { dateObserved: { '@type': 'DateTime', '@value': '2024-05-01T08:00:00Z' } };
    expect(readAttribute(normalized, 'dateObserved')?.value).toBe('2024-05-01T08:00:00Z');
    expect(readAttribute(keyValues, 'dateObserved')?.value).toBe('2024-05-01T08:00:00Z');
  });

  it('finds attributes sent with expanded names', () => {
    const entity = {
      'https://smartdatamodels.org/dataModel.Transportation/peopleCount': { type: 'Property', value: 7 },
    };
    expect(readAttribute(entity, 'peopleCount')?.value).toBe(7);
  });

  it('picks the default instance of a multi-attribute', () => {
    const entity = {
      temperature: [
        { type: 'Property', value: 30.5, datasetId: 'urn:ngsi-ld:Dataset:rooftop' },
        { type: 'Property', value: 28.1 },
      ],
    };
    expect(readAttribute(entity, 'temperature')?.value).toBe(28.1);
  });

  it('treats a missing attribute and a null value alike', () => {
    expect(readAttribute({}, 'pm25')).toBeUndefined();
    expect(readAttribute({ pm25: null }, 'pm25')).toBeUndefined();
    expect(readAttribute({ pm25: { type: 'Property', value: null } }, 'pm25')).toBeUndefined();
  });
});

describe('typed readers', () => {
  it('reads numbers and decimal strings, and gives a reason for anything else', () => {
    expect(toNumber('52.6')).toBe(52.6);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('fast')).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
    expect(readNumber({ intensity: '197' }, 'intensity')).toEqual({ ok: true, value: 197 });
    expect(readNumber({}, 'intensity')).toEqual({ ok: true, value: undefined });
    expect(readNumber({ intensity: 'many' }, 'intensity')).toEqual({
      ok: false,
      reason: 'intensity is not a number',
    });
  });

  it('reads trimmed non-blank text only', () => {
    expect(readText({ dataProvider: ' SZ-TPB ' }, 'dataProvider')).toBe('SZ-TPB');
    expect(readText({ dataProvider: '  ' }, 'dataProvider')).toBeUndefined();
    expect(readText({ dataProvider: 42 }, 'dataProvider')).toBeUndefined();
  });

  it('reads a reference as its local id and refuses a malformed one', () => {
    const ref = {
      refRoadSegment: { type: 'Relationship', object: 'urn:ngsi-ld:RoadSegment:SZ-Shennan-Ave-07' },
    };
    expect(readReference(ref, 'refRoadSegment')).toEqual({ ok: true, value: 'SZ-Shennan-Ave-07' });
    expect(
      readReference({ refDevice: ['urn:ngsi-ld:Device:a', 'urn:ngsi-ld:Device:b'] }, 'refDevice'),
    ).toEqual({
      ok: true,
      value: 'a',
    });
    expect(readReference({ refRoadSegment: 17 }, 'refRoadSegment')).toEqual({
      ok: false,
      reason: 'refRoadSegment is not an entity reference',
    });
  });
});

describe('idTail', () => {
  it('cuts the urn:ngsi-ld:<Type>: prefix but keeps colons inside the local part', () => {
    expect(idTail('urn:ngsi-ld:RoadSegment:SZ-Shennan-Ave-07')).toBe('SZ-Shennan-Ave-07');
    expect(idTail('urn:ngsi-ld:Device:SZ-AQ-001-2024-05-01T08:00:00')).toBe('SZ-AQ-001-2024-05-01T08:00:00');
  });

  it('takes the last segment of other URNs and URLs, and keeps plain ids whole', () => {
    expect(idTail('urn:sz:poi:futian-stadium')).toBe('futian-stadium');
    expect(idTail('https://data.sz.gov.cn/poi/futian-stadium/')).toBe('futian-stadium');
    expect(idTail('SZ-Shennan-Ave-07')).toBe('SZ-Shennan-Ave-07');
  });
});
