import { describe, expect, it } from 'vitest';
import { desensitize, scrubFreeText } from './desensitize.js';
import { createPseudonymizer } from './pseudonym.js';

const pseudonymize = createPseudonymizer(Buffer.from('0123456789abcdef0123456789abcdef'));

describe('desensitize', () => {
  it('drops every personal key at any depth', () => {
    const cleaned = desensitize(
      {
        id: 'e1',
        phone: '13812345678',
        reporter: { reporterName: '张三', reporterPhone: '13912345678', note: 'ok' },
        witnesses: [{ name: '李四', idCard: '440305199001011234' }],
        imsi: '460001234567890',
        imei: '860123456789012',
        deviceIds: ['a', 'b'],
      },
      pseudonymize,
    );
    expect(cleaned).toEqual({ id: 'e1', reporter: { note: 'ok' }, witnesses: [{}] });
  });

  it('replaces a plate with a stable keyed pseudonym', () => {
    const a = desensitize({ plate: '粤B12345' }, pseudonymize) as { plate: string };
    const b = desensitize({ plate: ' 粤b 12345 ' }, pseudonymize) as { plate: string };
    const other = desensitize({ plate: '粤B12346' }, pseudonymize) as { plate: string };
    expect(a.plate).toMatch(/^plt_[\w-]{22}$/);
    expect(b.plate).toBe(a.plate); // spacing and case do not make a new vehicle
    expect(other.plate).not.toBe(a.plate);
    expect(a.plate).not.toContain('12345');
  });

  it('gives different pseudonyms under a different key', () => {
    const otherKey = createPseudonymizer(Buffer.from('fedcba9876543210fedcba9876543210'));
    expect(otherKey('plt', '粤B12345')).not.toBe(pseudonymize('plt', '粤B12345'));
  });

  it('drops a plate that is not a string instead of storing it', () => {
    expect(desensitize({ plate: { text: '粤B12345' } }, pseudonymize)).toEqual({});
  });

  it('scrubs phone, ID card and device numbers typed into free text', () => {
    const cleaned = desensitize(
      {
        id: '13812345678',
        description: '报警人电话13812345678，身份证44030519900101123X，IMEI 860123456789012',
      },
      pseudonymize,
    );
    expect(cleaned).toEqual({
      id: '13812345678',
      description: '报警人电话[phone]，身份证[id-card]，IMEI [device-id]',
    });
  });

  it('scrubs every string when asked (dead letters of unknown shape)', () => {
    expect(desensitize({ x: 'call +86 13812345678' }, pseudonymize, { scrubAllStrings: true })).toEqual({
      x: 'call [phone]',
    });
  });

  it('leaves longer digit runs such as offsets and unrelated numbers intact', () => {
    expect(scrubFreeText('order 12345678901234567890 and 2026-11-21')).toBe(
      'order 12345678901234567890 and 2026-11-21',
    );
  });
});

describe('desensitize fast path', () => {
  it('returns a clean payload as it is', () => {
    const clean = { id: 'e1', count: 5, nested: { ok: true }, tags: ['a'] };
    expect(desensitize(clean, pseudonymize)).toBe(clean);
  });

  it('treats inherited-looking keys as ordinary keys', () => {
    expect(desensitize({ constructor: 'x', toString: 'y', plate: '粤B1' }, pseudonymize)).toEqual({
      constructor: 'x',
      toString: 'y',
      plate: pseudonymize('plt', '粤B1'),
    });
  });
});
