// `npm run bench -w @citybrain/ingest`: end-to-end ingest throughput (Kafka → validate → desensitize →
// ClickHouse, offsets committed) with a producer running at the same time, next to the ceiling: a raw chDB
// insert of the same rows in the same run. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuShares, readCpuTicks } from '@citybrain/schemas/bench';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import { startKafkaMock } from '@citybrain/devstack';
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import { loadIngestConfig, start } from '../src/index.js';
import { measureCeiling } from './ceiling.js';
import { FeedProcess } from './feed-process.js';
import { measureThreadCpu, type ThreadGroup } from './thread-cpu.js';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 300_000);
const CHUNK = 20_000;
/**
 * How far the producer may run ahead of what ingest has inserted. The mock broker keeps only ~24k messages
 * per partition; the producer is at most LAG_LIMIT + CHUNK = 140k ahead, and the busiest topic (crowd, ~58 %
 * of the feed, 4 partitions) then holds ~20k per partition (an overflow would lose messages and time the run
 * out, not skew it). Rows inserted trail rows consumed by up to two batches (one inserting, one filling) —
 * with 50k-row batches that is often 60–80k rows — so a tighter limit lets ingest run dry and wait out empty
 * fetches, measuring the producer instead of ingest (80k cost ~15 % of the rate with 50k-row batches).
 */
const LAG_LIMIT = 120_000;

type Metrics = Awaited<ReturnType<typeof start>>['metrics'];

async function rowsInserted(metrics: Metrics): Promise<number> {
  const { values } = await metrics.rowsInserted.get();
  return values.reduce((sum, v) => sum + v.value, 0);
}

/** Seconds ingest spent flushing, waiting for a flush, and fetching from Kafka, so far. */
async function timeSpent(metrics: Metrics): Promise<{ flush: number; wait: number; fetch: number }> {
  const total = async (counter: Metrics['flushSeconds']) =>
    (await counter.get()).values.reduce((sum, v) => sum + v.value, 0);
  return {
    flush: await total(metrics.flushSeconds),
    wait: await total(metrics.flushWaitSeconds),
    fetch: await total(metrics.fetchSeconds),
  };
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
    // Batching as configured (defaults otherwise), to compare settings.
    INGEST_BATCH_ROWS: process.env.INGEST_BATCH_ROWS,
    INGEST_FLUSH_MS: process.env.INGEST_FLUSH_MS,
  });
  const ingest = await start(config, { logger: silentLogger() });
  const clickhouse = acquireClickHouse(config.clickhouse);
  const run = uniqueName('bench');
  const producer = await FeedProcess.start({ brokers, run, events: TOTAL, chunk: CHUNK });
  try {
    // Warm-up: group join (~3 s on the mock) and first inserts are not part of the figure.
    await producer.warmUp();
    await waitFor(
      () => rowsInserted(ingest.metrics),
      (n) => n >= 1_000,
      { timeoutMs: 60_000, what: 'warm-up' },
    );
    const base = await rowsInserted(ingest.metrics);

    // Produced in chunks, each as soon as ingest is within LAG_LIMIT of the producer.
    const loadBefore = loadavg()[0] ?? 0;
    const ticksBefore = readCpuTicks();
    const spentBefore = await timeSpent(ingest.metrics);
    const cpuBefore = process.cpuUsage();
    const threadCpu = measureThreadCpu();
    const started = performance.now();
    let produced = 0;
    for (let chunk = 0; chunk < producer.chunks; chunk++) {
      await waitFor(
        () => rowsInserted(ingest.metrics),
        (n) => produced - (n - base) <= LAG_LIMIT,
        {
          timeoutMs: 120_000,
          intervalMs: 5,
          what: 'ingest to catch up with the producer',
        },
      );
      await producer.produce(chunk);
      produced += CHUNK;
    }
    await producer.close();
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
    const ticksAfter = readCpuTicks();
    const spentAfter = await timeSpent(ingest.metrics);
    const share = (key: keyof typeof spentAfter) =>
      +(((spentAfter[key] - spentBefore[key]) * 1000) / ingestMs).toFixed(2);
    const cpu = process.cpuUsage(cpuBefore);
    const threads = threadCpu();
    const perEvent = (group: ThreadGroup) =>
      threads.cpuMs === undefined ? 'n/a' : +((threads.cpuMs[group] * 1000) / TOTAL).toFixed(1);
    const peakRss = process.resourceUsage().maxRSS / 1024;

    const shares = cpuShares(ticksBefore, ticksAfter);
    const ceiling = await measureCeiling(clickhouse.client, run, CHUNK);
    const ingestRate = TOTAL / (ingestMs / 1000);
    const ingestCpuUs = cpu.user + cpu.system;
    const cores = availableParallelism();
    // The machine's busy time not spent by this process (ingest, and this driver's light polling): kcat's
    // producers and the mock broker.
    const restCpuUs = shares === null ? undefined : shares.busy * cores * ingestMs * 1000 - ingestCpuUs;
    // With every core doing nothing but ingest at the CPU per event it just used, this is the rate it could
    // reach; against the ceiling it bounds the ratio on this machine from above.
    const ratioBound = (cores * 1e6) / (ingestCpuUs / TOTAL) / ceiling.rawRowsPerSecond;
    const figures = {
      events: TOTAL,
      'INGEST_BATCH_ROWS / INGEST_FLUSH_MS': `${config.batchRows} / ${config.flushIntervalMs}`,
      'producer (kcat) finished after s': +(producedMs / 1000).toFixed(2),
      'ingest end-to-end events/s': Math.round(ingestRate),
      [`ceiling: raw chDB insert, same ${ceiling.rows} rows, in ingest's formats (TabSeparated events), ${CHUNK / 1000}k batches, best pass, rows/s`]:
        Math.round(ceiling.rawRowsPerSecond),
      'ceiling passes, rows/s': ceiling.rawPasses.map((rate) => Math.round(rate)).join(' / '),
      'ratio ingest / ceiling': +(ingestRate / ceiling.rawRowsPerSecond).toFixed(2),
      'for reference: the same rows as objects through client.insert, best pass, rows/s': Math.round(
        ceiling.objectRowsPerSecond,
      ),
      'ratio ingest / that': +(ingestRate / ceiling.objectRowsPerSecond).toFixed(2),
      'ingest process CPU s (all cores)': +(ingestCpuUs / 1e6).toFixed(1),
      'ingest process CPU µs per event, by thread:': +(ingestCpuUs / TOTAL).toFixed(1),
      '  main thread: kafkajs, the pipeline, GC pauses': perEvent('main'),
      '    of which garbage-collection pauses': +((threads.gcPauseMs * 1000) / TOTAL).toFixed(1),
      "  Node's other threads: V8's GC helpers, libuv's pool running chDB's insert calls": perEvent('node'),
      "  ClickHouse's own threads: writing parts, merges": perEvent('clickhouse'),
      'rest of the machine (kcat producers, mock broker) CPU µs per event':
        restCpuUs === undefined ? 'unknown' : +(restCpuUs / TOTAL).toFixed(1),
      [`upper bound on the ratio here: all ${cores} cores running ingest alone at that CPU per event`]:
        +ratioBound.toFixed(2),
      'share of the run with a flush (ClickHouse inserts) in flight': share('flush'),
      'share of the run the consumer waited for the flush in flight': share('wait'),
      'share of the run in Kafka fetches (broker round trip + decoding)': share('fetch'),
      'peak RSS MiB (during ingest)': Math.round(peakRss),
      'load average (1 min) before / after the measured run': `${loadBefore.toFixed(2)} / ${(loadavg()[0] ?? 0).toFixed(2)}`,
      'machine CPU busy / stolen by the hypervisor during the run (all cores)':
        shares === null
          ? 'unknown'
          : `${Math.round(shares.busy * 100)} % / ${Math.round(shares.steal * 100)} %`,
    };
    process.stdout.write(`\ningest throughput (Kafka → ClickHouse, producer concurrent)\n`);
    for (const [name, value] of Object.entries(figures))
      process.stdout.write(`  ${name.padEnd(88)} ${value}\n`);
  } finally {
    producer.kill();
    await ingest.stop();
    await clickhouse.release();
    await mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
