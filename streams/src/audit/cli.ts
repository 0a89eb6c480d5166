// `npm run verify-audit`: recomputes every alert's hash chain from ClickHouse and says whether the audit
// trail is intact. Exit codes are the interface for scripts and cron jobs: 0 intact, 1 a chain is broken
// (tampering or loss), 2 bad configuration, 3 the log could not be read (ClickHouse down, chDB in use).
import type { ClickHouseTarget } from '@citybrain/schemas/clickhouse';
import { acquireClickHouse } from '@citybrain/schemas/clickhouse';
import type { VerifyAuditConfig } from './config.js';
import { AuditSourceError, readAlertChains } from './read.js';
import { AuditLogVerifier, type AuditBreak, type AuditVerification } from './verify.js';

export const EXIT = { intact: 0, broken: 1, config: 2, unreadable: 3 } as const;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const MAX_LISTED = 20;

export function describeTarget(target: ClickHouseTarget): string {
  return target.kind === 'chdb' ? `chDB at ${target.path}` : `ClickHouse at ${target.url}`;
}

const describeBreak = (b: AuditBreak): string =>
  `alert ${b.alertId} version ${b.version} (event ${b.eventId}): ${b.kind.replaceAll('_', ' ')} — ${b.detail}`;

/** The report, one line per fact: what was checked, the first broken link, then the other broken alerts. */
export function formatVerification(result: AuditVerification, target: ClickHouseTarget): string[] {
  const checked = `${result.rows} rows in ${result.alerts} alerts checked (alert_events, ${describeTarget(target)})`;
  const lines: string[] = [];
  const [first, ...others] = result.breaks;
  if (!first) lines.push(`audit log intact: ${checked}`);
  else {
    lines.push(
      `audit log BROKEN: ${result.breaks.length} of ${result.alerts} alerts have a broken chain; ${checked}`,
    );
    lines.push(`first broken link: ${describeBreak(first)}`);
    for (const b of others.slice(0, MAX_LISTED)) lines.push(`also broken: ${describeBreak(b)}`);
    if (others.length > MAX_LISTED) lines.push(`… and ${others.length - MAX_LISTED} more broken alerts`);
  }
  if (result.duplicates > 0)
    lines.push(
      `note: ${result.duplicates} exact duplicate rows (a retried insert) were skipped; they change nothing`,
    );
  for (const gap of result.tailGaps.slice(0, MAX_LISTED))
    lines.push(
      `warning: alert ${gap.alertId} is at version ${gap.alertVersion} in alerts but its chain ends at ` +
        `${gap.chainVersion}: its last rows were deleted, or streams stopped between its two writes`,
    );
  if (result.tailGaps.length > MAX_LISTED)
    lines.push(`… and ${result.tailGaps.length - MAX_LISTED} more alerts whose chain ends early`);
  return lines;
}

export async function runVerifyAudit(config: VerifyAuditConfig, output: Output): Promise<number> {
  let shared: ReturnType<typeof acquireClickHouse> | undefined;
  try {
    shared = acquireClickHouse(config.clickhouse);
    const verifier = new AuditLogVerifier();
    for await (const page of readAlertChains(shared.client, { alertsPerPage: config.alertsPerPage }))
      for (const chain of page.chains)
        verifier.check(chain, page.alertVersions.get(chain[0]?.alert_id ?? ''));
    const result = verifier.result();
    for (const line of formatVerification(result, config.clickhouse)) output.out(line);
    return result.ok ? EXIT.intact : EXIT.broken;
  } catch (error) {
    output.err(
      `verify-audit: cannot read the audit log (${describeTarget(config.clickhouse)}): ${String(error)}`,
    );
    // The usual cause in embedded mode: the demo holds the data directory's lock.
    if (config.clickhouse.kind === 'chdb' && !(error instanceof AuditSourceError))
      output.err(
        'chDB allows one process per data directory: stop the demo (or any service using CHDB_PATH) and run ' +
          'verify-audit again, or point CLICKHOUSE_URL at a ClickHouse server.',
      );
    return EXIT.unreadable;
  } finally {
    await shared?.release();
  }
}
