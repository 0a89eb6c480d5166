// `npm run bench -w @citybrain/ingest`: end-to-end ingest throughput (Kafka → validate → desensitize →
// ClickHouse, offsets committed) with a producer running at the same time, next to the ceiling: a raw chDB
// insert of the same rows in the same run. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import { TOPICS } from '@citybrain/schemas/topics';
import { startKafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import { loadIngestConfig, start } from '../src/index.js';
import { crowdHeats, sensorReadings, trafficFlows } from '../test/support/events.js';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 300_000);
const mix = { crowd: 0.6, flow: 0.25, sensor: 0.15 };

async function rowsInserted(metrics: Awaited<ReturnType<typeof start>>['metrics']): Promise<number> {
  const { values } = await metrics.rowsInserted.get();
  return values.reduce((sum, v) => sum + v.value, 0);
}

/** kcat (librdkafka) produces from a file of `key\tvalue` lines, far faster than ingest can consume. */
async function produceWithKcat(brokers: string, topic: string, file: string): Promise<void> {
  const child = spawn('kcat', ['-P', '-b', brokers, '-t', topic, '-K', '\t', '-z', 'none', '-l', file], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`kcat exited with ${String(code)}`);
}

function writeTopicFile(dir: string, name: string, events: object[], keyOf: (e: object) => string): string {
  const file = join(dir, `${name}.tsv`);
  writeFileSync(file, events.map((e) => `${keyOf(e)}\t${JSON.stringify(e)}`).join('\n') + '\n');
  return file;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'citybrain-bench-'));
  const mock = await startKafkaMock();
  const brokers = mock.brokers.join(',');
  const config = loadIngestConfig({
    KAFKA_BROKERS: brokers,
    CHDB_PATH: join(dataDir, 'chdb'),
    DATA_DIR: dataDir,
    INGEST_GROUP_ID: uniqueName('bench'),
    INGEST_HTTP_PORT: '0',
  });
  const ingest = await start(config, { logger: silentLogger() });
  const clickhouse = acquireClickHouse(config.clickhouse);
  try {
    // Warm-up: group join (~3 s on the mock) and first inserts are not part of the figure.
    const warm = uniqueName('warm');
    await produceWithKcat(brokers, TOPICS.crowdHeat, writeTopicFile(dataDir, 'warm', crowdHeats(warm, 1_000), (e) => (e as { id: string }).id));
    await waitFor(() => rowsInserted(ingest.metrics), (n) => n >= 1_000, { timeoutMs: 60_000, what: 'warm-up' });
    const base = await rowsInserted(ingest.metrics);

    const run = uniqueName('bench');
    const files = [
      [TOPICS.crowdHeat, writeTopicFile(dataDir, 'crowd', crowdHeats(run, TOTAL * mix.crowd), (e) => (e as { id: string }).id)],
      [TOPICS.trafficFlow, writeTopicFile(dataDir, 'flow', trafficFlows(run, TOTAL * mix.flow), (e) => (e as { id: string }).id)],
      [TOPICS.sensorReadings, writeTopicFile(dataDir, 'sensor', sensorReadings(run, TOTAL * mix.sensor), (e) => (e as { id: string }).id)],
    ] as const;

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const producing = Promise.all(files.map(([topic, file]) => produceWithKcat(brokers, topic, file)));
    await producing;
    const producedMs = performance.now() - started;
    await waitFor(() => rowsInserted(ingest.metrics), (n) => n - base >= TOTAL, {
      timeoutMs: 600_000,
      intervalMs: 20,
      what: 'every benchmark row inserted',
    });
    const ingestMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);

    // Ceiling: the same rows, read back and inserted again by a bare client in the same batch size.
    const rows = await (
      await clickhouse.client.query({ query: `SELECT * EXCEPT ingested_at FROM crowd_heat WHERE id LIKE '${run}%'`, format: 'JSONEachRow' })
    ).json<Record<string, unknown>>();
    await clickhouse.client.command({ query: 'CREATE TABLE IF NOT EXISTS bench_ceiling AS crowd_heat' });
    const ceilingStart = performance.now();
    for (let i = 0; i < rows.length; i += 20_000) {
      await clickhouse.client.insert({ table: 'bench_ceiling', values: rows.slice(i, i + 20_000), format: 'JSONEachRow' });
    }
    const ceilingRate = rows.length / ((performance.now() - ceilingStart) / 1000);

    const ingestRate = TOTAL / (ingestMs / 1000);
    const figures = {
      events: TOTAL,
      'producer (kcat) finished after s': +(producedMs / 1000).toFixed(2),
      'ingest end-to-end events/s': Math.round(ingestRate),
      'ceiling: raw chDB insert rows/s (same rows, JSONEachRow, 20k batches)': Math.round(ceilingRate),
      'ratio ingest / ceiling': +(ingestRate / ceilingRate).toFixed(2),
      'ingest process CPU s (both cores)': +((cpu.user + cpu.system) / 1e6).toFixed(1),
      'peak RSS MiB': Math.round(process.resourceUsage().maxRSS / 1024),
    };
    process.stdout.write(`\ningest throughput (Kafka → ClickHouse, producer concurrent)\n`);
    for (const [name, value] of Object.entries(figures)) process.stdout.write(`  ${name.padEnd(72)} ${value}\n`);
  } finally {
    await ingest.stop();
    await clickhouse.release();
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
