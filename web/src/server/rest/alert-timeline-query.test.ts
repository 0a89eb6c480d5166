import type { ClickHouseClient } from '@clickhouse/client';
import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN } from '../../../test/fixtures.js';
import type { WallScope } from '../../realtime/events.js';
import { alertScopeQuery, queryAlertTimeline, timelineQuery } from './alert-timeline-query.js';

interface Sent {
  query: string;
  query_params: Record<string, string>;
  format: string;
}

/** A stand-in answering the scope query with `scopeRows` and the timeline query with `events`. */
function fakeClient(scopeRows: object[], events: object[]) {
  const sent: Sent[] = [];
  const client = {
    query: (params: Sent) => {
      sent.push(params);
      const rows = params.query.includes('FROM alert_events') ? events : scopeRows;
      return Promise.resolve({ json: () => Promise.resolve(rows) });
    },
  } as unknown as ClickHouseClient;
  return { client, sent };
}

const ENTRY = {
  type: 'ack',
  version: 2,
  actor: 'duty-7',
  role: 'duty_officer',
  note: '',
  ts: '2026-11-22T08:01:00.000Z',
};
/** The same as ClickHouse answers it: epoch ms, 64-bit integers quoted in JSON. */
const ROW = { ...ENTRY, ts: undefined, ts_ms: String(Date.parse(ENTRY.ts)) };
const NANSHAN_YELLOW = [{ district: NANSHAN, level: 'yellow', agencies: ['police'] }];

describe('alert timeline query', () => {
  it('binds the alert id as a parameter, never into the SQL text', () => {
    const id = "a1' OR 1=1 --";
    for (const built of [alertScopeQuery(id), timelineQuery(id)]) {
      expect(built.query_params).toEqual({ alertId: id });
      expect(built.query).not.toContain(id);
      expect(built.query).toContain('alert_id = {alertId:String}');
    }
  });

  it('reads the latest alert state for the scope, and the events by version without state or hashes', () => {
    expect(alertScopeQuery('a1').query).toMatch(/FROM alerts FINAL/);
    const { query } = timelineQuery('a1');
    expect(query).toMatch(/FROM alert_events/);
    expect(query).toMatch(/ORDER BY version, ts, event_id/);
    expect(query).toMatch(/SELECT type, version, actor, role, note,/);
    expect(query).not.toMatch(/\bstate\b|prev_hash|\bhash\b/);
  });

  it('returns the events of an alert in scope', async () => {
    const { client, sent } = fakeClient(NANSHAN_YELLOW, [ROW]);
    expect(await queryAlertTimeline(client, 'a1', { kind: 'city' })).toEqual([ENTRY]);
    expect(sent.map((s) => s.format)).toEqual(['JSONEachRow', 'JSONEachRow']);
  });

  it("returns nothing for an unknown alert or one outside the caller's scope, without reading its events", async () => {
    const cases: { rows: object[]; scope: WallScope }[] = [
      { rows: [], scope: { kind: 'city' } },
      { rows: NANSHAN_YELLOW, scope: { kind: 'district', adcode: FUTIAN } },
      { rows: NANSHAN_YELLOW, scope: { kind: 'agency', agency: 'water' } },
    ];
    for (const { rows, scope } of cases) {
      const { client, sent } = fakeClient(rows, [ROW]);
      expect(await queryAlertTimeline(client, 'a1', scope)).toBeNull();
      expect(sent).toHaveLength(1);
    }
  });

  it('lets a district see red alerts city-wide and an agency the alerts routed to it', async () => {
    const red = fakeClient([{ district: NANSHAN, level: 'red', agencies: [] }], [ROW]);
    expect(await queryAlertTimeline(red.client, 'a1', { kind: 'district', adcode: FUTIAN })).toEqual([ENTRY]);
    const police = fakeClient(NANSHAN_YELLOW, [ROW]);
    expect(await queryAlertTimeline(police.client, 'a1', { kind: 'agency', agency: 'police' })).toEqual([
      ENTRY,
    ]);
  });
});
