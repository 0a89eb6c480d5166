import type { ActorRole, Alert } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, alertFixture } from '../../test/fixtures.js';
import type { ActionRequest, SessionInfo, WallScope } from './events.js';
import { allowedActions, checkAction, nextLevel, progressAgencies } from './permissions.js';

const session = (role: ActorRole, scope: WallScope = { kind: 'city' }): SessionInfo => ({
  userId: `${role}-1`,
  role,
  scope,
  expiresAt: '2026-11-23T08:00:00.000Z',
});
const nanshan = (over: Partial<Alert> = {}): Alert => ({ ...alertFixture('a1'), ...over });
const request = (over: Partial<ActionRequest> = {}): ActionRequest => ({
  alertId: 'a1',
  version: 1,
  type: 'ack',
  ...over,
});

describe('allowedActions', () => {
  it('gives each role its actions on an active alert in its scope', () => {
    const alert = nanshan();
    expect(allowedActions(session('wall'), alert)).toEqual([]);
    expect(allowedActions(session('operator'), alert)).toEqual(['ack', 'comment', 'resolve']);
    const everything = ['ack', 'assign', 'escalate', 'resolve', 'comment', 'agency_update'];
    expect(allowedActions(session('duty_officer'), alert)).toEqual(everything);
    expect(allowedActions(session('admin'), alert)).toEqual(everything);
    expect(allowedActions(session('district', { kind: 'district', adcode: NANSHAN }), alert)).toEqual([
      'ack',
      'comment',
    ]);
    expect(allowedActions(session('agency', { kind: 'agency', agency: 'police' }), alert)).toEqual([
      'agency_update',
      'comment',
    ]);
  });

  it('lets a district act only on its own district, though it sees red alerts city-wide', () => {
    const futian = session('district', { kind: 'district', adcode: FUTIAN });
    expect(allowedActions(futian, nanshan({ level: 'red' }))).toEqual([]);
    expect(allowedActions(futian, nanshan({ district: FUTIAN }))).toEqual(['ack', 'comment']);
  });

  it('lets an agency act only on alerts routed to it', () => {
    const water = session('agency', { kind: 'agency', agency: 'water' });
    expect(allowedActions(water, nanshan())).toEqual([]);
    expect(allowedActions(water, nanshan({ agencies: ['water'] }))).toEqual(['agency_update', 'comment']);
  });

  it("follows the alert's state: no ack once acknowledged, no escalate at red, nothing once closed", () => {
    const officer = session('duty_officer');
    expect(allowedActions(officer, nanshan({ status: 'acknowledged' }))).not.toContain('ack');
    expect(allowedActions(officer, nanshan({ level: 'red' }))).not.toContain('escalate');
    expect(allowedActions(officer, nanshan({ agencies: [] }))).not.toContain('agency_update');
    expect(allowedActions(officer, nanshan({ status: 'resolved' }))).toEqual([]);
    expect(allowedActions(officer, nanshan({ status: 'expired' }))).toEqual([]);
  });
});

describe('progressAgencies', () => {
  it('is every assigned agency for duty officers and admins, the own one for an agency', () => {
    const alert = nanshan();
    expect(progressAgencies(session('duty_officer'), alert)).toEqual(['police', 'venue_operator']);
    expect(progressAgencies(session('admin'), alert)).toEqual(['police', 'venue_operator']);
    expect(progressAgencies(session('agency', { kind: 'agency', agency: 'police' }), alert)).toEqual([
      'police',
    ]);
    expect(progressAgencies(session('agency', { kind: 'agency', agency: 'water' }), alert)).toEqual([]);
    expect(progressAgencies(session('operator'), alert)).toEqual([]);
  });
});

describe('checkAction', () => {
  const officer = session('duty_officer');

  it('accepts a well-formed permitted request at the current version', () => {
    expect(checkAction(officer, nanshan(), request())).toEqual({ ok: true });
    expect(checkAction(officer, nanshan(), request({ type: 'resolve', note: '人群已疏散' }))).toEqual({
      ok: true,
    });
    expect(checkAction(officer, nanshan(), request({ type: 'escalate', level: 'red' }))).toEqual({
      ok: true,
    });
  });

  it('refuses unknown, closed and stale before judging permission', () => {
    const reason = (alert: Alert | undefined, r: ActionRequest, s = officer) => {
      const check = checkAction(s, alert, r);
      return check.ok ? 'ok' : check.reason;
    };
    expect(reason(undefined, request())).toBe('unknown_alert');
    expect(reason(nanshan({ status: 'resolved' }), request())).toBe('closed');
    expect(reason(nanshan({ version: 3 }), request({ version: 2 }), session('wall'))).toBe('stale_version');
    expect(reason(nanshan(), request(), session('wall'))).toBe('forbidden');
    expect(reason(nanshan(), request({ type: 'assign' }), session('operator'))).toBe('forbidden');
  });

  it('refuses malformed requests as invalid', () => {
    const reason = (r: ActionRequest, alert = nanshan()) => {
      const check = checkAction(officer, alert, r);
      return check.ok ? 'ok' : check.reason;
    };
    expect(reason(request({ type: 'resolve' }))).toBe('invalid');
    expect(reason(request({ type: 'resolve', note: '   ' }))).toBe('invalid');
    expect(reason(request({ type: 'assign', agencies: [] }))).toBe('invalid');
    expect(reason(request({ type: 'escalate', level: 'yellow' }))).toBe('invalid');
    expect(reason(request({ type: 'escalate' }), nanshan({ level: 'red' }))).toBe('invalid');
    expect(reason(request(), nanshan({ status: 'assigned' }))).toBe('invalid');
    expect(reason(request({ type: 'agency_update', agency: 'water', progress: 'on_scene' }))).toBe('invalid');
  });

  it('lets an agency report only its own part', () => {
    const police = session('agency', { kind: 'agency', agency: 'police' });
    const update = (agency: 'police' | 'venue_operator') =>
      checkAction(police, nanshan(), request({ type: 'agency_update', agency, progress: 'on_scene' }));
    expect(update('police')).toEqual({ ok: true });
    expect(update('venue_operator')).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('knows the next level up', () => {
    expect(nextLevel('blue')).toBe('yellow');
    expect(nextLevel('orange')).toBe('red');
    expect(nextLevel('red')).toBeUndefined();
  });
});
