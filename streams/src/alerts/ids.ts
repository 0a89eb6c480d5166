// Alert ids are readable (an officer can tell `crowd-venue-occupancy.venue.shenzhen-bay-park.m9x2k4` from
// its name) and deterministic in the raising window, so re-evaluating a window replayed after a crash
// raises the same id again rather than a second alert.
import { createHash } from 'node:crypto';

const MAX_ID = 128;

export function alertIdFor(ruleId: string, subjectKey: string, raisedAtMs: number): string {
  const subject = subjectKey.replace(':', '.').replace(/[^\w.-]/g, '_');
  const id = `${ruleId}.${subject}.${raisedAtMs.toString(36)}`;
  if (id.length <= MAX_ID) return id;
  const digest = createHash('sha256').update(subjectKey).digest('hex').slice(0, 16);
  return `${ruleId}.${digest}.${raisedAtMs.toString(36)}`;
}
