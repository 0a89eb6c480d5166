import { describe, expect, it } from 'vitest';
import { AuditChain, type AuditFields, type AuditRow } from '../alerts/audit-chain.js';
import { must } from '../../test/support/must.js';
import { formatVerification } from './cli.js';
import { AuditLogVerifier, firstBreak, verifyAuditLog } from './verify.js';

const TYPES = ['raised', 'updated', 'ack', 'agency_update', 'resolve'];

const fields = (alertId: string, version: number): AuditFields => ({
  event_id: version === 3 ? `action-${alertId}-${version}` : `${alertId}@${version}`,
  alert_id: alertId,
  version,
  type: TYPES[version - 1] ?? 'updated',
  actor: version === 3 ? 'officer-17' : 'streams',
  role: version === 3 ? 'duty_officer' : 'system',
  note: version === 3 ? '已到场 "on scene"' : '',
  ts: `2026-04-05 02:0${version}:00.000`,
  state: JSON.stringify({ alertId, version, level: version > 1 ? 'orange' : 'yellow' }),
});

/** Alert chains written the way streams writes them: one AuditChain, alerts interleaved. */
function chains(spec: Record<string, number>): AuditRow[] {
  const chain = new AuditChain();
  const rows: AuditRow[] = [];
  const longest = Math.max(...Object.values(spec));
  for (let version = 1; version <= longest; version++)
    for (const [alertId, versions] of Object.entries(spec))
      if (version <= versions) rows.push(chain.append(fields(alertId, version)));
  return rows;
}

const row = (rows: AuditRow[], alertId: string, version: number): AuditRow =>
  must(
    rows.find((r) => r.alert_id === alertId && r.version === version),
    `${alertId} v${version}`,
  );
const without = (rows: AuditRow[], ...drop: AuditRow[]): AuditRow[] => rows.filter((r) => !drop.includes(r));

describe('verifyAuditLog', () => {
  it('passes an intact log, counting rows and alerts, in any input order', () => {
    const rows = chains({ a: 5, b: 3, c: 1 });
    const result = verifyAuditLog([...rows].reverse());
    expect(result).toEqual({ ok: true, rows: 9, alerts: 3, breaks: [], duplicates: 0, tailGaps: [] });
  });

  it('an edited row: hash mismatch at exactly that row, and nothing after it', () => {
    const rows = chains({ a: 5, b: 3 });
    const edited = rows.map((r) => (r === row(rows, 'a', 3) ? { ...r, note: 'edited' } : r));
    const result = verifyAuditLog(edited);
    expect(result.ok).toBe(false);
    expect(result.breaks).toEqual([
      {
        alertId: 'a',
        version: 3,
        eventId: 'action-a-3',
        kind: 'hash_mismatch',
        detail: expect.stringMatching(/edited/) as string,
      },
    ]);
  });

  it('an edited alert state or timestamp is caught as well as an edited note', () => {
    const rows = chains({ a: 3 });
    const target = row(rows, 'a', 2);
    for (const change of [
      { state: '{"level":"blue"}' },
      { ts: '2026-04-05 02:02:00.001' },
      { actor: 'someone' },
    ]) {
      const result = verifyAuditLog(rows.map((r) => (r === target ? { ...r, ...change } : r)));
      expect(result.breaks.map((b) => [b.kind, b.version])).toEqual([['hash_mismatch', 2]]);
    }
  });

  it('a row recomputed to hide an edit still breaks the next link (prev_hash mismatch)', () => {
    const rows = chains({ a: 4 });
    const original = row(rows, 'a', 2);
    const forged = new AuditChain();
    forged.restore('a', original.prev_hash);
    const replacement = forged.append({ ...original, note: 'edited' });
    const result = verifyAuditLog(rows.map((r) => (r === original ? replacement : r)));
    expect(result.breaks).toEqual([
      {
        alertId: 'a',
        version: 3,
        eventId: 'action-a-3',
        kind: 'prev_hash_mismatch',
        detail: expect.stringMatching(
          /not the hash .* of version 2: a row before it was removed or the rows were reordered/,
        ) as string,
      },
    ]);
  });

  it('a deleted row: prev_hash mismatch at the next version, naming the gap', () => {
    const rows = chains({ a: 5, b: 3 });
    const result = verifyAuditLog(without(rows, row(rows, 'b', 2)));
    expect(result.breaks).toHaveLength(1);
    expect(result.breaks[0]).toMatchObject({
      alertId: 'b',
      version: 3,
      eventId: 'action-b-3',
      kind: 'prev_hash_mismatch',
    });
    expect(result.breaks[0]?.detail).toContain('versions 1 → 3: 1 missing');
  });

  it('deleted first rows: the chain does not start at an empty prev_hash', () => {
    const rows = chains({ a: 5 });
    const one = verifyAuditLog(without(rows, row(rows, 'a', 1)));
    expect(one.breaks).toEqual([
      {
        alertId: 'a',
        version: 2,
        eventId: 'a@2',
        kind: 'missing_start',
        detail: expect.stringMatching(/not '': its first row \(version 1\) was deleted$/) as string,
      },
    ]);
    const two = verifyAuditLog(without(rows, row(rows, 'a', 1), row(rows, 'a', 2)));
    expect(two.breaks[0]?.detail).toMatch(/its first rows \(versions 1–2\) were deleted$/);
  });

  it('reordered rows (versions swapped) break the chain', () => {
    const rows = chains({ a: 4 });
    const v2 = row(rows, 'a', 2);
    const v3 = row(rows, 'a', 3);
    const swapped = rows.map((r) =>
      r === v2 ? { ...v3, version: 2 } : r === v3 ? { ...v2, version: 3 } : r,
    );
    const result = verifyAuditLog(swapped);
    expect(result.ok).toBe(false);
    expect(result.breaks[0]).toMatchObject({ alertId: 'a', version: 2 });
  });

  it('reports the first break of every broken alert, in alert order', () => {
    const rows = chains({ a: 5, b: 3, c: 2 });
    const tampered = without(rows, row(rows, 'c', 1)).map((r) =>
      r === row(rows, 'a', 4) ? { ...r, note: 'x' } : r,
    );
    const result = verifyAuditLog(tampered);
    expect(result.breaks.map((b) => [b.alertId, b.version, b.kind])).toEqual([
      ['a', 4, 'hash_mismatch'],
      ['c', 2, 'missing_start'],
    ]);
  });

  it('an exact duplicate row (a retried insert) is counted, not a break', () => {
    const rows = chains({ a: 3 });
    const result = verifyAuditLog([...rows, { ...row(rows, 'a', 2) }]);
    expect(result).toMatchObject({ ok: true, rows: 4, duplicates: 1 });
  });

  it('warns when the alerts table is ahead of the chain (a deleted tail cannot be seen in the chain)', () => {
    const rows = chains({ a: 5, b: 3 });
    const result = verifyAuditLog(
      without(rows, row(rows, 'a', 5)),
      new Map([
        ['a', 5],
        ['b', 3],
      ]),
    );
    expect(result.ok).toBe(true);
    expect(result.tailGaps).toEqual([{ alertId: 'a', chainVersion: 4, alertVersion: 5 }]);
  });
});

describe('AuditLogVerifier', () => {
  it('adds up alert by alert, as pages from ClickHouse arrive', () => {
    const rows = chains({ a: 2, b: 2 });
    const verifier = new AuditLogVerifier();
    verifier.check(rows.filter((r) => r.alert_id === 'a'));
    verifier.check([]);
    verifier.check(rows.filter((r) => r.alert_id === 'b'));
    expect(verifier.result()).toMatchObject({ ok: true, rows: 4, alerts: 2 });
    expect(firstBreak(rows.filter((r) => r.alert_id === 'a'))).toEqual({ duplicates: 0 });
  });
});

describe('the report', () => {
  const target = { kind: 'chdb', path: '/srv/citybrain/data/chdb' } as const;

  it('says what was checked when intact', () => {
    const lines = formatVerification(verifyAuditLog(chains({ a: 2 })), target);
    expect(lines).toEqual([
      'audit log intact: 2 rows in 1 alerts checked (alert_events, chDB at /srv/citybrain/data/chdb)',
    ]);
  });

  it('names the first broken link: alert, version, event and what is wrong', () => {
    const rows = chains({ a: 3 });
    const lines = formatVerification(
      verifyAuditLog(rows.map((r) => (r.version === 3 ? { ...r, note: 'edited' } : r))),
      target,
    );
    expect(lines[0]).toMatch(
      /^audit log BROKEN: 1 of 1 alerts have a broken chain; 3 rows in 1 alerts checked/,
    );
    expect(lines[1]).toMatch(
      /^first broken link: alert a version 3 \(event action-a-3\): hash mismatch — .*edited/,
    );
  });
});
