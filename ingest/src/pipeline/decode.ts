import { RejectedMessageError } from './errors.js';

/** Payloads over this size are refused before parsing: no agency feed sends a 64 KiB event. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Kafka value bytes → parsed JSON. Refuses oversized payloads, invalid UTF-8 and malformed JSON. */
export function decodeJson(value: Buffer | null): unknown {
  if (value === null || value.length === 0) throw new RejectedMessageError('bad_json', 'empty message value');
  if (value.length > MAX_PAYLOAD_BYTES) {
    throw new RejectedMessageError(
      'too_large',
      `payload is ${value.length} bytes; the limit is ${MAX_PAYLOAD_BYTES}`,
    );
  }
  let text: string;
  try {
    text = utf8.decode(value);
  } catch {
    throw new RejectedMessageError('bad_encoding', 'payload is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RejectedMessageError('bad_json', `payload is not valid JSON: ${(error as Error).message}`);
  }
}
