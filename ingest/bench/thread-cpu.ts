// Where ingest's CPU goes, by thread, which the benchmark's other figures cannot show:
//   - the main thread: kafkajs, the pipeline, and garbage-collection pauses;
//   - Node's other threads: V8's platform workers (parallel scavenges, concurrent marking and sweeping) and
//     libuv's pool, which runs chDB's insert calls (with parallel parsing off, the engine parses the rows on
//     the calling thread). On Node 20 both carry the process's name and start before any module runs, so
//     /proc cannot tell them apart; `node --single-threaded-gc` moves the GC share onto the main thread;
//   - ClickHouse's own threads (ThreadPool, MergeMutate, BgSchPool…): writing parts, merges.
// Read from /proc; where there is none the figures are undefined.
import { readdirSync, readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

/** Linux clock ticks per second (USER_HZ), fixed at 100 on every architecture Node supports. */
const TICKS_PER_SECOND = 100;

interface ThreadStat {
  tid: number;
  name: string;
  cpuMs: number;
}

function readThreads(): ThreadStat[] | undefined {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const threads: ThreadStat[] = [];
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the parenthesised command name, which may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    threads.push({ tid: Number(tid), name, cpuMs: (ticks * 1000) / TICKS_PER_SECOND });
  }
  return threads;
}

export type ThreadGroup = 'main' | 'node' | 'clickhouse';

export type CpuMsByGroup = Record<ThreadGroup, number>;

function cpuMsByGroup(): CpuMsByGroup | undefined {
  const threads = readThreads();
  const nodeName = threads?.find((thread) => thread.tid === process.pid)?.name;
  if (!threads || nodeName === undefined) return undefined;
  const ms: CpuMsByGroup = { main: 0, node: 0, clickhouse: 0 };
  for (const { tid, name, cpuMs } of threads) {
    const group: ThreadGroup = tid === process.pid ? 'main' : name === nodeName ? 'node' : 'clickhouse';
    ms[group] += cpuMs;
  }
  return ms;
}

export interface ThreadUsage {
  /** CPU ms per thread group over the measurement, if the platform tells. */
  cpuMs: CpuMsByGroup | undefined;
  /** Garbage-collection pauses on the main thread, ms. */
  gcPauseMs: number;
}

/** Starts measuring; the returned function ends the measurement and gives what was used since. */
export function measureThreadCpu(): () => ThreadUsage {
  const before = cpuMsByGroup();
  let gcPauseMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPauseMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    observer.disconnect();
    const after = cpuMsByGroup();
    if (before === undefined || after === undefined) return { cpuMs: undefined, gcPauseMs };
    const cpuMs = { ...after };
    for (const group of Object.keys(cpuMs) as ThreadGroup[]) cpuMs[group] -= before[group];
    return { cpuMs, gcPauseMs };
  };
}
