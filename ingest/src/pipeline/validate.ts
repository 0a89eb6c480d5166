// Contract checks beyond the shape: the event is inside the city and not from the far future.
import { contains, type BoundingBox } from '@citybrain/schemas/geo';
import type { z } from 'zod';
import { RejectedMessageError, type RejectionKind } from './errors.js';

/** A clock skew allowance: events stamped more than this ahead of the wall clock are refused. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

const RANGE_CODES = new Set(['too_big', 'too_small']);

/** One line per problem, `path: message`, so a dead letter says exactly what to fix. */
export function describeIssues(error: z.ZodError): { kind: RejectionKind; reason: string } {
  const reason = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  const allRange = error.issues.every((issue) => RANGE_CODES.has(issue.code));
  return { kind: allRange ? 'out_of_range' : 'invalid', reason };
}

export function parseEvent<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const { kind, reason } = describeIssues(parsed.error);
    throw new RejectedMessageError(kind, reason);
  }
  return parsed.data;
}

export function checkEventTime(tsMs: number, nowMs: number): void {
  if (tsMs - nowMs > MAX_FUTURE_MS) {
    throw new RejectedMessageError(
      'out_of_range',
      `ts is ${Math.round((tsMs - nowMs) / 3_600_000)} h in the future`,
    );
  }
}

export function checkInCity(box: BoundingBox, lat: number, lon: number): void {
  if (!contains(box, lat, lon)) {
    throw new RejectedMessageError(
      'out_of_range',
      `location ${lat.toFixed(5)},${lon.toFixed(5)} is outside the city bounding box ${box.minLon},${box.minLat},${box.maxLon},${box.maxLat}`,
    );
  }
}
