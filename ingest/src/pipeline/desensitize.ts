// Desensitization policy (ingest README "Personal data"): personal identifiers never reach ClickHouse or
// logs. Runs on the decoded payload before validation, so dead-letter records are cleaned the same way.
import type { Pseudonymizer } from './pseudonym.js';

/** Keys whose values identify a person; dropped wherever they appear, at any depth. */
export const DROPPED_KEYS: ReadonlySet<string> = new Set([
  'phone',
  'reporterPhone',
  'idCard',
  'imsi',
  'imei',
  'deviceIds',
  'name',
  'reporterName',
]);

/** Keys kept as a keyed pseudonym, because linking records by them is useful. */
export const PSEUDONYMIZED_KEYS: ReadonlyMap<string, string> = new Map([['plate', 'plt']]);

// Identifiers typed into free text ("报警人电话13800138000"): mainland mobile numbers, 18-digit resident
// ID numbers, 15-digit IMSI/IMEI. Digit runs are bounded so longer numbers (ids, offsets) stay intact.
const FREE_TEXT_PATTERNS: readonly [RegExp, string][] = [
  [/(?<!\d)\d{17}[\dXx](?![\dXx])/g, '[id-card]'],
  [/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d{9}(?!\d)/g, '[phone]'],
  [/(?<!\d)\d{15}(?!\d)/g, '[device-id]'],
];

export function scrubFreeText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of FREE_TEXT_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/** Fields that carry free text typed by people, where identifiers turn up. */
export const FREE_TEXT_KEYS: ReadonlySet<string> = new Set([
  'description',
  'note',
  'comment',
  'remark',
  'text',
]);

export interface DesensitizeOptions {
  /**
   * Scrub every string, not only the free-text fields. For dead letters, whose structure is unknown;
   * valid events scrub only free text so identifiers such as event ids are never altered.
   */
  scrubAllStrings: boolean;
}

function desensitizeValue(
  value: unknown,
  pseudonymize: Pseudonymizer,
  options: DesensitizeOptions,
  freeText: boolean,
): unknown {
  if (typeof value === 'string') return freeText || options.scrubAllStrings ? scrubFreeText(value) : value;
  if (Array.isArray(value))
    return value.map((item) => desensitizeValue(item, pseudonymize, options, freeText));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (DROPPED_KEYS.has(key)) continue;
      const pseudonymKind = PSEUDONYMIZED_KEYS.get(key);
      if (pseudonymKind !== undefined && typeof inner === 'string') {
        result[key] = pseudonymize(pseudonymKind, inner);
        continue;
      }
      if (pseudonymKind !== undefined) continue; // a plate that is not a string is not kept in any form
      result[key] = desensitizeValue(inner, pseudonymize, options, freeText || FREE_TEXT_KEYS.has(key));
    }
    return result;
  }
  return value;
}

/** Every key desensitizeValue acts on, for one look-up per key in the check that runs on every event. */
const KEYS_ACTED_ON: ReadonlySet<string> = new Set([
  ...DROPPED_KEYS,
  ...PSEUDONYMIZED_KEYS.keys(),
  ...FREE_TEXT_KEYS,
]);

/** True if anything in `value` would be dropped, pseudonymized or scrubbed. Read-only, no allocation. */
function needsCleaning(value: unknown, options: DesensitizeOptions): boolean {
  if (typeof value === 'string') return options.scrubAllStrings;
  if (Array.isArray(value)) return value.some((item) => needsCleaning(item, options));
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (KEYS_ACTED_ON.has(key)) return true;
      if (needsCleaning((value as Record<string, unknown>)[key], options)) return true;
    }
  }
  return false;
}

/**
 * Returns the payload with personal keys dropped, plates pseudonymized and free text scrubbed: a cleaned
 * copy, or the payload itself when there is nothing to clean (the common case, kept allocation-free
 * because it runs for every ingested event).
 */
export function desensitize(
  payload: unknown,
  pseudonymize: Pseudonymizer,
  options: DesensitizeOptions = { scrubAllStrings: false },
): unknown {
  if (!needsCleaning(payload, options)) return payload;
  return desensitizeValue(payload, pseudonymize, options, false);
}
