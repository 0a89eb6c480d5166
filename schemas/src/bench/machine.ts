// What the machine itself did while a benchmark ran. On a shared VM the hypervisor can take a third of the
// CPU from us ("steal"), and every latency figure moves with it, so benchmarks print it next to their
// figures. Linux only (/proc/stat); elsewhere the figure is reported as unknown.
import { readFileSync } from 'node:fs';

/** The machine's aggregate CPU counters (USER_HZ ticks since boot). */
export interface CpuTicks {
  total: number;
  idle: number;
  steal: number;
}

/** The `cpu` line of /proc/stat, or null where there is none. */
export function readCpuTicks(): CpuTicks | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const line = stat.split('\n').find((row) => row.startsWith('cpu '));
  if (line === undefined) return null;
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already counted in user.
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return null;
  const [, , , idle = 0, iowait = 0, , , steal = 0] = fields;
  return { total: fields.reduce((sum, n) => sum + n, 0), idle: idle + iowait, steal };
}

/** Shares (0–1) of the machine's CPU time between two readings: busy for us, stolen by the hypervisor. */
export function cpuShares(
  before: CpuTicks | null,
  after: CpuTicks | null,
): { busy: number; steal: number } | null {
  if (before === null || after === null) return null;
  const total = after.total - before.total;
  if (total <= 0) return null;
  const steal = after.steal - before.steal;
  const idle = after.idle - before.idle;
  return { busy: (total - idle - steal) / total, steal: steal / total };
}

/** One line for a benchmark's output, e.g. "machine: CPU 71 % busy, 12 % stolen by the hypervisor". */
export function describeCpuShares(before: CpuTicks | null, after: CpuTicks | null): string {
  const shares = cpuShares(before, after);
  if (shares === null) return 'machine: CPU shares unknown (no /proc/stat)';
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  return `machine: CPU ${percent(shares.busy)} busy, ${percent(shares.steal)} stolen by the hypervisor (all cores, during the measured run)`;
}
