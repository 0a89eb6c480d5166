/** Which of our event validators a mapped NGSI-LD entity is shaped for. */
export type NgsiTarget = 'sensorReading' | 'crowdHeat' | 'trafficFlow';

/**
 * One mapped observation, or the reason it could not be mapped (the ingest service dead-letters those).
 * `event` is not yet validated: ingest runs it through the zod schema named by `target`.
 */
export type NgsiMapped =
  { ok: true; target: NgsiTarget; event: Record<string, unknown> } | { ok: false; reason: string };

/** Internal step result: a value, or why the entity cannot be mapped. */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
