import { describe, expect, it } from 'vitest';
import { capDateTime, CapTimeError } from './time.js';

describe('CAP datetimes', () => {
  it('writes China Standard Time by default, with whole seconds and an explicit offset', () => {
    expect(capDateTime('2026-04-05T02:04:00.999Z')).toBe('2026-04-05T10:04:00+08:00');
  });

  it('crosses the date line of the offset', () => {
    expect(capDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01T00:30:00+08:00');
    expect(capDateTime('2026-01-01T02:00:00Z', -330)).toBe('2025-12-31T20:30:00-05:30');
  });

  it('writes UTC as -00:00, never Z, as CAP requires', () => {
    expect(capDateTime('2026-04-05T02:04:00Z', 0)).toBe('2026-04-05T02:04:00-00:00');
  });

  it('reads instants given with any offset', () => {
    expect(capDateTime('2026-04-05T10:04:00+08:00', 0)).toBe('2026-04-05T02:04:00-00:00');
  });

  it('refuses an invalid instant or offset', () => {
    expect(() => capDateTime('yesterday')).toThrow(CapTimeError);
    expect(() => capDateTime(0, 900)).toThrow(CapTimeError);
    expect(() => capDateTime(0, 7.5)).toThrow(CapTimeError);
  });
});
