import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  clickhouseTargetOf,
  clickhouseVars,
  ConfigError,
  kafkaBrokersVar,
  parseEnv,
  portVar,
} from './env.js';

const schema = z.object({ KAFKA_BROKERS: kafkaBrokersVar, PORT: portVar.default(80), ...clickhouseVars });

describe('environment parsing', () => {
  it('parses brokers and defaults', () => {
    const env = parseEnv(schema, { KAFKA_BROKERS: ' a:1 , b:2 ' }, 'demo');
    expect(env.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(env.PORT).toBe(80);
    expect(clickhouseTargetOf(env)).toMatchObject({ kind: 'chdb' });
  });

  it('names every bad variable in one ConfigError', () => {
    const attempt = () => parseEnv(schema, { PORT: '70000', CLICKHOUSE_URL: 'ftp://x' }, 'demo');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /invalid demo configuration:\n {2}KAFKA_BROKERS: is required[^\n]*\n {2}PORT: [^\n]+\n {2}CLICKHOUSE_URL/,
    );
  });

  it('builds a server target with credentials', () => {
    const env = parseEnv(
      schema,
      { KAFKA_BROKERS: 'k:9092', CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_USER: 'u' },
      'demo',
    );
    expect(clickhouseTargetOf(env)).toEqual({ kind: 'server', url: 'http://ch:8123', username: 'u' });
  });
});
