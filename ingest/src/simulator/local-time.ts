// City life follows the local clock: Shenzhen is UTC+8 all year (China has no daylight saving time), so a
// fixed offset is exact and avoids depending on the host's time zone database.
const SHENZHEN_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Hour of the local day as a fraction, e.g. 17.5 for 17:30 Shenzhen time. */
export function localHour(utcMs: number): number {
  const localMs = utcMs + SHENZHEN_UTC_OFFSET_MS;
  return (((localMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

/** Month of the local date, 0 = January. */
export function localMonth(utcMs: number): number {
  return new Date(utcMs + SHENZHEN_UTC_OFFSET_MS).getUTCMonth();
}

/** The instant of `hour:minute` Shenzhen time on the local date that contains `utcMs`. */
export function atLocalTime(utcMs: number, hour: number, minute = 0): number {
  const localMs = utcMs + SHENZHEN_UTC_OFFSET_MS;
  const localMidnight = localMs - (((localMs % DAY_MS) + DAY_MS) % DAY_MS);
  return localMidnight + hour * HOUR_MS + minute * 60_000 - SHENZHEN_UTC_OFFSET_MS;
}

/** `HH:MM` Shenzhen time, for logs an operator reads against the wall display. */
export function formatLocalClock(utcMs: number): string {
  const hour = localHour(utcMs);
  const minutes = Math.floor(hour * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
