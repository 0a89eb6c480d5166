// Alert changes → ClickHouse rows of `alert_events` (append-only, hash-chained audit trail). The `alerts` row
// is schemas' `alertRow`, shared with whatever else seeds that table.
import { toClickHouseTime } from '@citybrain/schemas/clickhouse';
import type { AlertChange } from '../alerts/book.js';
import type { AuditChain, AuditRow } from '../alerts/audit-chain.js';

const chTime = (isoTime: string): string => toClickHouseTime(Date.parse(isoTime));

/** Appends the change to its alert's hash chain; closed alerts leave the chain's memory. */
export function auditRow(change: AlertChange, chain: AuditChain): AuditRow {
  const { alert, cause } = change;
  const row = chain.append({
    event_id: cause.eventId ?? `${alert.alertId}@${alert.version}`,
    alert_id: alert.alertId,
    version: alert.version,
    type: cause.type,
    actor: cause.actor,
    role: cause.role,
    note: cause.note,
    ts: chTime(alert.updatedAt),
    state: JSON.stringify(alert),
  });
  if (alert.status === 'resolved' || alert.status === 'expired') chain.forget(alert.alertId);
  return row;
}
