// The event tables' TabSeparated lines against the real ClickHouse engine (chDB): inserted the way ingest
// inserts them, every table holds exactly what inserting the same rows as JSON objects stores, strings that
// need escaping included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireClickHouse, migrate, type SharedClickHouse } from '@citybrain/schemas/clickhouse';
import { DistrictIndex, loadDistricts, SHENZHEN_BBOX } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizeContext } from '../src/pipeline/normalize.js';
import { PlaceIndex } from '../src/pipeline/places.js';
import { SourcePartition } from '../src/pipeline/rows.js';
import { INSERT_SETTINGS, rowInserter } from '../src/sinks/row-insert.js';
import { LineBuffer } from '../src/sinks/line-buffer.js';
import { selectAll } from './support/clickhouse.js';
import { crowdHeats, sensorReadings, trafficFlows, trafficIncidents } from './support/events.js';
import { expectedRow, LINES, TABLE_OF_KIND, type EventKind } from './support/expected-rows.js';

const AWKWARD = 'tab\there, line\nbreak, CR\r\n, backslash \\ and \\N \\t, "quotes", 中文 😀';
/** For identifiers, which the contracts keep short. */
const SHORT = 'a\tb\nc\r\\N\\"中😀';

describe('event rows as TabSeparated lines in ClickHouse', () => {
  let dir: string;
  let clickhouse: SharedClickHouse;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citybrain-row-lines-'));
    clickhouse = acquireClickHouse({ kind: 'chdb', path: join(dir, 'chdb') });
    await migrate(clickhouse.client);
  });

  afterAll(async () => {
    await clickhouse.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('store exactly what the same rows inserted as JSON objects store', async () => {
    const { client } = clickhouse;
    const districts = new DistrictIndex(loadDistricts());
    const context: NormalizeContext = {
      places: new PlaceIndex(districts),
      bbox: SHENZHEN_BBOX,
      nowMs: Date.now(),
    };
    const source = new SourcePartition('cluster\t"1"', TOPICS.trafficIncidents, 2);
    interface Case {
      kind: EventKind;
      event: Record<string, unknown>;
      offset: string;
      line: string;
    }
    const cases: Case[] = [];
    const add = (kind: EventKind, event: Record<string, unknown>) => {
      const offset = String(cases.length);
      cases.push({ kind, event, offset, line: LINES[kind](event, context, source.lineageTsv(offset)) });
    };
    for (const e of sensorReadings('s', 20))
      add('sensorReading', { ...e, sensorId: `${e.sensorId} ${SHORT}` });
    for (const e of crowdHeats('c', 20)) add('crowdHeat', { ...e, venueId: SHORT });
    for (const [i, e] of trafficFlows('f', 20).entries())
      // Nullable columns both ways.
      add('trafficFlow', i % 2 === 0 ? { ...e, segmentId: SHORT } : { ...e, freeFlowKmh: undefined });
    for (const e of trafficIncidents('i', 20))
      add('trafficIncident', { ...e, description: AWKWARD, plate: 'plt_\\t\t' });

    const insertLines = rowInserter(client);
    for (const kind of ['sensorReading', 'crowdHeat', 'trafficFlow', 'trafficIncident'] as const) {
      const table = TABLE_OF_KIND[kind];
      const mine = cases.filter((c) => c.kind === kind);
      const lines = new LineBuffer();
      for (const { line } of mine) lines.append(line);
      await insertLines(table, lines.contents());

      const reference = `${table}_reference`;
      await client.command({ query: `CREATE TABLE ${reference} AS ${table}` });
      await client.insert({
        table: reference,
        values: mine.map(({ event, offset }) => expectedRow(kind, event, districts, source.lineage(offset))),
        format: 'JSONEachRow',
        clickhouse_settings: INSERT_SETTINGS,
      });
      const read = (from: string) =>
        selectAll<object>(client, `SELECT * EXCEPT ingested_at FROM ${from} ORDER BY id, src_offset`);
      const stored = await read(table);
      expect(stored).toHaveLength(mine.length);
      expect(stored).toEqual(await read(reference));
    }
    // The awkward text survived the round trip untouched.
    const [incident] = await selectAll<{ description: string; plate_pseudonym: string; src_cluster: string }>(
      client,
      'SELECT description, plate_pseudonym, src_cluster FROM traffic_incidents LIMIT 1',
    );
    expect(incident).toEqual({
      description: AWKWARD,
      plate_pseudonym: 'plt_\\t\t',
      src_cluster: 'cluster\t"1"',
    });
  });
});
