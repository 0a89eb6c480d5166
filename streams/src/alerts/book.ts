// The live alerts, one per (rule, subject): raise → update → clear after the cool-down (or expire when the
// subject goes silent); officers' actions and automatic escalation change them too. Every change bumps the
// version and comes back as an AlertChange for the sinks. Pure apart from the injected clock.
import { levelRank, type Alert, type AlertAction, type AlertLevel } from '@citybrain/schemas/events';
import type { Decision } from '../rules/evaluator.js';
import { maxLevel } from '../rules/levels.js';
import type { Subject } from '../subjects/subject.js';
import { applyAction, type RefusalReason } from './actions.js';
import {
  evidenceOf,
  iso,
  metricOf,
  newAlert,
  withLevel,
  type ComposeContext,
  type RuleInfo,
} from './compose.js';
import { dueEscalation } from './escalation.js';

export interface ChangeCause {
  /** raised / updated / cleared / escalated, or the officer's action type. */
  type: string;
  actor: string;
  role: string;
  note: string;
  /** The action's id when an officer caused it. */
  eventId: string | undefined;
}

export interface AlertChange {
  type: 'raised' | 'updated' | 'cleared';
  alert: Alert;
  subjectKey: string;
  cause: ChangeCause;
}

export type ActionResult =
  { ok: true; change: AlertChange } | { ok: false; reason: RefusalReason; detail: string; alertId: string };

interface Entry {
  alert: Alert;
  rule: RuleInfo;
  subject: Subject;
  /** Wall clock: when the level last changed, for escalation. */
  levelSinceMs: number;
  /** Escalated (automatically or by an officer): the level does not fall below this while the alert lives. */
  floor: AlertLevel | null;
  /** Event time since which the condition has been gone; null while it holds. */
  belowSinceMs: number | null;
  /** Event time of the last window that had data for the subject. */
  lastDataMs: number;
}

const SYSTEM = { actor: 'streams', role: 'system', note: '', eventId: undefined };
const CLOSED_MEMORY = 10_000;

export interface BookOptions extends ComposeContext {
  now: () => number;
  /** A forecast ETA moving by less than this is not worth a new version. */
  etaToleranceMs: number;
}

export class AlertBook {
  private readonly byKey = new Map<string, Entry>();
  private readonly keyById = new Map<string, string>();
  /** Recently closed alerts, so a late action is refused as `closed` rather than `unknown_alert`. */
  private readonly closed = new Map<string, Alert['status']>();

  constructor(private readonly options: BookOptions) {}

  get size(): number {
    return this.byKey.size;
  }

  alerts(): IterableIterator<Alert> {
    return (function* (entries: Iterable<Entry>) {
      for (const entry of entries) yield entry.alert;
    })(this.byKey.values());
  }

  get(alertId: string): Alert | undefined {
    const key = this.keyById.get(alertId);
    return key === undefined ? undefined : this.byKey.get(key)?.alert;
  }

  /** One window's decision for one (rule, subject). */
  onDecision(rule: RuleInfo, subject: Subject, decision: Decision, atMs: number): AlertChange | null {
    const key = `${rule.id}|${subject.key}`;
    const entry = this.byKey.get(key);
    if (entry) entry.lastDataMs = Math.max(entry.lastDataMs, atMs);
    if (decision.level === null) {
      if (!entry) return null;
      entry.belowSinceMs ??= atMs;
      if (atMs - entry.belowSinceMs < rule.coolDownMs) return null;
      return this.close(key, entry, 'condition_gone', atMs, 'cleared');
    }
    // An alert needs a district to be routed to: a subject outside every district (sea, a neighbour city) waits.
    if (!entry)
      return subject.district === ''
        ? null
        : this.raise(key, rule, subject, { ...decision, level: decision.level }, atMs);
    entry.belowSinceMs = null;
    const level = maxLevel(decision.level, entry.floor) ?? decision.level;
    const previous = entry.alert;
    if (!this.material(entry, level, decision)) return null;
    let alert: Alert = {
      ...previous,
      version: previous.version + 1,
      metric: metricOf(rule, decision),
      evidence: {
        ...evidenceOf(subject, decision, atMs),
        ...(entry.floor ? { escalatedTo: entry.floor } : {}),
      },
      updatedAt: iso(Math.max(atMs, Date.parse(previous.updatedAt))),
    };
    if (level !== previous.level) {
      alert = withLevel(this.options, rule, alert, entry.subject, level);
      entry.levelSinceMs = this.options.now();
    }
    entry.alert = alert;
    return { type: 'updated', alert, subjectKey: subject.key, cause: { ...SYSTEM, type: 'updated' } };
  }

  applyAction(action: AlertAction): ActionResult {
    const key = this.keyById.get(action.alertId);
    const entry = key === undefined ? undefined : this.byKey.get(key);
    if (key === undefined || !entry) {
      const status = this.closed.get(action.alertId);
      return status
        ? { ok: false, reason: 'closed', detail: `alert is ${status}`, alertId: action.alertId }
        : { ok: false, reason: 'unknown_alert', detail: 'no such live alert', alertId: action.alertId };
    }
    const outcome = applyAction(entry.alert, action);
    if (!outcome.ok) return { ...outcome, alertId: action.alertId };
    const cause: ChangeCause = {
      type: action.type,
      actor: action.actor,
      role: action.role,
      note: action.note ?? '',
      eventId: action.id,
    };
    let alert = outcome.alert;
    if (alert.level !== entry.alert.level) {
      alert = withLevel(this.options, entry.rule, alert, entry.subject, alert.level);
      entry.floor = alert.level;
      entry.levelSinceMs = this.options.now();
    }
    if (alert.status === 'resolved') {
      this.forget(key, alert);
    } else {
      entry.alert = alert;
    }
    return { ok: true, change: { type: 'updated', alert, subjectKey: entry.subject.key, cause } };
  }

  /** Unacknowledged alerts past their level's time go up one level (wall clock). */
  escalateDue(afterMs: Partial<Record<AlertLevel, number>>): AlertChange[] {
    const nowMs = this.options.now();
    const changes: AlertChange[] = [];
    for (const entry of this.byKey.values()) {
      const next = dueEscalation(entry.alert, entry.levelSinceMs, nowMs, afterMs);
      if (next === null) continue;
      const minutes = Math.round((nowMs - entry.levelSinceMs) / 60_000);
      const note = `not acknowledged within ${minutes} min at ${entry.alert.level}`;
      const escalated = withLevel(this.options, entry.rule, entry.alert, entry.subject, next);
      entry.alert = {
        ...escalated,
        version: entry.alert.version + 1,
        evidence: { ...entry.alert.evidence, escalatedTo: next },
        updatedAt: iso(Math.max(nowMs, Date.parse(entry.alert.updatedAt))),
      };
      entry.floor = next;
      entry.levelSinceMs = nowMs;
      changes.push({
        type: 'updated',
        alert: entry.alert,
        subjectKey: entry.subject.key,
        cause: { ...SYSTEM, type: 'escalated', note },
      });
    }
    return changes;
  }

  /** Alerts whose subject has had no data for the rule's expiry time (event time) expire. */
  expireSilent(watermarkMs: number): AlertChange[] {
    const changes: AlertChange[] = [];
    for (const [key, entry] of this.byKey) {
      if (watermarkMs - entry.lastDataMs >= entry.rule.expireNoDataMs) {
        changes.push(this.close(key, entry, 'no_data', watermarkMs, 'cleared'));
      }
    }
    return changes;
  }

  /** Puts back an alert that was live before a restart. */
  restore(alert: Alert, rule: RuleInfo, subject: Subject): void {
    const key = `${rule.id}|${subject.key}`;
    const updatedMs = Date.parse(alert.updatedAt);
    const floor = alert.evidence.escalatedTo;
    this.byKey.set(key, {
      alert,
      rule,
      subject,
      levelSinceMs: Math.min(this.options.now(), updatedMs),
      floor: typeof floor === 'string' && isLevel(floor) ? floor : null,
      belowSinceMs: null,
      lastDataMs: updatedMs,
    });
    this.keyById.set(alert.alertId, key);
  }

  private raise(
    key: string,
    rule: RuleInfo,
    subject: Subject,
    decision: Decision & { level: AlertLevel },
    atMs: number,
  ): AlertChange {
    const alert = newAlert(this.options, rule, subject, decision, atMs);
    this.byKey.set(key, {
      alert,
      rule,
      subject,
      levelSinceMs: this.options.now(),
      floor: null,
      belowSinceMs: null,
      lastDataMs: atMs,
    });
    this.keyById.set(alert.alertId, key);
    return { type: 'raised', alert, subjectKey: subject.key, cause: { ...SYSTEM, type: 'raised' } };
  }

  private close(key: string, entry: Entry, reason: string, atMs: number, type: 'cleared'): AlertChange {
    const alert: Alert = {
      ...entry.alert,
      version: entry.alert.version + 1,
      status: 'expired',
      evidence: { ...entry.alert.evidence, clearReason: reason },
      updatedAt: iso(Math.max(atMs, Date.parse(entry.alert.updatedAt))),
    };
    this.forget(key, alert);
    return { type, alert, subjectKey: entry.subject.key, cause: { ...SYSTEM, type, note: reason } };
  }

  private forget(key: string, alert: Alert): void {
    this.byKey.delete(key);
    this.keyById.delete(alert.alertId);
    this.closed.set(alert.alertId, alert.status);
    if (this.closed.size > CLOSED_MEMORY) {
      const oldest = this.closed.keys().next();
      if (!oldest.done) this.closed.delete(oldest.value);
    }
  }

  private material(entry: Entry, level: AlertLevel, decision: Decision): boolean {
    const previous = entry.alert;
    if (level !== previous.level) return true;
    const before = previous.metric.forecast;
    const after = decision.forecast;
    if ((before === undefined) !== (after === undefined)) return true;
    if (before && after) {
      if (Math.abs(Date.parse(before.eta) - after.etaMs) >= this.options.etaToleranceMs) return true;
      if (levelRank(level) < levelRank(after.level) && decision.threshold !== previous.metric.threshold)
        return true;
    }
    const change =
      Math.abs(decision.value - previous.metric.value) / Math.max(Math.abs(previous.metric.value), 1e-9);
    return change >= entry.rule.minChange;
  }
}

function isLevel(value: string): value is AlertLevel {
  return value === 'blue' || value === 'yellow' || value === 'orange' || value === 'red';
}
