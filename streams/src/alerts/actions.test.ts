import type { Alert, AlertAction } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { applyAction } from './actions.js';

const alert: Alert = {
  alertId: 'crowd-venue-occupancy.venue.shenzhen-bay-park.x',
  version: 3,
  ruleId: 'crowd-venue-occupancy',
  category: 'crowd',
  level: 'orange',
  status: 'active',
  district: '440305',
  agencies: ['police', 'urban_management', 'venue_operator'],
  location: { lat: 22.515, lon: 113.96 },
  title: { zh: '深圳湾公园客流橙色预警', en: 'Orange crowd warning: Shenzhen Bay Park' },
  metric: { name: 'crowd.venue.occupancy', value: 88, threshold: 85, unit: '%' },
  evidence: {},
  raisedAt: '2026-04-05T02:10:00.000Z',
  updatedAt: '2026-04-05T02:20:00.000Z',
};

const action = (type: AlertAction['type'], extra: Partial<AlertAction> = {}): AlertAction => ({
  id: `act-${type}`,
  alertId: alert.alertId,
  version: 3,
  type,
  actor: 'officer-7',
  role: 'duty_officer',
  ts: '2026-04-05T02:21:00.000Z',
  ...extra,
});

describe('alert actions with optimistic concurrency', () => {
  it('applies an action made on the current version and bumps the version', () => {
    const result = applyAction(alert, action('ack'));
    expect(result).toMatchObject({
      ok: true,
      alert: { status: 'acknowledged', version: 4, updatedAt: '2026-04-05T02:21:00.000Z' },
    });
  });

  it('refuses an action made on an older version', () => {
    expect(applyAction(alert, action('ack', { version: 2 }))).toMatchObject({
      ok: false,
      reason: 'stale_version',
    });
    expect(applyAction(alert, action('resolve', { version: 4, note: 'done' }))).toMatchObject({
      ok: false,
      reason: 'stale_version',
    });
  });

  it('assigns agencies (added to the routed ones), escalates, resolves and comments', () => {
    const assigned = applyAction(alert, action('assign', { agencies: ['emergency', 'police'] }));
    expect(assigned.ok && assigned.alert.agencies).toEqual([
      'police',
      'urban_management',
      'venue_operator',
      'emergency',
    ]);
    expect(assigned.ok && assigned.alert.status).toBe('assigned');
    expect(applyAction(alert, action('escalate'))).toMatchObject({ ok: true, alert: { level: 'red' } });
    expect(applyAction(alert, action('resolve', { note: 'crowd dispersed' }))).toMatchObject({
      ok: true,
      alert: { status: 'resolved' },
    });
    expect(applyAction(alert, action('comment', { note: 'gate 3 closed' }))).toMatchObject({
      ok: true,
      alert: { version: 4, status: 'active' },
    });
  });

  it('refuses transitions that make no sense', () => {
    const acknowledged = { ...alert, status: 'acknowledged' as const };
    expect(applyAction(acknowledged, action('ack'))).toMatchObject({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(applyAction({ ...alert, level: 'red' }, action('escalate'))).toMatchObject({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(applyAction(alert, action('escalate', { level: 'yellow' }))).toMatchObject({
      ok: false,
      reason: 'invalid_transition',
    });
    expect(applyAction({ ...alert, status: 'resolved' }, action('comment'))).toMatchObject({
      ok: false,
      reason: 'closed',
    });
  });

  it('never moves updatedAt backwards when the officer clock lags', () => {
    const result = applyAction(alert, action('comment', { ts: '2026-04-05T02:00:00.000Z' }));
    expect(result.ok && result.alert.updatedAt).toBe(alert.updatedAt);
  });

  it('records the own progress of each assigned agency, leaving the others pending', () => {
    const result = applyAction(
      alert,
      action('agency_update', {
        agency: 'police',
        progress: 'on_scene',
        actor: 'police-desk-2',
        role: 'agency',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      alert: {
        version: 4,
        status: 'active',
        agencyProgress: {
          police: { state: 'on_scene', by: 'police-desk-2', at: '2026-04-05T02:21:00.000Z' },
        },
      },
    });
    expect(result.ok && result.alert.agencyProgress?.urban_management).toBeUndefined();
  });

  it('refuses progress from an agency the alert is not assigned to', () => {
    expect(
      applyAction(
        alert,
        action('agency_update', { agency: 'water', progress: 'acknowledged', role: 'agency' }),
      ),
    ).toMatchObject({ ok: false, reason: 'invalid_transition' });
  });
});
