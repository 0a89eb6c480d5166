/** ClickHouse DateTime64(3, 'UTC') text from an epoch-ms instant: '2026-11-21 08:30:00.000'. */
export function toClickHouseTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 23).replace('T', ' ');
}
