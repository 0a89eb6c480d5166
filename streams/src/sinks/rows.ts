// Alert state → ClickHouse rows of `alerts` (latest state, ReplacingMergeTree by version) and
// `alert_events` (append-only, hash-chained audit trail).
import { toClickHouseTime } from '@citybrain/schemas/clickhouse';
import type { Alert } from '@citybrain/schemas/events';
import type { AlertChange } from '../alerts/book.js';
import type { AuditChain, AuditRow } from '../alerts/audit-chain.js';

export interface AlertRow {
  alert_id: string;
  version: number;
  rule_id: string;
  subject: string;
  category: string;
  level: string;
  status: string;
  district: string;
  agencies: string[];
  lat: number;
  lon: number;
  cell: string;
  title_zh: string;
  title_en: string;
  metric_name: string;
  metric_value: number;
  metric_threshold: number;
  metric_unit: string;
  forecast_value: number | null;
  forecast_eta: string | null;
  evidence: string;
  raised_at: string;
  updated_at: string;
}

const chTime = (isoTime: string): string => toClickHouseTime(Date.parse(isoTime));

export function alertRow(alert: Alert, subjectKey: string): AlertRow {
  return {
    alert_id: alert.alertId,
    version: alert.version,
    rule_id: alert.ruleId,
    subject: subjectKey,
    category: alert.category,
    level: alert.level,
    status: alert.status,
    district: alert.district,
    agencies: alert.agencies,
    lat: alert.location.lat,
    lon: alert.location.lon,
    cell: alert.cell ?? '',
    title_zh: alert.title.zh,
    title_en: alert.title.en,
    metric_name: alert.metric.name,
    metric_value: alert.metric.value,
    metric_threshold: alert.metric.threshold,
    metric_unit: alert.metric.unit,
    forecast_value: alert.metric.forecast?.value ?? null,
    forecast_eta: alert.metric.forecast ? chTime(alert.metric.forecast.eta) : null,
    evidence: JSON.stringify(alert.evidence),
    raised_at: chTime(alert.raisedAt),
    updated_at: chTime(alert.updatedAt),
  };
}

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
