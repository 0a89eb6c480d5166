// What the benchmark's figures cannot show on their own: how much of one core the event loop used per
// event, and how much of that was garbage collection. Ingest is single-threaded JS; chDB parses on others.
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

/** Linux clock ticks per second (USER_HZ), fixed at 100 on every architecture Node supports. */
const TICKS_PER_SECOND = 100;

/** CPU time of the main thread alone (user + system), from /proc; undefined where there is no /proc. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name, which may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface MainThreadUsage {
  /** Main-thread CPU ms, if the platform tells. */
  cpuMs: number | undefined;
  gcMs: number;
}

export function measureMainThread(): () => MainThreadUsage {
  const cpuBefore = mainThreadCpuMs();
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    observer.disconnect();
    const cpuAfter = mainThreadCpuMs();
    return {
      cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      gcMs,
    };
  };
}
