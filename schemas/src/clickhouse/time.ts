/** ClickHouse DateTime64(3, 'UTC') text from an epoch-ms instant: '2026-11-21 08:30:00.000'. */
export function toClickHouseTime(epochMs: number): string {
  const d = new Date(epochMs);
  // Hand-formatted: toISOString().replace() costs twice as much, and this runs once per ingested event.
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(
    d.getUTCMinutes(),
  )}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
