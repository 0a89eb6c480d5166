import { describe, expect, it } from 'vitest';
import { atLocalTime, formatLocalClock, localHour } from './local-time.js';

describe('Shenzhen local time', () => {
  it('is UTC+8', () => {
    expect(localHour(Date.parse('2026-04-05T09:30:00Z'))).toBe(17.5);
    expect(localHour(Date.parse('2026-04-05T20:00:00Z'))).toBe(4);
    expect(formatLocalClock(Date.parse('2026-04-05T09:05:00Z'))).toBe('17:05');
  });

  it('finds 17:00 on the local date, which may differ from the UTC date', () => {
    // 01:00 on 6 April in Shenzhen is still 5 April in UTC.
    expect(new Date(atLocalTime(Date.parse('2026-04-05T17:00:00Z'), 17)).toISOString()).toBe(
      '2026-04-06T09:00:00.000Z',
    );
    expect(new Date(atLocalTime(Date.parse('2026-04-05T03:00:00Z'), 17)).toISOString()).toBe(
      '2026-04-05T09:00:00.000Z',
    );
  });
});
