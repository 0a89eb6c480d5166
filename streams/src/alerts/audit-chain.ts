// The alert_events audit trail is hash-chained per alert (DESIGN §7): each row's hash covers the previous
// row's hash and this row's fields, so editing or deleting a row breaks every later hash. The first row of an
// alert has prev_hash ''. Verification (a later issue) recomputes `auditHash` row by row in version order.
import { createHash } from 'node:crypto';

export interface AuditFields {
  event_id: string;
  alert_id: string;
  version: number;
  type: string;
  actor: string;
  role: string;
  note: string;
  /** ClickHouse DateTime64(3) text, exactly as stored. */
  ts: string;
  /** The alert state after the change, as stored (JSON text). */
  state: string;
}

export interface AuditRow extends AuditFields {
  prev_hash: string;
  hash: string;
}

/** sha256 hex of prev_hash + '\n' + JSON of the fields in a fixed order. */
export function auditHash(prevHash: string, f: AuditFields): string {
  const body = JSON.stringify([
    f.event_id,
    f.alert_id,
    f.version,
    f.type,
    f.actor,
    f.role,
    f.note,
    f.ts,
    f.state,
  ]);
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/** Remembers each open alert's last hash; restored from ClickHouse at start. */
export class AuditChain {
  private readonly last = new Map<string, string>();

  append(fields: AuditFields): AuditRow {
    const prev = this.last.get(fields.alert_id) ?? '';
    const hash = auditHash(prev, fields);
    this.last.set(fields.alert_id, hash);
    return { ...fields, prev_hash: prev, hash };
  }

  restore(alertId: string, lastHash: string): void {
    this.last.set(alertId, lastHash);
  }

  /** A closed alert takes no more rows. */
  forget(alertId: string): void {
    this.last.delete(alertId);
  }
}

/** True when the rows (in version order) form an unbroken chain. */
export function verifyChain(rows: readonly AuditRow[]): boolean {
  let prev = '';
  for (const row of rows) {
    if (row.prev_hash !== prev || auditHash(prev, row) !== row.hash) return false;
    prev = row.hash;
  }
  return true;
}
