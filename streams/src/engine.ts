// The stream processor's core, without Kafka or ClickHouse: observations in, alert changes out. Windows
// close by event-time watermark; each closed window's samples go through the rules into the alert book.
// Single-threaded and clock-injected, so tests drive it with synthetic time.
import { VENUE_OF_CELL, centerOf } from '@citybrain/schemas/geo';
import type { Alert, AlertAction } from '@citybrain/schemas/events';
import type { AlertChange, ActionResult } from './alerts/book.js';
import { AlertBook } from './alerts/book.js';
import type { RuleInfo } from './alerts/compose.js';
import type { Observation } from './input/observation.js';
import { LiveStore } from './live/live-store.js';
import { evaluateIncident } from './rules/incident.js';
import { RuleSet } from './rules/rule-set.js';
import type { RulesConfig } from './rules/schema.js';
import type { SubjectCatalog } from './subjects/catalog.js';
import { parseSubjectKey, subjectKey, type Subject } from './subjects/subject.js';
import { SnapshotBuilder } from './windows/snapshot.js';
import { TumblingWindows, type AddOutcome } from './windows/tumbling.js';
import { Watermark } from './windows/watermark.js';

export interface EngineOptions {
  rules: RulesConfig;
  catalog: SubjectCatalog;
  windowMs: number;
  allowedLatenessMs: number;
  /** A source partition silent this long (wall clock) stops holding the watermark. */
  idleMs: number;
  /** How long a gauge's last value stands in for a missing report. */
  staleMs: number;
  now: () => number;
}

export interface AdvanceResult {
  changes: AlertChange[];
  windowsClosed: number;
  watermarkMs: number;
}

export interface RestoredAlert {
  alert: Alert;
  subjectKey: string;
}

const LOCAL_SOURCE = 'local';

export class StreamEngine {
  readonly windows: TumblingWindows;
  readonly watermark: Watermark;
  readonly live = new LiveStore();
  readonly book: AlertBook;
  readonly rules: RuleSet;
  private readonly snapshots: SnapshotBuilder;
  private pending: AlertChange[] = [];

  constructor(private readonly options: EngineOptions) {
    this.windows = new TumblingWindows(options.windowMs);
    this.watermark = new Watermark({ allowedLatenessMs: options.allowedLatenessMs, idleMs: options.idleMs });
    this.rules = new RuleSet(options.rules, options.windowMs);
    this.snapshots = new SnapshotBuilder(options.catalog, options.staleMs);
    this.book = new AlertBook({
      catalog: options.catalog,
      routing: options.rules.routing,
      now: options.now,
      etaToleranceMs: 2 * options.windowMs,
    });
  }

  /** The source partitions this instance reads (after a group rebalance). */
  assign(sourceKeys: readonly string[]): void {
    this.watermark.assign(sourceKeys, this.options.now());
  }

  /** Restores the window-closing point committed before a restart. */
  resumeAfter(closedUpToMs: number): void {
    this.windows.restoreClosedUpTo(closedUpToMs);
    this.watermark.raiseTo(closedUpToMs);
  }

  observe(observation: Observation, source?: { key: string; offset: number }): AddOutcome {
    this.watermark.observe(source?.key ?? LOCAL_SOURCE, observation.tsMs, this.options.now());
    this.live.observe(observation);
    if (observation.kind === 'incident') {
      const position =
        observation.place.lat !== undefined && observation.place.lon !== undefined
          ? { lat: observation.place.lat, lon: observation.place.lon }
          : centerOf(observation.place.cell);
      const subject = this.options.catalog.atPlace('incident', observation.incidentId, observation.place);
      for (const { info, rule } of this.rules.incidents) {
        const decision = evaluateIncident(rule, observation, position, this.options.catalog);
        const change = this.book.onDecision(info, subject, decision, observation.tsMs);
        if (change) this.pending.push(change);
      }
      return 'accepted';
    }
    return this.windows.add(observation, source);
  }

  /** Applies an officer's action; its change joins the pending ones, in order, for the next `advance`. */
  applyAction(action: AlertAction): ActionResult {
    const result = this.book.applyAction(action);
    if (result.ok) {
      this.pending.push(result.change);
      // A recurrence must build up again from fresh windows, and then it is a new alert.
      if (result.change.alert.status === 'resolved') {
        this.rules.evaluator(result.change.alert.ruleId)?.reset(result.change.subjectKey);
      }
    }
    return result;
  }

  /** Moves the watermark, closes due windows and evaluates them; returns every change since the last call. */
  advance(): AdvanceResult {
    const watermarkMs = this.watermark.advance(this.options.now());
    const closed = this.windows.closeUpTo(watermarkMs);
    const changes = this.pending;
    this.pending = [];
    for (const window of closed) {
      for (const sample of this.snapshots.samples(window)) {
        for (const { info, evaluator } of this.rules.byMetric.get(sample.metric) ?? []) {
          const decision = evaluator.evaluate(sample.subject.key, sample.value, window.endMs);
          const change = this.book.onDecision(info, sample.subject, decision, window.endMs);
          if (change) changes.push(change);
        }
      }
      changes.push(...this.book.expireSilent(window.endMs));
    }
    const last = closed.at(-1);
    if (last) {
      for (const evaluator of this.rules.allEvaluators())
        evaluator.prune(last.endMs - 2 * this.options.staleMs);
      this.live.prune(this.options.staleMs);
    }
    return { changes, windowsClosed: closed.length, watermarkMs };
  }

  escalate(): AlertChange[] {
    return this.book.escalateDue(this.options.rules.escalationAfterMs);
  }

  restore(restored: readonly RestoredAlert[]): void {
    for (const { alert, subjectKey: key } of restored) {
      const info = this.rules.info(alert.ruleId) ?? retiredRule(alert);
      const parsed = parseSubjectKey(key);
      if (!parsed) continue;
      const subject: Subject = {
        key: subjectKey(parsed.kind, parsed.id),
        ...parsed,
        district: alert.district,
        cell: alert.cell,
        venueId:
          parsed.kind === 'venue'
            ? parsed.id
            : alert.cell === undefined
              ? undefined
              : VENUE_OF_CELL.get(alert.cell),
        lat: alert.location.lat,
        lon: alert.location.lon,
      };
      this.book.restore(alert, info, subject);
      this.rules.evaluator(alert.ruleId)?.seed(subject.key, alert.level);
    }
  }
}

/** An alert whose rule was removed from the rules file still lives out its life, then expires. */
function retiredRule(alert: Alert): RuleInfo {
  return {
    id: alert.ruleId,
    category: alert.category,
    title: { zh: alert.title.zh, en: alert.title.en },
    metric: alert.metric.name,
    unit: alert.metric.unit,
    coolDownMs: 10 * 60_000,
    expireNoDataMs: 30 * 60_000,
    minChange: 0.05,
  };
}
