import { describe, expect, it } from 'vitest';
import { handshakeRefusal } from './transport.js';

describe('handshakeRefusal', () => {
  it("reads the gateway's reason from the error's data, never from its message", () => {
    const refused = Object.assign(new Error('token expired'), { data: { reason: 'expired' } });
    expect(handshakeRefusal(refused)).toBe('expired');
    expect(handshakeRefusal(new Error('websocket error'))).toBeUndefined();
    expect(handshakeRefusal(Object.assign(new Error('x'), { data: { reason: 7 } }))).toBeUndefined();
    expect(handshakeRefusal(Object.assign(new Error('x'), { data: null }))).toBeUndefined();
    expect(handshakeRefusal('expired')).toBeUndefined();
  });
});
