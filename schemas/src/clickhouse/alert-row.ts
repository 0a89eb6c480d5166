// An alert's row in `alerts` (latest state per alert, ReplacingMergeTree by version), as streams writes it:
// one mapping for the writer and for every tool or test that seeds the table, so they cannot drift apart.
import type { Alert } from '../events/index.js';
import { toClickHouseTime } from './time.js';

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

/** `subjectKey`: the entity the alert is about (`venue:…`, `segment:…`), with rule_id the key of a live alert. */
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
