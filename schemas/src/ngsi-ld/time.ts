// When an observation happened, from the Smart Data Models time attributes. `dateObserved` may be an
// ISO-8601 interval; the models add dateObservedFrom/To because Orion could not store intervals.
import { fail, type Result } from './types.js';
import { readAttribute, type Entity } from './values.js';

export interface ObservationTime {
  /** End of the observation as ISO-8601 UTC (`…Z`). */
  ts: string;
  /** Length of the observation period, when the entity states one and it is longer than zero. */
  periodSeconds: number | undefined;
}

interface Instant {
  ms: number;
  /** Whether the text named its zone; a zoneless time is ambiguous (DESIGN §4) and never becomes `ts`. */
  zoned: boolean;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function parseInstant(text: string): Instant | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const zoned = match[3] !== undefined;
  // Zoneless times are read as UTC only to measure periods between two of them, where the zone cancels out.
  const ms = Date.parse(zoned ? text : `${text}Z`);
  return Number.isNaN(ms) ? undefined : { ms, zoned };
}

/** The largest |ms| a JavaScript Date holds; beyond it toISOString throws. */
const MAX_DATE_MS = 8.64e15;

function instantAt(ms: number, zoned: boolean): Instant | undefined {
  return Math.abs(ms) <= MAX_DATE_MS ? { ms, zoned } : undefined;
}

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO-8601 duration in ms; years and months are refused because their length depends on the calendar. */
function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  // Unmatched groups are undefined at run time, whatever RegExpExecArray's type says.
  const parts = match.slice(1).map((part: string | undefined) => (part === undefined ? 0 : Number(part)));
  const [weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0] = parts;
  return (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000;
}

interface Span {
  start?: Instant;
  end: Instant;
}

/** An instant, or an interval in any of the forms start/end, start/duration, duration/end. */
function parseSpan(text: string): Span | undefined {
  const parts = text.split('/');
  if (parts.length === 1) {
    const end = parseInstant(text);
    return end && { end };
  }
  if (parts.length !== 2) return undefined;
  const [left = '', right = ''] = parts;
  const start = parseInstant(left);
  const end = parseInstant(right);
  if (start && end) return { start, end };
  const duration = parseDuration(start ? right : left);
  if (duration === undefined) return undefined;
  if (start) {
    const shifted = instantAt(start.ms + duration, start.zoned);
    return shifted && { start, end: shifted };
  }
  const shifted = end && instantAt(end.ms - duration, end.zoned);
  return end && shifted && { start: shifted, end };
}

function textValue(entity: Entity, name: string): string | undefined {
  const value = readAttribute(entity, name)?.value;
  return typeof value === 'string' ? value.trim() : undefined;
}

interface Candidate {
  label: string;
  text: string;
}

/**
 * Candidates for the observation's end, most specific first: dateObserved (or its interval end),
 * dateObservedTo, an NGSI-LD `observedAt` (on dateObserved or on a measured attribute), and last
 * dateObservedFrom, which is only the start of the period.
 */
function endCandidates(entity: Entity, measured: readonly string[]): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (label: string, text: string | undefined): void => {
    if (text !== undefined) candidates.push({ label, text });
  };
  add('dateObserved', textValue(entity, 'dateObserved'));
  add('dateObservedTo', textValue(entity, 'dateObservedTo'));
  for (const name of ['dateObserved', ...measured])
    add(`${name}.observedAt`, readAttribute(entity, name)?.observedAt);
  add('dateObservedFrom', textValue(entity, 'dateObservedFrom'));
  return candidates;
}

/** Period from the dateObserved interval, else from dateObservedFrom/To; both ends share a zone or both name one. */
function periodSeconds(entity: Entity): Result<number | undefined> {
  const observed = textValue(entity, 'dateObserved');
  let span = observed === undefined ? undefined : parseSpan(observed);
  if (span?.start === undefined) {
    const from = textValue(entity, 'dateObservedFrom');
    const to = textValue(entity, 'dateObservedTo');
    const start = from === undefined ? undefined : parseInstant(from);
    const end = to === undefined ? undefined : parseInstant(to);
    span = start && end ? { start, end } : undefined;
  }
  if (span?.start === undefined || span.start.zoned !== span.end.zoned) return { ok: true, value: undefined };
  const seconds = (span.end.ms - span.start.ms) / 1000;
  if (seconds < 0) return fail('observation period ends before it starts');
  return { ok: true, value: seconds > 0 ? seconds : undefined };
}

/**
 * The observation time of an entity. `measured` names the attributes whose NGSI-LD `observedAt` may stand
 * in when the entity has no dateObserved.
 */
export function observationTime(entity: Entity, measured: readonly string[] = []): Result<ObservationTime> {
  const candidates = endCandidates(entity, measured);
  const first = candidates[0];
  if (first === undefined)
    return fail('missing dateObserved (no dateObservedTo, dateObservedFrom or observedAt)');

  // A zoneless dateObserved next to a zoned dateObservedTo (as in the official examples) is the same
  // instant, so take the first candidate that names its zone rather than the first present.
  const zoned = candidates
    .map((candidate) => parseSpan(candidate.text)?.end)
    .find((end) => end?.zoned === true);
  if (zoned === undefined) {
    const problem = parseSpan(first.text)
      ? 'has no time zone (need Z or ±hh:mm)'
      : 'is not an ISO-8601 date-time';
    return fail(`${first.label} ${JSON.stringify(first.text)} ${problem}`);
  }
  const period = periodSeconds(entity);
  if (!period.ok) return period;
  return { ok: true, value: { ts: new Date(zoned.ms).toISOString(), periodSeconds: period.value } };
}
