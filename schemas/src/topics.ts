// Kafka topic names (DESIGN §4). Versioned: a breaking contract change is a new topic, never an edit.
export const TOPICS = {
  sensorReadings: 'city.sensor.readings.v1',
  crowdHeat: 'city.police.crowd.v1',
  trafficFlow: 'city.traffic.flow.v1',
  trafficIncidents: 'city.traffic.incidents.v1',
  ngsiLd: 'city.ngsi-ld.v1',
  alerts: 'city.alerts.v1',
  alertActions: 'city.alert-actions.v1',
  live: 'city.live.v1',
  deadLetter: 'city.deadletter.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** The topics ingest consumes: the four agency feeds plus FIWARE NGSI-LD entities. */
export const SOURCE_TOPICS = [
  TOPICS.sensorReadings,
  TOPICS.crowdHeat,
  TOPICS.trafficFlow,
  TOPICS.trafficIncidents,
  TOPICS.ngsiLd,
] as const;
export type SourceTopic = (typeof SOURCE_TOPICS)[number];
