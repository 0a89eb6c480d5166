import { describe, expect, it } from 'vitest';
import { decodeJson, MAX_PAYLOAD_BYTES } from './decode.js';
import { RejectedMessageError } from './errors.js';

function rejectionOf(value: Buffer | null): RejectedMessageError | undefined {
  try {
    decodeJson(value);
    return undefined;
  } catch (error) {
    return error instanceof RejectedMessageError ? error : undefined;
  }
}

describe('decodeJson', () => {
  it('parses UTF-8 JSON, Chinese included', () => {
    expect(decodeJson(Buffer.from('{"t":"深圳湾"}'))).toEqual({ t: '深圳湾' });
  });

  it.each([
    ['empty', null, 'bad_json'],
    ['zero bytes', Buffer.alloc(0), 'bad_json'],
    ['truncated', Buffer.from('{"a":'), 'bad_json'],
    ['NaN literal', Buffer.from('{"a":NaN}'), 'bad_json'],
    ['GBK', Buffer.from([0x22, 0xc9, 0xee, 0xdb, 0xda, 0x22]), 'bad_encoding'],
    ['oversized', Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 0x20), 'too_large'],
  ] as const)('refuses %s input', (_name, value, kind) => {
    expect(rejectionOf(value)?.kind).toBe(kind);
  });

  it('accepts a payload of exactly the limit', () => {
    const body = `"${'x'.repeat(MAX_PAYLOAD_BYTES - 2)}"`;
    expect(decodeJson(Buffer.from(body))).toHaveLength(MAX_PAYLOAD_BYTES - 2);
  });
});
