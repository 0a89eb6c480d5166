import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import { ScopeError } from './principal.js';
import { parseScopeText, resolveScope } from './scope.js';

const NANSHAN = '440305';
const FUTIAN = '440304';
const districts = new Set([NANSHAN, FUTIAN]);

const principal = (permitted: Principal['permitted'], role: Principal['role'] = 'operator'): Principal => ({
  userId: 'u1',
  role,
  permitted,
  expiresAt: Date.parse('2026-11-27T00:00:00Z'),
  kind: 'session',
});

describe('scope', () => {
  it('parses city, district and agency scopes and refuses unknown ones', () => {
    expect(parseScopeText('city', districts)).toEqual({ kind: 'city' });
    expect(parseScopeText(NANSHAN, districts)).toEqual({ kind: 'district', adcode: NANSHAN });
    expect(parseScopeText('agency:police', districts)).toEqual({ kind: 'agency', agency: 'police' });
    expect(() => parseScopeText('999999', districts)).toThrow(ScopeError);
    expect(() => parseScopeText('agency:mafia', districts)).toThrow(/unknown agency/);
  });

  it('gives each principal its own scope when none is asked for', () => {
    expect(resolveScope(principal({ kind: 'city' }), undefined, districts)).toEqual({ kind: 'city' });
    expect(resolveScope(principal({ kind: 'district', adcode: FUTIAN }, 'district'), '', districts)).toEqual({
      kind: 'district',
      adcode: FUTIAN,
    });
  });

  it('lets city-wide roles narrow to any district or agency', () => {
    expect(resolveScope(principal({ kind: 'city' }), NANSHAN, districts)).toEqual({
      kind: 'district',
      adcode: NANSHAN,
    });
    expect(resolveScope(principal({ kind: 'city' }), 'agency:water', districts)).toEqual({
      kind: 'agency',
      agency: 'water',
    });
  });

  it('never widens a district or agency principal', () => {
    const futian = principal({ kind: 'district', adcode: FUTIAN }, 'district');
    expect(() => resolveScope(futian, 'city', districts)).toThrow(ScopeError);
    expect(() => resolveScope(futian, NANSHAN, districts)).toThrow(/may not view/);
    expect(resolveScope(futian, FUTIAN, districts)).toEqual({ kind: 'district', adcode: FUTIAN });
    const police = principal({ kind: 'agency', agency: 'police' }, 'agency');
    expect(() => resolveScope(police, 'agency:water', districts)).toThrow(ScopeError);
    expect(() => resolveScope(police, 'city', districts)).toThrow(ScopeError);
  });
});
