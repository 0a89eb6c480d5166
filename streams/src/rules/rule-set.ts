// The configured rules, ready to run: one evaluator per threshold rule, indexed by the metric it watches.
import type { RuleInfo } from '../alerts/compose.js';
import type { MetricName, Rule, RulesConfig } from './schema.js';
import { ThresholdEvaluator } from './evaluator.js';

export const INCIDENT_METRIC = { name: 'traffic.incident.severity', unit: 'severity (1 minor – 3 critical)' };

export function ruleInfo(rule: Rule): RuleInfo {
  return {
    id: rule.id,
    category: rule.category,
    title: rule.title,
    metric: rule.kind === 'threshold' ? rule.metric : INCIDENT_METRIC.name,
    unit: rule.kind === 'threshold' ? rule.unit : INCIDENT_METRIC.unit,
    coolDownMs: rule.coolDownMs,
    expireNoDataMs: rule.expireNoDataMs,
    minChange: rule.kind === 'threshold' ? rule.minChange : 0,
  };
}

export class RuleSet {
  readonly byMetric = new Map<MetricName, { info: RuleInfo; evaluator: ThresholdEvaluator }[]>();
  readonly incidents: { info: RuleInfo; rule: Extract<Rule, { kind: 'incident' }> }[] = [];
  private readonly infos = new Map<string, RuleInfo>();
  private readonly evaluators = new Map<string, ThresholdEvaluator>();

  constructor(
    readonly config: RulesConfig,
    windowMs: number,
  ) {
    for (const rule of config.rules) {
      const info = ruleInfo(rule);
      this.infos.set(rule.id, info);
      if (rule.kind === 'incident') {
        this.incidents.push({ info, rule });
        continue;
      }
      const evaluator = new ThresholdEvaluator(rule, windowMs);
      this.evaluators.set(rule.id, evaluator);
      const list = this.byMetric.get(rule.metric) ?? [];
      list.push({ info, evaluator });
      this.byMetric.set(rule.metric, list);
    }
  }

  info(ruleId: string): RuleInfo | undefined {
    return this.infos.get(ruleId);
  }

  evaluator(ruleId: string): ThresholdEvaluator | undefined {
    return this.evaluators.get(ruleId);
  }

  allEvaluators(): IterableIterator<ThresholdEvaluator> {
    return this.evaluators.values();
  }
}
