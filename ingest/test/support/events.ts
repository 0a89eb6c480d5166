// Small, named event builders for integration tests. Positions are real Shenzhen places (WGS-84).
import { TOPICS } from '@citybrain/schemas/topics';

export const PLACES = {
  shenzhenBayPark: { lat: 22.5185, lon: 113.968 }, // inside the venue polygon, Nanshan 440305
  civicCenter: { lat: 22.5418, lon: 114.0579 }, // Futian 440304
  dongmen: { lat: 22.546, lon: 114.118 }, // Luohu 440303
  northStation: { lat: 22.6096, lon: 114.0286 }, // Longhua 440309
} as const;

const at = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();

export function sensorReadings(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-sensor-${i}`,
    ts: at(i % 30),
    source: 'env-bureau',
    sensorId: `aq-${i % 40}`,
    kind: 'air.pm25',
    value: 12 + (i % 30),
    unit: 'µg/m³',
    ...PLACES.civicCenter,
  }));
}

export function crowdHeats(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-crowd-${i}`,
    ts: at(i % 30),
    source: 'police-heat',
    count: 100 + i,
    method: 'signaling',
    ...PLACES.shenzhenBayPark,
    // Personal identifiers a careless feed might attach; they must never be stored.
    imsi: '460001234567890',
    deviceIds: ['86012345678901234', 'aa:bb:cc:dd:ee:ff'],
  }));
}

export function trafficFlows(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-flow-${i}`,
    ts: at(i % 30),
    source: 'traffic-detectors',
    segmentId: `shennan-${String(i % 20).padStart(2, '0')}`,
    speedKmh: 20 + (i % 50),
    freeFlowKmh: 60,
    volumeVph: 1200,
    occupancy: 0.3,
    ...PLACES.civicCenter,
  }));
}

export const PII = {
  phone: '13812345678',
  reporterName: '张三',
  idCard: '440305199001011234',
  plate: '粤B12345',
  imsi: '460001234567890',
} as const;

export function trafficIncidents(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-incident-${i}`,
    ts: at(i % 30),
    source: '122-dispatch',
    incidentId: `inc-${prefix}-${i}`,
    type: 'accident',
    severity: i % 5 === 0 ? 'critical' : 'minor',
    status: 'open',
    lanesBlocked: 1,
    description: `两车追尾，报警人电话${PII.phone}，身份证${PII.idCard}`,
    plate: PII.plate,
    phone: PII.phone,
    reporterPhone: PII.phone,
    reporterName: PII.reporterName,
    idCard: PII.idCard,
    ...PLACES.dongmen,
  }));
}

/** Malformed messages, each with the rejection kind ingest must give it. */
export function malformedCorpus(prefix: string) {
  const valid = { id: `${prefix}-bad`, ts: at(1), source: 'test', ...PLACES.civicCenter };
  const flow = { ...valid, segmentId: 'shennan-01', speedKmh: 40 };
  const json = (value: object) => Buffer.from(JSON.stringify(value));
  return [
    {
      name: 'bad JSON',
      topic: TOPICS.trafficFlow,
      value: Buffer.from('{"id": "x", "speedKmh": 4'),
      kind: 'bad_json',
    },
    {
      name: 'not UTF-8',
      topic: TOPICS.trafficFlow,
      value: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      kind: 'bad_encoding',
    },
    {
      name: 'GBK bytes',
      topic: TOPICS.sensorReadings,
      value: Buffer.from([0x22, 0xc9, 0xee, 0xdb, 0xda, 0x22]),
      kind: 'bad_encoding',
    },
    {
      name: 'wrong type',
      topic: TOPICS.trafficFlow,
      value: json({ ...flow, id: `${prefix}-b1`, speedKmh: 'fast' }),
      kind: 'invalid',
    },
    {
      name: 'missing field',
      topic: TOPICS.trafficFlow,
      value: json({ ...flow, id: `${prefix}-b2`, segmentId: undefined }),
      kind: 'invalid',
    },
    {
      name: 'no location',
      topic: TOPICS.crowdHeat,
      value: json({ id: `${prefix}-b3`, ts: at(1), source: 't', count: 5 }),
      kind: 'invalid',
    },
    {
      name: 'NaN as text',
      topic: TOPICS.sensorReadings,
      value: Buffer.from(
        `{"id":"${prefix}-b4","ts":"${at(1)}","source":"t","sensorId":"s","kind":"air.pm25","value":NaN,"unit":"µg/m³","lat":22.54,"lon":114.05}`,
      ),
      kind: 'bad_json',
    },
    {
      name: 'NaN as string',
      topic: TOPICS.sensorReadings,
      value: json({
        ...valid,
        id: `${prefix}-b5`,
        sensorId: 's',
        kind: 'air.pm25',
        value: 'NaN',
        unit: 'µg/m³',
      }),
      kind: 'invalid',
    },
    {
      name: 'overflow to Infinity',
      topic: TOPICS.trafficFlow,
      value: Buffer.from(
        `{"id":"${prefix}-b6","ts":"${at(1)}","source":"t","segmentId":"s","speedKmh":1e999,"lat":22.54,"lon":114.05}`,
      ),
      // JSON.parse turns 1e999 into Infinity, which is not a number a sensor can report
      kind: 'invalid',
    },
    {
      name: 'negative count',
      topic: TOPICS.crowdHeat,
      value: json({ ...valid, id: `${prefix}-b7`, count: -3 }),
      kind: 'out_of_range',
    },
    {
      name: 'speed over 250',
      topic: TOPICS.trafficFlow,
      value: json({ ...flow, id: `${prefix}-b8`, speedKmh: 251 }),
      kind: 'out_of_range',
    },
    {
      name: 'outside the city',
      topic: TOPICS.trafficFlow,
      value: json({ ...flow, id: `${prefix}-b9`, lat: 39.9, lon: 116.4 }),
      kind: 'out_of_range',
    },
    {
      name: 'far future',
      topic: TOPICS.trafficFlow,
      value: json({ ...flow, id: `${prefix}-b10`, ts: new Date(Date.now() + 25 * 3_600_000).toISOString() }),
      kind: 'out_of_range',
    },
    {
      name: 'timestamp without zone',
      topic: TOPICS.trafficFlow,
      value: json({ ...flow, id: `${prefix}-b11`, ts: '2026-11-21 08:00:00' }),
      kind: 'invalid',
    },
    {
      name: 'oversized',
      topic: TOPICS.trafficIncidents,
      value: Buffer.from(JSON.stringify({ ...valid, id: `${prefix}-b12`, description: 'x'.repeat(70_000) })),
      kind: 'too_large',
    },
    { name: 'empty value', topic: TOPICS.crowdHeat, value: null, kind: 'bad_json' },
    { name: 'array instead of object', topic: TOPICS.crowdHeat, value: json([1, 2, 3]), kind: 'invalid' },
    {
      name: 'invalid H3 cell',
      topic: TOPICS.crowdHeat,
      value: json({ id: `${prefix}-b13`, ts: at(1), source: 't', count: 5, cell: '8928308280fffff0' }),
      kind: 'invalid',
    },
    {
      name: 'PII in a bad incident',
      topic: TOPICS.trafficIncidents,
      value: json({
        ...valid,
        id: `${prefix}-b14`,
        incidentId: 'i',
        type: 'fire',
        severity: 'minor',
        status: 'open',
        phone: PII.phone,
        reporterName: PII.reporterName,
        plate: PII.plate,
        description: `call ${PII.phone}`,
      }),
      kind: 'invalid',
    },
    {
      name: 'unknown NGSI-LD type',
      topic: TOPICS.ngsiLd,
      value: json({ id: 'urn:ngsi-ld:WasteContainer:1', type: 'WasteContainer', fillingLevel: 0.5 }),
      kind: 'unsupported_type',
    },
  ] as const;
}
