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
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { createFeed } from '../src/simulator/index.js';
import { crowdHeats } from '../test/support/events.js';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 300_000);
const CHUNK = 20_000;
const LAG_LIMIT = 40_000;

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
    await produceWithKcat(
      brokers,
      TOPICS.crowdHeat,
      writeTopicFile(dataDir, 'warm', crowdHeats(warm, 1_000), (e) => (e as { id: string }).id),
    );
    await waitFor(
      () => rowsInserted(ingest.metrics),
      (n) => n >= 1_000,
      { timeoutMs: 60_000, what: 'warm-up' },
    );
    const base = await rowsInserted(ingest.metrics);

    // Realistic city data from the simulator (fixed sensors and detectors, crowd cells, incidents with PII).
    const run = uniqueName('bench');
    const feed = createFeed({
      seed: 7,
      scenario: 'holiday-surge',
      runId: run,
      startMs: Date.now() - 6 * 3_600_000,
      districts: new DistrictIndex(loadDistricts()),
      pace: { speed: 3_600, rate: 200_000 },
    });
    const events = feed.generator.eventsUntil(Date.now(), TOTAL);
    if (events.length < TOTAL) throw new Error(`the simulator produced only ${events.length} events`);

    // Produced in chunks, each as soon as ingest is within LAG_LIMIT of the producer: the mock broker keeps
    // only ~24k messages per partition, so the producer may run ahead of ingest but not unboundedly.
    const chunks: string[][] = [];
    for (let i = 0; i < events.length; i += CHUNK) {
      const byTopic = new Map<string, string[]>();
      for (const e of events.slice(i, i + CHUNK)) {
        const lines = byTopic.get(e.topic) ?? [];
        lines.push(`${e.key}\t${JSON.stringify(e.value)}`);
        byTopic.set(e.topic, lines);
      }
      chunks.push(
        [...byTopic].map(([topic, lines], n) => {
          const file = join(dataDir, `chunk-${i}-${n}.tsv`);
          writeFileSync(file, lines.join('\n') + '\n');
          return `${topic}\u0000${file}`;
        }),
      );
    }

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let produced = 0;
    for (const chunk of chunks) {
      await waitFor(
        () => rowsInserted(ingest.metrics),
        (n) => produced - (n - base) <= LAG_LIMIT,
        {
          timeoutMs: 120_000,
          intervalMs: 5,
          what: 'ingest to catch up with the producer',
        },
      );
      await Promise.all(
        chunk.map((entry) => {
          const [topic = '', file = ''] = entry.split('\u0000');
          return produceWithKcat(brokers, topic, file);
        }),
      );
      produced += CHUNK;
    }
    const producedMs = performance.now() - started;
    await waitFor(
      () => rowsInserted(ingest.metrics),
      (n) => n - base >= TOTAL,
      {
        timeoutMs: 600_000,
        intervalMs: 20,
        what: 'every benchmark row inserted',
      },
    );
    const ingestMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);

    // Ceiling: the same rows, read back and inserted again by a bare client in the same batch size.
    const rows = await (
      await clickhouse.client.query({
        query: `SELECT * EXCEPT ingested_at FROM crowd_heat WHERE id LIKE '${run}%'`,
        format: 'JSONEachRow',
      })
    ).json<Record<string, unknown>>();
    await clickhouse.client.command({ query: 'CREATE TABLE IF NOT EXISTS bench_ceiling AS crowd_heat' });
    const ceilingStart = performance.now();
    for (let i = 0; i < rows.length; i += 20_000) {
      await clickhouse.client.insert({
        table: 'bench_ceiling',
        values: rows.slice(i, i + 20_000),
        format: 'JSONEachRow',
      });
    }
    const ceilingRate = rows.length / ((performance.now() - ceilingStart) / 1000);

    const ingestRate = TOTAL / (ingestMs / 1000);
    const figures = {
      events: TOTAL,
      'producer (kcat) finished after s': +(producedMs / 1000).toFixed(2),
      'ingest end-to-end events/s': Math.round(ingestRate),
      'ceiling: raw chDB insert rows/s (same crowd rows, same format, 20k batches)': Math.round(ceilingRate),
      'ratio ingest / ceiling': +(ingestRate / ceilingRate).toFixed(2),
      'ingest process CPU s (both cores)': +((cpu.user + cpu.system) / 1e6).toFixed(1),
      'peak RSS MiB': Math.round(process.resourceUsage().maxRSS / 1024),
    };
    process.stdout.write(`\ningest throughput (Kafka → ClickHouse, producer concurrent)\n`);
    for (const [name, value] of Object.entries(figures))
      process.stdout.write(`  ${name.padEnd(72)} ${value}\n`);
  } finally {
    await ingest.stop();
    await clickhouse.release();
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
