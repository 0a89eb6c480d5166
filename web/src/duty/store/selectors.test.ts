import type { Alert } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, alertFixture } from '../../../test/fixtures.js';
import {
  NO_FILTERS,
  alertQueue,
  countByLevel,
  filtersActive,
  progressChips,
  resolveSelection,
  stepSelection,
  type QueueFilters,
} from './selectors.js';

const byId = (alerts: Alert[]) => new Map(alerts.map((a) => [a.alertId, a]));
const ids = (alerts: readonly Alert[]) => alerts.map((a) => a.alertId);

const ALERTS = byId([
  alertFixture('yellow-new', { level: 'yellow', raisedAt: '2026-11-22T08:05:00.000Z' }),
  alertFixture('red-old', { level: 'red', raisedAt: '2026-11-22T07:00:00.000Z', district: FUTIAN }),
  {
    ...alertFixture('yellow-old', { level: 'yellow', raisedAt: '2026-11-22T08:00:00.000Z' }),
    status: 'acknowledged',
  },
  {
    ...alertFixture('blue-flood', { level: 'blue', raisedAt: '2026-11-22T08:10:00.000Z' }),
    category: 'flood',
    agencies: ['water', 'emergency'],
    title: { zh: '深圳湾积水', en: 'Standing water at Shenzhen Bay' },
  },
]);
const queue = (filters: Partial<QueueFilters>) => ids(alertQueue(ALERTS, { ...NO_FILTERS, ...filters }));

describe('queue', () => {
  it('sorts most severe first, then newest raised first', () => {
    expect(queue({})).toEqual(['red-old', 'yellow-new', 'yellow-old', 'blue-flood']);
  });

  it('filters by level, category, district, agency, status and text', () => {
    expect(queue({ level: 'yellow' })).toEqual(['yellow-new', 'yellow-old']);
    expect(queue({ category: 'flood' })).toEqual(['blue-flood']);
    expect(queue({ district: FUTIAN })).toEqual(['red-old']);
    expect(queue({ district: NANSHAN, level: 'red' })).toEqual([]);
    expect(queue({ agency: 'water' })).toEqual(['blue-flood']);
    expect(queue({ agency: 'police' })).toEqual(['red-old', 'yellow-new', 'yellow-old']);
    expect(queue({ status: 'acknowledged' })).toEqual(['yellow-old']);
    expect(queue({ text: '积水' })).toEqual(['blue-flood']);
    expect(queue({ text: '  standing WATER ' })).toEqual(['blue-flood']);
    expect(queue({ text: 'red-old' })).toEqual(['red-old']);
  });

  it('knows when any filter is set', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(filtersActive({ ...NO_FILTERS, text: '  ' })).toBe(false);
    expect(filtersActive({ ...NO_FILTERS, text: 'x' })).toBe(true);
    expect(filtersActive({ ...NO_FILTERS, agency: 'water' })).toBe(true);
  });

  it('counts alerts per level', () => {
    expect(countByLevel(ALERTS.values())).toEqual({ blue: 1, yellow: 2, orange: 0, red: 1 });
  });
});

describe('selection', () => {
  const q = alertQueue(ALERTS, NO_FILTERS);

  it('starts at the top and keeps the chosen alert while it is in the queue', () => {
    expect(resolveSelection(q, null, 0)).toBe('red-old');
    expect(resolveSelection(q, 'yellow-old', 2)).toBe('yellow-old');
    expect(resolveSelection([], 'yellow-old', 2)).toBeNull();
  });

  it('lands on the alert now at the same place when the chosen one leaves', () => {
    expect(resolveSelection(q, 'gone', 1)).toBe('yellow-new');
    expect(resolveSelection(q, 'gone', 9)).toBe('blue-flood');
  });

  it('steps by rows, clamped, and jumps to the ends', () => {
    expect(stepSelection(q, 'red-old', 1)).toEqual({ id: 'yellow-new', index: 1 });
    expect(stepSelection(q, 'red-old', -1)).toEqual({ id: 'red-old', index: 0 });
    expect(stepSelection(q, 'yellow-old', 10)).toEqual({ id: 'blue-flood', index: 3 });
    expect(stepSelection(q, null, 1)).toEqual({ id: 'red-old', index: 0 });
    expect(stepSelection(q, 'yellow-new', 'last')).toEqual({ id: 'blue-flood', index: 3 });
    expect(stepSelection(q, 'blue-flood', 'first')).toEqual({ id: 'red-old', index: 0 });
    expect(stepSelection([], null, 1)).toBeNull();
  });
});

describe('progress chips', () => {
  it('shows every assigned agency, pending until it reports', () => {
    const alert: Alert = {
      ...alertFixture('a1'),
      agencies: ['police', 'urban_management'],
      agencyProgress: { police: { state: 'on_scene', by: 'police-7', at: '2026-11-22T08:03:00.000Z' } },
    };
    expect(progressChips(alert)).toEqual([
      { agency: 'police', state: 'on_scene' },
      { agency: 'urban_management', state: 'pending' },
    ]);
  });
});
