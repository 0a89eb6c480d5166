// A synthetic holiday surge at Shenzhen Bay Park: every park cell reports once per simulated minute, and the
// park's total rises steadily from 30 % to 130 % of its 80,000 capacity over 30 minutes (capacity is crossed
// in minute 21). Small sampling noise so the forecast works on realistic, not perfect, data.
import type { CrowdHeat } from '@citybrain/schemas/events';
import { VENUE_CELLS, VENUES } from '@citybrain/schemas/geo';

export const PARK = 'shenzhen-bay-park';
export const PARK_CELLS: readonly string[] = VENUE_CELLS.get(PARK) ?? [];
export const PARK_CAPACITY = VENUES.find((v) => v.id === PARK)?.capacity ?? 0;
export const MIN = 60_000;

export function occupancyAt(minute: number): number {
  return 0.3 + Math.min(1, minute / 30);
}

/** The minute in which the park's total first reaches its capacity. */
export function capacityMinute(): number {
  let minute = 0;
  while (occupancyAt(minute) < 1) minute += 1;
  return minute;
}

const noise = (i: number, minute: number): number => 1 + 0.02 * Math.sin(i * 12.9898 + minute * 78.233);

/** Every park cell's report for `minute` after `startMs`, spread over the first 50 s of the minute. */
export function surgeMinute(startMs: number, minute: number, runId: string): CrowdHeat[] {
  const perCell = (PARK_CAPACITY * occupancyAt(minute)) / PARK_CELLS.length;
  return PARK_CELLS.map((cell, i) => ({
    id: `${runId}-${minute}-${i}`,
    ts: new Date(startMs + minute * MIN + ((i * 1_237) % 50_000)).toISOString(),
    source: 'police-heat',
    cell,
    count: Math.round(perCell * noise(i, minute)),
    method: 'signaling' as const,
  }));
}
