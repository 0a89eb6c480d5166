// Builds the Alert a rule decision raises or updates: category, district, routed agencies, bilingual title,
// metric with threshold and forecast, and the window evidence (DESIGN §4).
import type { AgencyId, Alert, AlertCategory, AlertLevel } from '@citybrain/schemas/events';
import { isCrowdCell } from '@citybrain/schemas/geo';
import type { Decision } from '../rules/evaluator.js';
import type { SubjectCatalog } from '../subjects/catalog.js';
import type { Subject } from '../subjects/subject.js';
import { alertIdFor } from './ids.js';
import { agenciesFor } from './routing.js';
import { renderTitle } from './titles.js';

/** What the lifecycle needs to know about the rule behind an alert. */
export interface RuleInfo {
  id: string;
  category: AlertCategory;
  title: { zh: string; en: string };
  metric: string;
  unit: string;
  coolDownMs: number;
  expireNoDataMs: number;
  /** Relative value change worth a new version on its own. */
  minChange: number;
}

export interface ComposeContext {
  catalog: SubjectCatalog;
  routing: Partial<Record<AlertCategory, readonly AgencyId[]>>;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export function metricOf(rule: RuleInfo, decision: Decision): Alert['metric'] {
  return {
    name: rule.metric,
    value: decision.value,
    threshold: decision.threshold,
    unit: rule.unit,
    ...(decision.forecast
      ? { forecast: { value: decision.forecast.value, eta: iso(decision.forecast.etaMs) } }
      : {}),
  };
}

export function evidenceOf(subject: Subject, decision: Decision, atMs: number): Alert['evidence'] {
  return {
    ...decision.evidence,
    subject: subject.key,
    trigger: decision.trigger ?? 'none',
    windowEnd: iso(atMs),
  };
}

export function newAlert(
  context: ComposeContext,
  rule: RuleInfo,
  subject: Subject,
  decision: Decision & { level: AlertLevel },
  atMs: number,
): Alert {
  return {
    alertId: alertIdFor(rule.id, subject.key, atMs),
    version: 1,
    ruleId: rule.id,
    category: rule.category,
    level: decision.level,
    status: 'active',
    district: subject.district,
    agencies: agenciesFor(rule.category, subject, context.routing),
    location: { lat: subject.lat, lon: subject.lon },
    ...(subject.cell !== undefined && isCrowdCell(subject.cell) ? { cell: subject.cell } : {}),
    title: renderTitle(rule.title, context.catalog.nameOf(subject), decision.level),
    metric: metricOf(rule, decision),
    evidence: evidenceOf(subject, decision, atMs),
    raisedAt: iso(atMs),
    updatedAt: iso(atMs),
  };
}

/** The same alert at a new level (title follows the level). */
export function withLevel(
  context: ComposeContext,
  rule: RuleInfo,
  alert: Alert,
  subject: Pick<Subject, 'kind' | 'id' | 'venueId'>,
  level: AlertLevel,
): Alert {
  return { ...alert, level, title: renderTitle(rule.title, context.catalog.nameOf(subject), level) };
}
