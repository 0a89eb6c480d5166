// The rules file's contract (streams/rules/default.yaml). Durations are minutes in the file, because that is
// how duty officers and the people who tune thresholds talk; the parsed form is milliseconds.
import {
  agencyId,
  alertCategory,
  alertLevel,
  ALERT_LEVELS,
  type AlertLevel,
} from '@citybrain/schemas/events';
import { z } from 'zod';

/** What a window snapshot measures; a threshold rule watches exactly one of these. */
export const METRIC_NAMES = [
  'crowd.venue.occupancy',
  'crowd.cell.people',
  'traffic.segment.congestion',
  'traffic.district.congestion',
  'air.pm25',
  'air.pm10',
  'air.aqi',
  'air.no2',
  'noise.leq',
  'water.level',
  'rain.intensity',
  'temperature',
] as const;
export const metricName = z.enum(METRIC_NAMES);
export type MetricName = z.infer<typeof metricName>;

const minutes = z
  .number()
  .positive()
  .max(7 * 24 * 60);
const ms = (m: number): number => Math.round(m * 60_000);

const titleTemplate = z.object({
  zh: z.string().min(1).includes('{subject}', { message: 'must contain {subject}' }),
  en: z.string().min(1).includes('{subject}', { message: 'must contain {subject}' }),
});

const thresholds = z
  .partialRecord(alertLevel, z.number())
  .refine((levels) => Object.keys(levels).length > 0, { message: 'needs at least one level' })
  .refine(
    (levels) => {
      const values = ALERT_LEVELS.flatMap((level) => (levels[level] === undefined ? [] : [levels[level]]));
      return values.every((value, i) => i === 0 || value > (values[i - 1] as number));
    },
    { message: 'thresholds must increase blue < yellow < orange < red' },
  );

const rise = z.object({
  /** Relative rise over `overMinutes` that raises at least `level`, e.g. 30 (%). */
  percent: z.number().positive(),
  overMinutes: minutes,
  level: alertLevel,
  /** Below this value a rise is noise (20 → 30 people is +50 %). */
  minValue: z.number().default(0),
});

const forecast = z.object({
  /** Raise an early warning when the forecast crosses a higher level within this many minutes. */
  horizonMinutes: minutes,
  /** Windows of history before the trend is trusted. */
  minWindows: z.number().int().min(3).max(120).default(5),
  /** Consecutive windows the forecast must agree before it raises anything (noise guard). */
  confirmWindows: z.number().int().min(1).max(30).default(2),
  alpha: z.number().gt(0).lt(1).default(0.5),
  beta: z.number().gt(0).lt(1).default(0.3),
  /** Trend damping φ (1 = Holt's plain linear trend). */
  damping: z.number().gt(0).max(1).default(0.98),
  /** The early warning is this many levels below the forecast level ("red expected" → orange now). */
  stepBelow: z.number().int().min(0).max(3).default(1),
});

const ruleCommon = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lower-case letters, digits and dashes, at most 48'),
  category: alertCategory,
  title: titleTemplate,
  /** Minutes the condition must stay gone before the alert clears (0: at once, as for a cleared incident). */
  coolDownMinutes: z
    .number()
    .min(0)
    .max(24 * 60)
    .optional(),
  expireNoDataMinutes: minutes.optional(),
  enabled: z.boolean().default(true),
};

const thresholdRule = z.object({
  ...ruleCommon,
  kind: z.literal('threshold'),
  metric: metricName,
  unit: z.string(),
  levels: thresholds,
  sustainWindows: z.number().int().min(1).max(240).optional(),
  /** Fraction below a level's threshold the value must fall before the level is left (anti-flapping). */
  hysteresis: z.number().min(0).lt(1).optional(),
  /** Relative value change that is worth a new alert version on its own. */
  minChange: z.number().min(0).optional(),
  rise: rise.optional(),
  forecast: forecast.optional(),
});

const incidentRule = z.object({
  ...ruleCommon,
  kind: z.literal('incident'),
  /** Level raised for an open incident of each severity; severities not listed raise nothing. */
  severities: z.partialRecord(z.enum(['minor', 'major', 'critical']), alertLevel),
  /** Only incidents within this distance of an arterial's centre line count. */
  arterialWithinMeters: z.number().positive().max(5_000),
});

const defaults = z
  .object({
    sustainWindows: z.number().int().min(1).max(240).default(1),
    hysteresis: z.number().min(0).lt(1).default(0.05),
    coolDownMinutes: minutes.default(10),
    expireNoDataMinutes: minutes.default(30),
    minChange: z.number().min(0).default(0.05),
  })
  .prefault({});

export const rulesFile = z
  .object({
    version: z.literal(1),
    defaults,
    routing: z.partialRecord(alertCategory, z.array(agencyId).min(1)).default({}),
    escalation: z.object({ afterMinutes: z.partialRecord(alertLevel, minutes) }),
    rules: z.array(z.discriminatedUnion('kind', [thresholdRule, incidentRule])).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
    });
  });
export type RulesFile = z.infer<typeof rulesFile>;

export interface RuleBase {
  id: string;
  category: RulesFile['rules'][number]['category'];
  title: { zh: string; en: string };
  coolDownMs: number;
  expireNoDataMs: number;
}

export interface ThresholdRule extends RuleBase {
  kind: 'threshold';
  metric: MetricName;
  unit: string;
  levels: Partial<Record<AlertLevel, number>>;
  sustainWindows: number;
  hysteresis: number;
  minChange: number;
  rise: { ratio: number; overMs: number; level: AlertLevel; minValue: number } | undefined;
  forecast:
    | {
        horizonMs: number;
        minWindows: number;
        confirmWindows: number;
        alpha: number;
        beta: number;
        damping: number;
        stepBelow: number;
      }
    | undefined;
}

export interface IncidentRule extends RuleBase {
  kind: 'incident';
  severities: Partial<Record<'minor' | 'major' | 'critical', AlertLevel>>;
  arterialWithinMeters: number;
}

export type Rule = ThresholdRule | IncidentRule;

export interface RulesConfig {
  rules: Rule[];
  routing: RulesFile['routing'];
  escalationAfterMs: Partial<Record<AlertLevel, number>>;
}

/** File form → runtime form: defaults applied, minutes → ms, disabled rules dropped. */
export function toRulesConfig(file: RulesFile): RulesConfig {
  const d = file.defaults;
  const rules = file.rules
    .filter((rule) => rule.enabled)
    .map((rule): Rule => {
      const base: RuleBase = {
        id: rule.id,
        category: rule.category,
        title: rule.title,
        coolDownMs: ms(rule.coolDownMinutes ?? (rule.kind === 'incident' ? 0 : d.coolDownMinutes)),
        expireNoDataMs: ms(rule.expireNoDataMinutes ?? d.expireNoDataMinutes),
      };
      if (rule.kind === 'incident') {
        return {
          ...base,
          kind: 'incident',
          severities: rule.severities,
          arterialWithinMeters: rule.arterialWithinMeters,
        };
      }
      return {
        ...base,
        kind: 'threshold',
        metric: rule.metric,
        unit: rule.unit,
        levels: rule.levels,
        sustainWindows: rule.sustainWindows ?? d.sustainWindows,
        hysteresis: rule.hysteresis ?? d.hysteresis,
        minChange: rule.minChange ?? d.minChange,
        rise: rule.rise && {
          ratio: rule.rise.percent / 100,
          overMs: ms(rule.rise.overMinutes),
          level: rule.rise.level,
          minValue: rule.rise.minValue,
        },
        forecast: rule.forecast && {
          horizonMs: ms(rule.forecast.horizonMinutes),
          minWindows: rule.forecast.minWindows,
          confirmWindows: rule.forecast.confirmWindows,
          alpha: rule.forecast.alpha,
          beta: rule.forecast.beta,
          damping: rule.forecast.damping,
          stepBelow: rule.forecast.stepBelow,
        },
      };
    });
  const escalationAfterMs: Partial<Record<AlertLevel, number>> = {};
  for (const level of ALERT_LEVELS) {
    const after = file.escalation.afterMinutes[level];
    if (after !== undefined) escalationAfterMs[level] = ms(after);
  }
  return { rules, routing: file.routing, escalationAfterMs };
}
