import type { AlertAction } from '@citybrain/schemas/events';
import { beforeEach, describe, expect, it } from 'vitest';
import { shenzhenCatalog } from '../../test/support/catalog.js';
import type { Decision } from '../rules/evaluator.js';
import type { Subject } from '../subjects/subject.js';
import { AlertBook } from './book.js';
import type { RuleInfo } from './compose.js';
import { must } from '../../test/support/must.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 5, 2, 0);

const rule: RuleInfo = {
  id: 'crowd-venue-occupancy',
  category: 'crowd',
  title: { zh: '{subject}客流{level}预警', en: '{level} crowd warning: {subject}' },
  metric: 'crowd.venue.occupancy',
  unit: '%',
  coolDownMs: 10 * MIN,
  expireNoDataMs: 30 * MIN,
  minChange: 0.05,
};

const decision = (level: Decision['level'], value: number, extra: Partial<Decision> = {}): Decision => ({
  level,
  trigger: level ? 'threshold' : null,
  value,
  threshold: 70,
  forecast: undefined,
  evidence: { windowValue: value },
  ...extra,
});

describe('alert lifecycle', () => {
  let wall: number;
  let book: AlertBook;
  let park: Subject;

  beforeEach(() => {
    wall = T0;
    const catalog = shenzhenCatalog();
    book = new AlertBook({ catalog, routing: {}, now: () => wall, etaToleranceMs: 2 * MIN });
    park = must(catalog.venueSubject('shenzhen-bay-park'));
  });

  it('raises one alert per (rule, subject) with routing, district and a bilingual title', () => {
    const raised = book.onDecision(rule, park, decision('yellow', 72), T0 + MIN);
    expect(raised?.type).toBe('raised');
    expect(raised?.alert).toMatchObject({
      version: 1,
      level: 'yellow',
      status: 'active',
      district: '440305',
      agencies: ['police', 'urban_management', 'venue_operator'],
      title: { zh: '深圳湾公园客流黄色预警', en: 'Yellow crowd warning: Shenzhen Bay Park' },
      metric: { name: 'crowd.venue.occupancy', value: 72, threshold: 70, unit: '%' },
      evidence: { subject: 'venue:shenzhen-bay-park', trigger: 'threshold' },
      raisedAt: new Date(T0 + MIN).toISOString(),
    });
    expect(book.size).toBe(1);
  });

  it('updates only on a material change, bumping the version each time', () => {
    const id = must(book.onDecision(rule, park, decision('yellow', 72), T0 + MIN)).alert.alertId;
    expect(book.onDecision(rule, park, decision('yellow', 73), T0 + 2 * MIN)).toBeNull(); // +1.4 %
    const up = book.onDecision(rule, park, decision('orange', 86, { threshold: 85 }), T0 + 3 * MIN);
    expect(up).toMatchObject({ type: 'updated', alert: { alertId: id, version: 2, level: 'orange' } });
    expect(up?.alert.title.en).toBe('Orange crowd warning: Shenzhen Bay Park');
    const forecast = { level: 'red' as const, value: 101, etaMs: T0 + 12 * MIN };
    const withForecast = book.onDecision(rule, park, decision('orange', 87, { forecast }), T0 + 4 * MIN);
    expect(withForecast?.alert.version).toBe(3);
    expect(withForecast?.alert.metric.forecast).toEqual({
      value: 101,
      eta: new Date(T0 + 12 * MIN).toISOString(),
    });
    // The ETA moving by one window is noise.
    const moved = { ...forecast, etaMs: T0 + 13 * MIN };
    expect(book.onDecision(rule, park, decision('orange', 87, { forecast: moved }), T0 + 5 * MIN)).toBeNull();
  });

  it('clears only after the condition has been gone for the cool-down', () => {
    book.onDecision(rule, park, decision('yellow', 72), T0 + MIN);
    for (let m = 2; m <= 11; m++)
      expect(book.onDecision(rule, park, decision(null, 40), T0 + m * MIN)).toBeNull();
    const cleared = book.onDecision(rule, park, decision(null, 40), T0 + 12 * MIN);
    expect(cleared).toMatchObject({
      type: 'cleared',
      alert: { status: 'expired', version: 2, evidence: { clearReason: 'condition_gone' } },
    });
    expect(book.size).toBe(0);
  });

  it('a condition coming back during the cool-down keeps the same alert', () => {
    const id = must(book.onDecision(rule, park, decision('yellow', 72), T0 + MIN)).alert.alertId;
    book.onDecision(rule, park, decision(null, 40), T0 + 2 * MIN);
    book.onDecision(rule, park, decision('yellow', 72), T0 + 3 * MIN);
    for (let m = 4; m <= 12; m++)
      expect(book.onDecision(rule, park, decision(null, 40), T0 + m * MIN)).toBeNull();
    expect(book.get(id)?.status).toBe('active');
  });

  it('expires an alert whose subject went silent', () => {
    book.onDecision(rule, park, decision('yellow', 72), T0 + MIN);
    expect(book.expireSilent(T0 + 30 * MIN)).toEqual([]);
    const [expired] = book.expireSilent(T0 + 31 * MIN);
    expect(expired?.alert.evidence.clearReason).toBe('no_data');
  });

  it('makes a resolved alert that recurs a new alert', () => {
    const first = must(book.onDecision(rule, park, decision('yellow', 72), T0 + MIN)).alert;
    const resolve: AlertAction = {
      id: 'act-1',
      alertId: first.alertId,
      version: 1,
      type: 'resolve',
      actor: 'officer-7',
      role: 'duty_officer',
      ts: new Date(T0 + 2 * MIN).toISOString(),
      note: 'dispersed',
    };
    const result = book.applyAction(resolve);
    expect(result.ok && result.change.alert.status).toBe('resolved');
    const again = book.onDecision(rule, park, decision('yellow', 75), T0 + 3 * MIN);
    expect(again?.type).toBe('raised');
    expect(again?.alert.alertId).not.toBe(first.alertId);
    expect(book.applyAction({ ...resolve, id: 'act-2' })).toMatchObject({ ok: false, reason: 'closed' });
  });

  it('escalates an unacknowledged alert one level per configured time, and stops once acknowledged', () => {
    const alert = must(book.onDecision(rule, park, decision('blue', 55, { threshold: 50 }), T0 + MIN)).alert;
    const after = { blue: 30 * MIN, yellow: 20 * MIN };
    wall = T0 + 29 * MIN;
    expect(book.escalateDue(after)).toEqual([]);
    wall = T0 + 30 * MIN;
    const [escalated] = book.escalateDue(after);
    expect(escalated).toMatchObject({
      type: 'updated',
      cause: { type: 'escalated' },
      alert: { level: 'yellow', version: 2 },
    });
    // The rule still measures blue: the escalated level holds.
    book.onDecision(rule, park, decision('blue', 60, { threshold: 50 }), T0 + 31 * MIN);
    expect(book.get(alert.alertId)?.level).toBe('yellow');
    const ack = book.applyAction({
      id: 'act-ack',
      alertId: alert.alertId,
      version: must(book.get(alert.alertId)).version,
      type: 'ack',
      actor: 'officer-7',
      role: 'duty_officer',
      ts: new Date(wall).toISOString(),
    });
    expect(ack.ok).toBe(true);
    wall = T0 + 90 * MIN;
    expect(book.escalateDue(after)).toEqual([]);
  });

  it('restores a live alert so the next window updates it instead of raising it again', () => {
    const alert = must(
      book.onDecision(rule, park, decision('orange', 88, { threshold: 85 }), T0 + MIN),
    ).alert;
    const fresh = new AlertBook({
      catalog: shenzhenCatalog(),
      routing: {},
      now: () => wall,
      etaToleranceMs: 2 * MIN,
    });
    fresh.restore(alert, rule, park);
    expect(fresh.onDecision(rule, park, decision('orange', 89, { threshold: 85 }), T0 + 2 * MIN)).toBeNull();
    const next = fresh.onDecision(rule, park, decision('red', 101, { threshold: 100 }), T0 + 3 * MIN);
    expect(next).toMatchObject({
      type: 'updated',
      alert: { alertId: alert.alertId, version: 2, level: 'red' },
    });
  });
});
