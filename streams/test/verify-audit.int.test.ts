// verify-audit against a real chDB: several alerts' audit chains written through the real AuditChain and
// insert path (sinks/rows.ts, as AlertSink writes them), verified intact; then one row edited, one removed and
// one alert's first row deleted with ClickHouse mutations, each reported at exactly that link; and the
// actual bin run as a child process for its output and exit codes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALERT_TABLES,
  acquireClickHouse,
  alertRow,
  migrate,
  type ClickHouseTarget,
  type SharedClickHouse,
} from '@citybrain/schemas/clickhouse';
import { alert as alertSchema, type Alert } from '@citybrain/schemas/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditChain } from '../src/alerts/audit-chain.js';
import type { AlertChange, ChangeCause } from '../src/alerts/book.js';
import { readAlertChains } from '../src/audit/read.js';
import { AuditLogVerifier, type AuditVerification } from '../src/audit/verify.js';
import { auditRow } from '../src/sinks/rows.js';

const BIN = fileURLToPath(new URL('../src/bin/verify-audit.ts', import.meta.url));
const MIN = 60_000;
const T0 = Date.parse('2026-04-05T02:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

const SYSTEM = (type: string): ChangeCause => ({
  type,
  actor: 'streams',
  role: 'system',
  note: '',
  eventId: undefined,
});
const officer = (type: string, id: string, note: string): ChangeCause => ({
  type,
  actor: 'u-duty-17',
  role: 'duty_officer',
  note,
  eventId: id,
});

function baseAlert(alertId: string, over: Partial<Alert>): Alert {
  return alertSchema.parse({
    alertId,
    version: 1,
    ruleId: 'crowd-venue-occupancy',
    category: 'crowd',
    level: 'yellow',
    status: 'active',
    district: '440305',
    agencies: ['police', 'urban_management'],
    location: { lat: 22.5152, lon: 113.9441 },
    title: { zh: '深圳湾公园客流黄色预警', en: 'Yellow crowd warning: Shenzhen Bay Park' },
    metric: { name: 'crowd.venue.occupancy', value: 72.5, threshold: 70, unit: '%' },
    evidence: { subject: 'venue:shenzhen-bay-park', trigger: 'threshold', windowEnd: iso(T0) },
    raisedAt: iso(T0),
    updatedAt: iso(T0),
    ...over,
  });
}

/** One alert's life as the AlertBook emits it: each change bumps the version and moves updatedAt on. */
function life(
  alertId: string,
  subjectKey: string,
  first: Partial<Alert>,
  steps: [ChangeCause, Partial<Alert>][],
) {
  let alert = baseAlert(alertId, first);
  const changes: AlertChange[] = [{ type: 'raised', alert, subjectKey, cause: SYSTEM('raised') }];
  for (const [cause, patch] of steps) {
    alert = alertSchema.parse({
      ...alert,
      ...patch,
      version: alert.version + 1,
      updatedAt: iso(Date.parse(alert.updatedAt) + MIN),
    });
    const closed = alert.status === 'resolved' || alert.status === 'expired';
    changes.push({ type: closed ? 'cleared' : 'updated', alert, subjectKey, cause });
  }
  return changes;
}

const PARK = 'crowd-venue-occupancy.venue.shenzhen-bay-park.mnk3l2a0';
const SEGMENT = 'traffic-segment-congestion.segment.binhai-03.mnk3l5k0';
const GAUGE = 'water-level.sensor.shenzhen-river-03.mnk3m000';
const INCIDENT = 'traffic-incident-arterial.incident.inc-20260405-0042.mnk3n000';

const lives: AlertChange[][] = [
  life(PARK, 'venue:shenzhen-bay-park', {}, [
    [
      SYSTEM('updated'),
      { level: 'orange', metric: { name: 'crowd.venue.occupancy', value: 86.1, threshold: 85, unit: '%' } },
    ],
    [officer('ack', 'act-0001', '收到，已派员 "现场" 引导 & 分流'), { status: 'acknowledged' }],
    [
      officer('agency_update', 'act-0002', 'on scene'),
      { agencyProgress: { police: { state: 'on_scene', by: 'u-pol-3', at: iso(T0 + 3 * MIN) } } },
    ],
    [officer('resolve', 'act-0003', '客流已疏导'), { status: 'resolved' }],
  ]),
  life(
    SEGMENT,
    'segment:binhai-03',
    {
      ruleId: 'traffic-segment-congestion',
      category: 'traffic',
      agencies: ['traffic_police'],
      title: { zh: '滨海大道拥堵黄色预警', en: 'Yellow congestion warning: Binhai Blvd' },
      metric: { name: 'traffic.segment.congestion', value: 2.1, threshold: 2, unit: 'index' },
    },
    [
      [SYSTEM('escalated'), { level: 'orange' }],
      [SYSTEM('cleared'), { status: 'expired', evidence: { clearReason: 'condition_gone' } }],
    ],
  ),
  life(
    GAUGE,
    'sensor:shenzhen-river-03',
    {
      ruleId: 'water-level',
      category: 'flood',
      district: '440303',
      agencies: ['water', 'emergency'],
      title: { zh: '深圳河水位黄色预警', en: 'Yellow water level warning: Shenzhen River' },
      metric: {
        name: 'water.level',
        value: 3.1,
        threshold: 3,
        unit: 'm',
        forecast: { value: 3.6, eta: iso(T0 + 30 * MIN) },
      },
    },
    [
      [SYSTEM('updated'), { metric: { name: 'water.level', value: 3.3, threshold: 3, unit: 'm' } }],
      [officer('assign', 'act-0004', ''), { status: 'assigned', agencies: ['water', 'emergency', 'police'] }],
    ],
  ),
  life(
    INCIDENT,
    'incident:inc-20260405-0042',
    {
      ruleId: 'traffic-incident-arterial',
      category: 'traffic',
      level: 'orange',
      agencies: ['traffic_police'],
      title: { zh: '深南大道交通事故橙色预警', en: 'Orange incident warning: Shennan Blvd' },
      metric: { name: 'traffic.incident.severity', value: 3, threshold: 3, unit: 'level' },
    },
    [],
  ),
];
const TOTAL_ROWS = lives.reduce((sum, changes) => sum + changes.length, 0);

interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** This process's environment (PATH, HOME) without any ClickHouse variable a developer may have set. */
function inherited(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('CLICKHOUSE_') && name !== 'CHDB_PATH'),
  );
}

/** The bin exactly as an operator runs it (`node --import tsx`), with the test's variables. */
function runBin(env: Record<string, string>): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BIN], {
      cwd: dirname(dirname(dirname(BIN))),
      env: { ...inherited(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('verify-audit on a real chDB audit log', () => {
  let dataDir: string;
  let target: Extract<ClickHouseTarget, { kind: 'chdb' }>;
  let held: SharedClickHouse | undefined;

  const client = () => {
    held ??= acquireClickHouse(target);
    return held.client;
  };
  /** chDB allows one process per data path: the child bin can only open it once this process lets go. */
  const letGo = async () => {
    await held?.release();
    held = undefined;
  };

  async function verify(alertsPerPage = 2): Promise<AuditVerification> {
    const verifier = new AuditLogVerifier();
    for await (const page of readAlertChains(client(), { alertsPerPage }))
      for (const chain of page.chains)
        verifier.check(chain, page.alertVersions.get(chain[0]?.alert_id ?? ''));
    return verifier.result();
  }

  const mutate = (query: string, params: Record<string, unknown>) =>
    client().command({ query, query_params: params, clickhouse_settings: { mutations_sync: '2' } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'citybrain-verify-audit-'));
    target = { kind: 'chdb', path: join(dataDir, 'chdb') };
    await migrate(client());
    // Written as AlertSink writes: one chain across all alerts, a batch of changes per insert, alerts
    // interleaved in time; alerts rows first, then alert_events rows.
    const chain = new AuditChain();
    const longest = Math.max(...lives.map((changes) => changes.length));
    for (let step = 0; step < longest; step++) {
      const batch = lives.flatMap((changes) => changes.slice(step, step + 1));
      await client().insert({
        table: ALERT_TABLES.alerts,
        values: batch.map((c) => alertRow(c.alert, c.subjectKey)),
        format: 'JSONEachRow',
      });
      await client().insert({
        table: ALERT_TABLES.alertEvents,
        values: batch.map((c) => auditRow(c, chain)),
        format: 'JSONEachRow',
      });
    }
  });

  afterAll(async () => {
    await letGo();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an intact log verifies, page by page: every row and alert counted', async () => {
    expect(TOTAL_ROWS).toBe(12); // 5 + 3 + 3 + 1
    const result = await verify();
    expect(result).toEqual({
      ok: true,
      rows: TOTAL_ROWS,
      alerts: 4,
      breaks: [],
      duplicates: 0,
      tailGaps: [],
    });
    expect(await verify(1000)).toEqual(result);
  });

  it('the bin reports an intact log and exits 0', async () => {
    await letGo();
    const run = await runBin({ CHDB_PATH: target.path, VERIFY_AUDIT_ALERTS_PER_PAGE: '3' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(
      `audit log intact: ${TOTAL_ROWS} rows in 4 alerts checked (alert_events, chDB at ${target.path})`,
    );
  });

  it('an edited row (note rewritten in place) is a hash mismatch at exactly that link', async () => {
    await mutate(
      `ALTER TABLE alert_events UPDATE note = 'edited' WHERE alert_id = {id:String} AND version = {v:UInt32}`,
      { id: PARK, v: 3 },
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.rows).toBe(TOTAL_ROWS);
    expect(result.breaks).toEqual([
      {
        alertId: PARK,
        version: 3,
        eventId: 'act-0001',
        kind: 'hash_mismatch',
        detail: expect.stringMatching(/edited/) as string,
      },
    ]);
  });

  it('a removed row is a prev_hash mismatch at the row after it', async () => {
    await mutate(`ALTER TABLE alert_events DELETE WHERE alert_id = {id:String} AND version = {v:UInt32}`, {
      id: SEGMENT,
      v: 2,
    });
    const result = await verify();
    expect(result.rows).toBe(TOTAL_ROWS - 1);
    expect(result.breaks.map((b) => [b.alertId, b.version, b.eventId, b.kind])).toEqual([
      [PARK, 3, 'act-0001', 'hash_mismatch'],
      [SEGMENT, 3, `${SEGMENT}@3`, 'prev_hash_mismatch'],
    ]);
    expect(result.breaks[1]?.detail).toContain('versions 1 → 3: 1 missing');
  });

  it('a chain whose first row was deleted does not start at an empty prev_hash', async () => {
    await mutate(`ALTER TABLE alert_events DELETE WHERE alert_id = {id:String} AND version = 1`, {
      id: GAUGE,
    });
    const result = await verify();
    expect(result.breaks.map((b) => [b.alertId, b.version, b.eventId, b.kind])).toEqual([
      [PARK, 3, 'act-0001', 'hash_mismatch'],
      [SEGMENT, 3, `${SEGMENT}@3`, 'prev_hash_mismatch'],
      [GAUGE, 2, `${GAUGE}@2`, 'missing_start'],
    ]);
    // The untouched alert stays verified; deleting a tail is visible only against the alerts table.
    expect(result.alerts).toBe(4);
    expect(result.tailGaps).toEqual([]);
  });

  it('the bin names the first broken link and exits 1', async () => {
    await letGo();
    const run = await runBin({ CHDB_PATH: target.path });
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `audit log BROKEN: 3 of 4 alerts have a broken chain; ${TOTAL_ROWS - 2} rows in 4 alerts checked ` +
        `(alert_events, chDB at ${target.path})`,
    );
    // Alerts are checked in alert_id order: the park alert ('crowd-…') comes first.
    expect(lines[1]).toMatch(
      new RegExp(
        `^first broken link: alert ${PARK.replaceAll('.', '\\.')} version 3 \\(event act-0001\\): hash mismatch — .*edited`,
      ),
    );
    expect(lines.slice(2).join('\n')).toContain(`also broken: alert ${SEGMENT} version 3`);
    expect(lines.slice(2).join('\n')).toContain(`also broken: alert ${GAUGE} version 2`);
  });

  it('bad configuration names the variable and exits 2; an unreadable log exits 3', async () => {
    const badUrl = await runBin({ CLICKHOUSE_URL: 'not a url' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/CLICKHOUSE_URL:/);
    const noData = await runBin({ CHDB_PATH: join(dataDir, 'no-such-dir') });
    expect(noData.code).toBe(2);
    expect(noData.stderr).toContain(`CHDB_PATH: no chDB data directory at ${join(dataDir, 'no-such-dir')}`);
    // The path is in use by this process (as by a running demo): the tool says so instead of guessing.
    await client().query({ query: 'SELECT 1', format: 'JSONEachRow' });
    const locked = await runBin({ CHDB_PATH: target.path });
    expect(locked.code).toBe(3);
    expect(locked.stderr).toMatch(/chDB allows one process per data directory: stop the demo/);
  });

  it('a deleted tail is invisible to the chain but warned about against the alerts table', async () => {
    await mutate(`ALTER TABLE alert_events DELETE WHERE alert_id = {id:String} AND version = 5`, {
      id: PARK,
    });
    const result = await verify();
    expect(result.tailGaps).toEqual([{ alertId: PARK, chainVersion: 4, alertVersion: 5 }]);
    expect(result.breaks.map((b) => b.alertId)).toEqual([PARK, SEGMENT, GAUGE]);
  });
});
