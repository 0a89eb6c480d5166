// ClickHouse DDL (DESIGN §4, §5). Every ingested row carries its Kafka lineage (cluster, topic, partition,
// offset): ingest uses the highest stored offset per partition to skip redelivered messages after a crash,
// which makes at-least-once delivery exactly-once in the tables. ReplacingMergeTree keyed by the event id
// is the second line of defence against a producer sending the same event twice.

const LINEAGE_COLUMNS = `
  ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
  src_cluster LowCardinality(String),
  src_topic LowCardinality(String),
  src_partition UInt32,
  src_offset UInt64`;

const LOCATION_COLUMNS = `
  lat Float64,
  lon Float64,
  cell String,
  district LowCardinality(String)`;

export const INGEST_TABLES = {
  sensorReadings: 'sensor_readings',
  crowdHeat: 'crowd_heat',
  trafficFlow: 'traffic_flow',
  trafficIncidents: 'traffic_incidents',
  deadLetters: 'dead_letters',
} as const;
export type IngestTable = (typeof INGEST_TABLES)[keyof typeof INGEST_TABLES];

export const ALERT_TABLES = { alerts: 'alerts', alertEvents: 'alert_events' } as const;

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ingest tables',
    statements: [
      `CREATE TABLE IF NOT EXISTS sensor_readings (
        id String,
        ts DateTime64(3, 'UTC'),
        source LowCardinality(String),
        sensor_id String,
        kind LowCardinality(String),
        value Float64,
        unit LowCardinality(String),${LOCATION_COLUMNS},${LINEAGE_COLUMNS}
      ) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(ts) ORDER BY (kind, sensor_id, ts, id)`,
      `CREATE TABLE IF NOT EXISTS crowd_heat (
        id String,
        ts DateTime64(3, 'UTC'),
        source LowCardinality(String),
        count UInt32,
        method LowCardinality(String),
        venue_id String,${LOCATION_COLUMNS},${LINEAGE_COLUMNS}
      ) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(ts) ORDER BY (district, cell, ts, id)`,
      `CREATE TABLE IF NOT EXISTS traffic_flow (
        id String,
        ts DateTime64(3, 'UTC'),
        source LowCardinality(String),
        segment_id String,
        speed_kmh Float32,
        free_flow_kmh Nullable(Float32),
        volume_vph Nullable(Float32),
        occupancy Nullable(Float32),${LOCATION_COLUMNS},${LINEAGE_COLUMNS}
      ) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(ts) ORDER BY (segment_id, ts, id)`,
      `CREATE TABLE IF NOT EXISTS traffic_incidents (
        id String,
        ts DateTime64(3, 'UTC'),
        source LowCardinality(String),
        incident_id String,
        type LowCardinality(String),
        severity LowCardinality(String),
        status LowCardinality(String),
        lanes_blocked Nullable(UInt8),
        description String,
        plate_pseudonym String,${LOCATION_COLUMNS},${LINEAGE_COLUMNS}
      ) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(ts) ORDER BY (incident_id, ts, id)`,
      // The payload is stored desensitized; the untouched original bytes stay on city.deadletter.v1.
      `CREATE TABLE IF NOT EXISTS dead_letters (
        id String,
        received_at DateTime64(3, 'UTC'),
        reason String,
        error_kind LowCardinality(String),
        payload String,
        payload_encoding LowCardinality(String),
        payload_bytes UInt32,${LINEAGE_COLUMNS}
      ) ENGINE = ReplacingMergeTree PARTITION BY toYYYYMM(received_at) ORDER BY (src_topic, received_at, id)`,
    ],
  },
  {
    version: 2,
    name: 'alert tables',
    statements: [
      // Latest state per alert: ReplacingMergeTree keeps the highest version.
      `CREATE TABLE IF NOT EXISTS alerts (
        alert_id String,
        version UInt32,
        rule_id LowCardinality(String),
        category LowCardinality(String),
        level LowCardinality(String),
        status LowCardinality(String),
        district LowCardinality(String),
        agencies Array(LowCardinality(String)),
        lat Float64,
        lon Float64,
        cell String,
        title_zh String,
        title_en String,
        metric_name LowCardinality(String),
        metric_value Float64,
        metric_threshold Float64,
        metric_unit LowCardinality(String),
        forecast_value Nullable(Float64),
        forecast_eta Nullable(DateTime64(3, 'UTC')),
        evidence String,
        raised_at DateTime64(3, 'UTC'),
        updated_at DateTime64(3, 'UTC')
      ) ENGINE = ReplacingMergeTree(version) ORDER BY alert_id`,
      // Append-only audit trail of every state change and action, hash-chained per alert (DESIGN §7).
      `CREATE TABLE IF NOT EXISTS alert_events (
        event_id String,
        alert_id String,
        version UInt32,
        type LowCardinality(String),
        actor String,
        role LowCardinality(String),
        note String,
        ts DateTime64(3, 'UTC'),
        state String,
        prev_hash String,
        hash String
      ) ENGINE = MergeTree ORDER BY (alert_id, ts, event_id)`,
    ],
  },
  {
    version: 3,
    name: 'alert subject',
    statements: [
      // The entity an alert is about (`venue:shenzhen-bay-park`, `segment:binhai-03`…): with rule_id it is the
      // key streams/ uses to find the one live alert per (rule, subject) again after a restart.
      `ALTER TABLE alerts ADD COLUMN IF NOT EXISTS subject String DEFAULT '' AFTER rule_id`,
    ],
  },
];
