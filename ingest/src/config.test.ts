import { describe, expect, it } from 'vitest';
import { ConfigError, loadIngestConfig } from './config.js';

describe('loadIngestConfig', () => {
  it('defaults to embedded chDB under ./data', () => {
    const config = loadIngestConfig({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config.clickhouse).toMatchObject({ kind: 'chdb' });
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.flushIntervalMs).toBeLessThanOrEqual(1_000);
  });

  it('flushes 50,000-row batches or every 500 ms by default', () => {
    const config = loadIngestConfig({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config.batchRows).toBe(50_000);
    expect(config.flushIntervalMs).toBe(500);
    expect(loadIngestConfig({ KAFKA_BROKERS: 'a:1', INGEST_BATCH_ROWS: '2000' }).batchRows).toBe(2_000);
  });

  it.each([
    [{}, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS: each broker must be host:port'],
    [{ KAFKA_BROKERS: 'a:1', INGEST_FLUSH_MS: '5000' }, 'INGEST_FLUSH_MS'],
    [{ KAFKA_BROKERS: 'a:1', CITY_BBOX: '114,22,113,23' }, 'CITY_BBOX'],
    [{ KAFKA_BROKERS: 'a:1', CLICKHOUSE_URL: 'http://ch:8123' }, 'PSEUDONYM_KEY: required'],
    [{ KAFKA_BROKERS: 'a:1', PSEUDONYM_KEY: 'short' }, 'PSEUDONYM_KEY'],
    [{ KAFKA_BROKERS: 'a:1', LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadIngestConfig(env)).toThrow(ConfigError);
    expect(() => loadIngestConfig(env)).toThrow(message);
  });

  it('uses a ClickHouse server with a pseudonym key in cluster mode', () => {
    const config = loadIngestConfig({
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      CLICKHOUSE_URL: 'http://clickhouse:8123',
      PSEUDONYM_KEY: 'x'.repeat(32),
    });
    expect(config.clickhouse).toEqual({ kind: 'server', url: 'http://clickhouse:8123' });
    expect(config.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
  });
});
