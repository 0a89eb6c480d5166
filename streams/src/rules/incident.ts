// An open traffic incident of a configured severity near an arterial raises an alert at once (no window: a
// blocked arterial is news now); the report that clears it clears the alert.
import type { IncidentObservation } from '../input/observation.js';
import type { SubjectCatalog } from '../subjects/catalog.js';
import type { Decision } from './evaluator.js';
import type { IncidentRule } from './schema.js';

const SEVERITY_RANK = { minor: 1, major: 2, critical: 3 } as const;

export function evaluateIncident(
  rule: IncidentRule,
  incident: IncidentObservation,
  position: { lat: number; lon: number },
  catalog: SubjectCatalog,
): Decision {
  const nearest = catalog.nearestArterial(position.lat, position.lon);
  const onArterial = nearest !== undefined && nearest.meters <= rule.arterialWithinMeters;
  const level = incident.open && onArterial ? (rule.severities[incident.severity] ?? null) : null;
  const evidence: Record<string, number | string> = {
    incidentId: incident.incidentId,
    type: incident.incidentType,
    severity: incident.severity,
    status: incident.open ? 'open' : 'cleared',
  };
  if (incident.lanesBlocked !== undefined) evidence.lanesBlocked = incident.lanesBlocked;
  if (nearest) {
    evidence.arterialSegment = nearest.segmentId;
    evidence.arterialDistanceM = Math.round(nearest.meters);
  }
  const configured = Object.entries(rule.severities).find(([, l]) => l === level)?.[0];
  const thresholdSeverity = (configured ?? 'critical') as keyof typeof SEVERITY_RANK;
  return {
    level,
    trigger: level === null ? null : 'threshold',
    value: SEVERITY_RANK[incident.severity],
    threshold: SEVERITY_RANK[thresholdSeverity],
    forecast: undefined,
    evidence,
  };
}
