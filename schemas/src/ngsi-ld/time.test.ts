import { describe, expect, it } from 'vitest';
import { observationTime } from './time.js';

const dateTime = (value: string): { type: string; value: { '@type': string; '@value': string } } => ({
  type: 'Property',
  value: { '@type': 'DateTime', '@value': value },
});

describe('observationTime', () => {
  it('normalizes a zoned dateObserved to UTC', () => {
    expect(observationTime({ dateObserved: '2024-05-01T16:15:00+08:00' })).toEqual({
      ok: true,
      value: { ts: '2024-05-01T08:15:00.000Z', periodSeconds: undefined },
    });
  });

  it('uses the end of an interval and measures its period', () => {
    expect(observationTime({ dateObserved: '2024-05-01T08:10:00Z/2024-05-01T08:15:00Z' })).toEqual({
      ok: true,
      value: { ts: '2024-05-01T08:15:00.000Z', periodSeconds: 300 },
    });
  });

  it('reads start/duration and duration/end intervals', () => {
    expect(observationTime({ dateObserved: '2024-05-01T08:00:00Z/PT15M' })).toEqual({
      ok: true,
      value: { ts: '2024-05-01T08:15:00.000Z', periodSeconds: 900 },
    });
    expect(observationTime({ dateObserved: 'PT1H/2024-05-01T09:00:00Z' })).toEqual({
      ok: true,
      value: { ts: '2024-05-01T09:00:00.000Z', periodSeconds: 3600 },
    });
  });

  it('prefers the zoned dateObservedTo over a zoneless interval, as in the official examples', () => {
    const entity = {
      dateObserved: dateTime('2024-05-01T08:10:00/2024-05-01T08:15:00'),
      dateObservedFrom: dateTime('2024-05-01T08:10:00Z'),
      dateObservedTo: dateTime('2024-05-01T08:15:00Z'),
    };
    expect(observationTime(entity)).toEqual({
      ok: true,
      value: { ts: '2024-05-01T08:15:00.000Z', periodSeconds: 300 },
    });
  });

  it('falls back to dateObservedTo, then observedAt, then dateObservedFrom', () => {
    expect(
      observationTime({ dateObservedTo: '2024-05-01T08:15:00Z', dateObservedFrom: '2024-05-01T08:00:00Z' }),
    ).toEqual({
      ok: true,
      value: { ts: '2024-05-01T08:15:00.000Z', periodSeconds: 900 },
    });
    const withObservedAt = {
      peopleCount: { type: 'Property', value: 12, observedAt: '2024-05-01T08:14:00Z' },
      dateObservedFrom: '2024-05-01T08:00:00Z',
    };
    expect(observationTime(withObservedAt, ['peopleCount'])).toEqual({
      ok: true,
      value: { ts: '2024-05-01T08:14:00.000Z', periodSeconds: undefined },
    });
    expect(observationTime({ dateObservedFrom: '2024-05-01T08:00:00Z' })).toEqual({
      ok: true,
      value: { ts: '2024-05-01T08:00:00.000Z', periodSeconds: undefined },
    });
  });

  it('refuses a missing time, a zoneless time and text that is no date', () => {
    expect(observationTime({})).toEqual({
      ok: false,
      reason: 'missing dateObserved (no dateObservedTo, dateObservedFrom or observedAt)',
    });
    expect(observationTime({ dateObserved: '2024-05-01T08:15:00' })).toEqual({
      ok: false,
      reason: 'dateObserved "2024-05-01T08:15:00" has no time zone (need Z or ±hh:mm)',
    });
    expect(observationTime({ dateObserved: 'yesterday' })).toEqual({
      ok: false,
      reason: 'dateObserved "yesterday" is not an ISO-8601 date-time',
    });
  });

  it('refuses a period that ends before it starts', () => {
    expect(observationTime({ dateObserved: '2024-05-01T08:15:00Z/2024-05-01T08:10:00Z' })).toEqual({
      ok: false,
      reason: 'observation period ends before it starts',
    });
  });
});
