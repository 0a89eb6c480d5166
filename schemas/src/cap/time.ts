// CAP 1.2 datetimes (§3.3.2 of the standard, and the XSD pattern
// `\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-,+]\d\d:\d\d`): whole seconds, an explicit numeric offset, never `Z`,
// and UTC written as `-00:00`. Our alerts carry ISO-8601 instants (UTC `Z` or any offset).

/** China Standard Time, UTC+08:00: the default offset of the feed (an ops center reads local time). */
export const CHINA_STANDARD_TIME_OFFSET_MINUTES = 480;

export class CapTimeError extends Error {
  override readonly name = 'CapTimeError';
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Epoch ms of an ISO-8601 instant or epoch ms, or CapTimeError naming what was wrong. */
export function instantOf(time: string | number, what = 'time'): number {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new CapTimeError(`${what} is not a valid instant: ${String(time)}`);
  return ms;
}

/** Checks an offset option: whole minutes within ±14:00 (the range real time zones use). */
export function checkOffset(offsetMinutes: number): number {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60)
    throw new CapTimeError(`utcOffsetMinutes must be whole minutes within ±840, got ${offsetMinutes}`);
  return offsetMinutes;
}

/**
 * `2026-04-05T10:00:00+08:00`. Fractions of a second are dropped (floored), as the CAP pattern has none;
 * an offset of 0 is written `-00:00` as CAP requires for UTC.
 */
export function capDateTime(
  time: string | number,
  offsetMinutes: number = CHINA_STANDARD_TIME_OFFSET_MINUTES,
): string {
  const ms = Math.floor(instantOf(time) / 1000) * 1000;
  const local = new Date(ms + checkOffset(offsetMinutes) * 60_000);
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `2026-04-05 10:32` in the given offset: the short local form used inside human-readable descriptions. */
export function localMinute(time: string | number, offsetMinutes: number): string {
  const text = capDateTime(time, offsetMinutes);
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}
