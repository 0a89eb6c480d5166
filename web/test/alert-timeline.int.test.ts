// The timeline query against the real ClickHouse engine (chDB): the SQL runs, versions come back in order,
// and the scope is judged on the alert's latest version.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALERT_TABLES,
  acquireClickHouse,
  migrate,
  type AlertRow,
  type SharedClickHouse,
} from '@citybrain/schemas/clickhouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAlertTimeline } from '../src/server/rest/alert-timeline-query.js';
import { FUTIAN, NANSHAN } from './fixtures.js';

// Typed as the table's row, so a column change breaks this fixture at compile time rather than at insert.
const alertRow = (version: number, level: string, status: string): AlertRow => ({
  alert_id: 'surge-1',
  version,
  rule_id: 'crowd-venue-occupancy',
  subject: 'venue:shenzhen-bay-park',
  category: 'crowd',
  level,
  status,
  district: NANSHAN,
  agencies: ['police', 'venue_operator'],
  lat: 22.515,
  lon: 113.96,
  cell: '',
  title_zh: '深圳湾公园人流预警',
  title_en: 'Crowding at Shenzhen Bay Park',
  metric_name: 'occupancy',
  metric_value: 92,
  metric_threshold: 80,
  metric_unit: '%',
  forecast_value: null,
  forecast_eta: null,
  evidence: '{}',
  raised_at: '2026-11-22 08:00:00.000',
  updated_at: `2026-11-22 08:0${version}:00.000`,
});

const eventRow = (version: number, type: string, actor: string, role: string, note = '') => ({
  event_id: `surge-1@${version}`,
  alert_id: 'surge-1',
  version,
  type,
  actor,
  role,
  note,
  // Out of version order on purpose: an officer's clock may lag the event time.
  ts: `2026-11-22 08:0${version === 2 ? 4 : version}:00.123`,
  state: '{"secret":"state"}',
  prev_hash: 'p',
  hash: 'h',
});

describe('alert timeline in ClickHouse', () => {
  let dir: string;
  let clickhouse: SharedClickHouse;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citybrain-timeline-'));
    clickhouse = acquireClickHouse({ kind: 'chdb', path: join(dir, 'chdb') });
    await migrate(clickhouse.client);
    await clickhouse.client.insert({
      table: ALERT_TABLES.alerts,
      values: [
        alertRow(1, 'orange', 'active'),
        alertRow(2, 'orange', 'acknowledged'),
        alertRow(3, 'red', 'acknowledged'),
      ],
      format: 'JSONEachRow',
    });
    await clickhouse.client.insert({
      table: ALERT_TABLES.alertEvents,
      values: [
        eventRow(3, 'escalate', 'duty-7', 'duty_officer', '现场人数仍在上升'),
        eventRow(1, 'raised', 'streams', 'system'),
        eventRow(2, 'ack', 'duty-7', 'duty_officer'),
      ],
      format: 'JSONEachRow',
    });
  });

  afterAll(async () => {
    await clickhouse.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the events by version, with ISO times and without state or hashes', async () => {
    const timeline = await queryAlertTimeline(clickhouse.client, 'surge-1', { kind: 'city' });
    expect(timeline).toEqual([
      {
        type: 'raised',
        version: 1,
        actor: 'streams',
        role: 'system',
        note: '',
        ts: '2026-11-22T08:01:00.123Z',
      },
      {
        type: 'ack',
        version: 2,
        actor: 'duty-7',
        role: 'duty_officer',
        note: '',
        ts: '2026-11-22T08:04:00.123Z',
      },
      {
        type: 'escalate',
        version: 3,
        actor: 'duty-7',
        role: 'duty_officer',
        note: '现场人数仍在上升',
        ts: '2026-11-22T08:03:00.123Z',
      },
    ]);
  });

  it("judges the scope on the alert's latest version", async () => {
    // Red now, so another district's center sees it too (市区联动); an agency not routed to it does not.
    expect(
      await queryAlertTimeline(clickhouse.client, 'surge-1', { kind: 'district', adcode: FUTIAN }),
    ).toHaveLength(3);
    expect(
      await queryAlertTimeline(clickhouse.client, 'surge-1', { kind: 'agency', agency: 'water' }),
    ).toBeNull();
    expect(
      await queryAlertTimeline(clickhouse.client, 'surge-1', { kind: 'agency', agency: 'police' }),
    ).toHaveLength(3);
    expect(await queryAlertTimeline(clickhouse.client, 'no-such-alert', { kind: 'city' })).toBeNull();
  });
});
