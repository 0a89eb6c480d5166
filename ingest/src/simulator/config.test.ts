import { describe, expect, it } from 'vitest';
import { loadSimulatorEnv, parseCliOptions, SimulatorConfigError } from './config.js';

describe('loadSimulatorEnv', () => {
  it('requires KAFKA_BROKERS and names it', () => {
    expect(() => loadSimulatorEnv({})).toThrow(SimulatorConfigError);
    expect(() => loadSimulatorEnv({})).toThrow(/KAFKA_BROKERS: is required/);
    expect(() => loadSimulatorEnv({ KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS.*host:port/);
  });

  it('splits the broker list', () => {
    expect(loadSimulatorEnv({ KAFKA_BROKERS: 'a:9092, b:9093' })).toEqual({
      kafkaBrokers: ['a:9092', 'b:9093'],
      logLevel: 'info',
    });
  });
});

describe('parseCliOptions', () => {
  it('applies defaults', () => {
    expect(parseCliOptions({})).toEqual({
      scenario: 'normal',
      seed: undefined,
      speed: 1,
      rate: 1_000,
      durationSeconds: undefined,
      runId: undefined,
      startTime: undefined,
    });
  });

  it('parses every option', () => {
    const options = parseCliOptions({
      scenario: 'holiday-surge',
      seed: '42',
      speed: '60',
      rate: '2000',
      duration: '5',
      'run-id': 'demo-1',
      start: '2026-04-05T14:00:00+08:00',
    });
    expect(options).toEqual({
      scenario: 'holiday-surge',
      seed: 42,
      speed: 60,
      rate: 2_000,
      durationSeconds: 5,
      runId: 'demo-1',
      startTime: new Date('2026-04-05T06:00:00Z'),
    });
  });

  it('names the option at fault', () => {
    expect(() => parseCliOptions({ scenario: 'typhoon' })).toThrow(/--scenario/);
    expect(() => parseCliOptions({ speed: '0' })).toThrow(/--speed/);
    expect(() => parseCliOptions({ start: '2026-04-05 14:00' })).toThrow(
      /--start: must be ISO-8601 with a zone/,
    );
    expect(() => parseCliOptions({ 'run-id': 'has space' })).toThrow(/--run-id/);
  });
});
