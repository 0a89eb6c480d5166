// Verification of the alert_events audit trail (DESIGN §7: "hash-chained, tamper-evident, verifiable"). Pure:
// rows in, verdict out; reading ClickHouse is read.ts's job. Each alert's rows are checked in version order
// by recomputing `auditHash`, and the first broken link of each alert is reported with what it means.
import { auditHash, type AuditRow } from '../alerts/audit-chain.js';

export type AuditBreakKind =
  /** The row's fields no longer hash to its stored hash: it was edited after it was written. */
  | 'hash_mismatch'
  /** The row is intact but does not follow the previous row: rows were removed or reordered. */
  | 'prev_hash_mismatch'
  /** The alert's first remaining row does not start from '': its first rows were deleted. */
  | 'missing_start';

export interface AuditBreak {
  alertId: string;
  version: number;
  eventId: string;
  kind: AuditBreakKind;
  /** One sentence for the operator: what was expected, what was found, what it means. */
  detail: string;
}

/** The `alerts` table is ahead of the chain: its last rows were deleted, or streams stopped between writes. */
export interface AuditTailGap {
  alertId: string;
  /** Highest version in alert_events. */
  chainVersion: number;
  /** Highest version in `alerts`. */
  alertVersion: number;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  alerts: number;
  /** The first broken link of each broken alert, in the order the alerts were checked. */
  breaks: AuditBreak[];
  /** Exact copies of the row before them (a retried insert): harmless to the chain, not counted as breaks. */
  duplicates: number;
  /** Warnings, not failures: the chain alone cannot tell a deleted tail from a crash between two inserts. */
  tailGaps: AuditTailGap[];
}

const short = (hash: string): string => (hash === '' ? "''" : `${hash.slice(0, 12)}…`);

const FIELDS = [
  'event_id',
  'alert_id',
  'version',
  'type',
  'actor',
  'role',
  'note',
  'ts',
  'state',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditRow)[];

const sameRow = (a: AuditRow, b: AuditRow): boolean => FIELDS.every((field) => a[field] === b[field]);

function missingStart(version: number): string {
  if (version <= 1) return 'its first row was replaced';
  return version === 2
    ? 'its first row (version 1) was deleted'
    : `its first rows (versions 1–${version - 1}) were deleted`;
}

/**
 * The first broken link of one alert's chain, or undefined when intact. `rows` are that alert's rows in
 * version order. An edited row breaks only its own hash (the next row still links to the stored hash), so
 * the check compares each row with the stored hash of the row before it, then recomputes its own.
 */
export function firstBreak(rows: readonly AuditRow[]): { break?: AuditBreak; duplicates: number } {
  let previous: AuditRow | undefined;
  let duplicates = 0;
  for (const row of rows) {
    if (previous && sameRow(previous, row)) {
      duplicates += 1;
      continue;
    }
    const at = { alertId: row.alert_id, version: row.version, eventId: row.event_id };
    const selfConsistent = auditHash(row.prev_hash, row) === row.hash;
    if (!selfConsistent)
      return {
        duplicates,
        break: {
          ...at,
          kind: 'hash_mismatch',
          detail:
            `its fields hash to ${short(auditHash(row.prev_hash, row))}, not to its stored hash ${short(row.hash)}: ` +
            'the row was edited after it was written',
        },
      };
    const expected = previous?.hash ?? '';
    if (row.prev_hash !== expected) {
      if (!previous)
        return {
          duplicates,
          break: {
            ...at,
            kind: 'missing_start',
            detail: `the chain starts at version ${row.version} with prev_hash ${short(row.prev_hash)}, not '': ${missingStart(row.version)}`,
          },
        };
      const gap =
        row.version > previous.version + 1
          ? ` (versions ${previous.version} → ${row.version}: ${row.version - previous.version - 1} missing)`
          : '';
      return {
        duplicates,
        break: {
          ...at,
          kind: 'prev_hash_mismatch',
          detail:
            `prev_hash ${short(row.prev_hash)} is not the hash ${short(expected)} of version ${previous.version}` +
            `${gap}: a row before it was removed or the rows were reordered`,
        },
      };
    }
    previous = row;
  }
  return { duplicates };
}

/**
 * Checks alert chains one at a time, so a caller reading ClickHouse page by page never holds the whole log.
 * Each alert must be given whole, in one `check` call.
 */
export class AuditLogVerifier {
  private rows = 0;
  private alerts = 0;
  private duplicates = 0;
  private readonly breaks: AuditBreak[] = [];
  private readonly tailGaps: AuditTailGap[] = [];

  /**
   * @param rows one alert's rows, in version order
   * @param alertVersion the alert's latest version in the `alerts` table, when known
   */
  check(rows: readonly AuditRow[], alertVersion?: number): void {
    const first = rows[0];
    if (!first) return;
    this.rows += rows.length;
    this.alerts += 1;
    const result = firstBreak(rows);
    this.duplicates += result.duplicates;
    if (result.break) this.breaks.push(result.break);
    const chainVersion = Math.max(...rows.map((r) => r.version));
    if (alertVersion !== undefined && alertVersion > chainVersion)
      this.tailGaps.push({ alertId: first.alert_id, chainVersion, alertVersion });
  }

  result(): AuditVerification {
    return {
      ok: this.breaks.length === 0,
      rows: this.rows,
      alerts: this.alerts,
      breaks: [...this.breaks],
      duplicates: this.duplicates,
      tailGaps: [...this.tailGaps],
    };
  }
}

/** Rows of one alert in chain order: by version, then as stored (ts, event_id) for equal versions. */
export function chainOrder(a: AuditRow, b: AuditRow): number {
  return a.version - b.version || a.ts.localeCompare(b.ts) || a.event_id.localeCompare(b.event_id);
}

/**
 * Verifies a whole audit log held in memory, in any order: rows are grouped per alert and sorted by version.
 * @param alertVersions latest version per alert from the `alerts` table, to spot chains missing their tail
 */
export function verifyAuditLog(
  rows: Iterable<AuditRow>,
  alertVersions: ReadonlyMap<string, number> = new Map(),
): AuditVerification {
  const byAlert = new Map<string, AuditRow[]>();
  for (const row of rows) {
    const chain = byAlert.get(row.alert_id);
    if (chain) chain.push(row);
    else byAlert.set(row.alert_id, [row]);
  }
  const verifier = new AuditLogVerifier();
  for (const alertId of [...byAlert.keys()].sort()) {
    const chain = byAlert.get(alertId) ?? [];
    verifier.check(chain.sort(chainOrder), alertVersions.get(alertId));
  }
  return verifier.result();
}
