// FIWARE Smart Data Models examples (shapes of the official example-normalized/keyValues payloads),
// moved to Shenzhen and to recent times.
const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

export function crowdFlowNormalized(suffix: string) {
  return {
    id: `urn:ngsi-ld:CrowdFlowObserved:shenzhen-bay-gate-${suffix}`,
    type: 'CrowdFlowObserved',
    dateObserved: {
      type: 'Property',
      value: { '@type': 'DateTime', '@value': `${recent(12)}/${recent(10)}` },
    },
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [113.968, 22.5185] } },
    peopleCount: { type: 'Property', value: 1520 },
    direction: { type: 'Property', value: 'inbound' },
    name: { type: 'Property', value: 'Gate 3 camera, operator 李四' },
    '@context': [
      'https://raw.githubusercontent.com/smart-data-models/dataModel.Transportation/master/context.jsonld',
    ],
  };
}

export function trafficFlowKeyValues(suffix: string) {
  return {
    id: `urn:ngsi-ld:TrafficFlowObserved:shennan-${suffix}`,
    type: 'TrafficFlowObserved',
    dateObserved: `${recent(6)}/${recent(5)}`,
    dateObservedFrom: recent(6),
    dateObservedTo: recent(5),
    location: {
      type: 'LineString',
      coordinates: [
        [114.041, 22.541],
        [114.05, 22.5415],
        [114.059, 22.542],
      ],
    },
    laneId: 1,
    averageVehicleSpeed: 38.5,
    intensity: 120,
    occupancy: 0.42,
    congested: false,
    refRoadSegment: 'urn:ngsi-ld:RoadSegment:shennan-07',
  };
}

export function airQualityNormalized(suffix: string) {
  return {
    id: `urn:ngsi-ld:AirQualityObserved:futian-${suffix}`,
    type: 'AirQualityObserved',
    dateObserved: { type: 'Property', value: recent(3) },
    location: {
      type: 'GeoProperty',
      value: {
        type: 'Polygon',
        coordinates: [
          [
            [114.05, 22.535],
            [114.06, 22.535],
            [114.06, 22.545],
            [114.05, 22.545],
            [114.05, 22.535],
          ],
        ],
      },
    },
    pm25: { type: 'Property', value: 35, unitCode: 'GQ' },
    pm10: { type: 'Property', value: 58, unitCode: 'GQ' },
    no2: { type: 'Property', value: 41, unitCode: 'GQ' },
    temperature: { type: 'Property', value: 24.5 },
    refDevice: { type: 'Relationship', object: 'urn:ngsi-ld:Device:aq-futian-01' },
  };
}

/** An Orion-LD notification carrying several entities at once. */
export function notification(entities: object[]) {
  return {
    id: 'urn:ngsi-ld:Notification:5fd0fa684eb81930c97005f3',
    type: 'Notification',
    subscriptionId: 'urn:ngsi-ld:Subscription:citybrain',
    notifiedAt: new Date().toISOString(),
    data: entities,
  };
}
