// Dead letters (DESIGN §4): the Kafka record keeps the untouched original bytes, with the reason and the
// source position in headers (the Kafka Connect convention), so a fixed producer can replay it. The
// ClickHouse row keeps a desensitized copy of the payload for people to query: storage never holds PII.
import { toClickHouseTime } from '@citybrain/schemas/clickhouse';
import type { Message } from 'kafkajs';
import { desensitize, scrubFreeText } from '../pipeline/desensitize.js';
import type { RejectedMessageError } from '../pipeline/errors.js';
import type { Pseudonymizer } from '../pipeline/pseudonym.js';
import type { DeadLetterRow, Lineage } from '../pipeline/rows.js';

/** Enough of a refused payload for a person to see what was wrong with it. */
const STORED_PAYLOAD_CHARS = 8 * 1024;

export function deadLetterId(lineage: Lineage): string {
  return `${lineage.src_cluster}:${lineage.src_topic}:${lineage.src_partition}:${lineage.src_offset}`;
}

/** The payload as it may be stored: personal keys dropped where it parses as JSON, identifiers scrubbed. */
export function redactedPayload(
  value: Buffer | null,
  pseudonymize: Pseudonymizer,
): { text: string; encoding: string } {
  if (value === null) return { text: '', encoding: 'empty' };
  const head = value.subarray(0, STORED_PAYLOAD_CHARS * 4);
  let text: string;
  let encoding = 'utf8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    text = new TextDecoder('utf-8').decode(head); // U+FFFD for the broken bytes
    encoding = 'utf8-lossy';
  }
  if (value.length <= head.length) {
    try {
      const cleaned = desensitize(JSON.parse(text) as unknown, pseudonymize, { scrubAllStrings: true });
      return { text: JSON.stringify(cleaned).slice(0, STORED_PAYLOAD_CHARS), encoding: 'json-redacted' };
    } catch {
      // Not JSON: fall through to text scrubbing.
    }
  }
  // Keys cannot be found in text that is not JSON, so mask quoted values after personal key names too.
  const masked = text.replace(
    /("?(?:phone|reporterPhone|idCard|imsi|imei|deviceIds|name|reporterName|plate)"?\s*[:=]\s*)("[^"]*"|[^,}\s]+)/g,
    '$1"[redacted]"',
  );
  return { text: scrubFreeText(masked).slice(0, STORED_PAYLOAD_CHARS), encoding };
}

export function deadLetterRow(
  value: Buffer | null,
  rejection: RejectedMessageError,
  lineage: Lineage,
  receivedAtMs: number,
  pseudonymize: Pseudonymizer,
): DeadLetterRow {
  const payload = redactedPayload(value, pseudonymize);
  return {
    id: deadLetterId(lineage),
    received_at: toClickHouseTime(receivedAtMs),
    reason: rejection.message.slice(0, 2000),
    error_kind: rejection.kind,
    payload: payload.text,
    payload_encoding: payload.encoding,
    payload_bytes: value?.length ?? 0,
    ...lineage,
  };
}

export function deadLetterMessage(
  value: Buffer | null,
  rejection: RejectedMessageError,
  lineage: Lineage,
  receivedAtMs: number,
): Message {
  return {
    key: lineage.src_topic,
    value,
    headers: {
      'citybrain.reason': rejection.message.slice(0, 2000),
      'citybrain.error-kind': rejection.kind,
      'citybrain.source-topic': lineage.src_topic,
      'citybrain.source-partition': String(lineage.src_partition),
      'citybrain.source-offset': lineage.src_offset,
      'citybrain.received-at': new Date(receivedAtMs).toISOString(),
    },
  };
}
