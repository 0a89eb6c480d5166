// The history routes' answers → a ReplayPicture in the live picture's shapes: one LiveAggregate per district
// (its cells, segments, KPIs and air) plus the city summary, as streams would have published them at that
// instant. Pure.
import {
  LIVE_CITY_KEY,
  type Alert,
  type LiveAggregate,
  type LiveAlertCounts,
  type LiveAir,
} from '@citybrain/schemas/events';
import type { HistoryAir, HistoryAlerts, HistoryHeat } from '../../realtime/history.js';
import type { ReplayPicture } from '../store/history-slice.js';

interface DistrictParts {
  heat: LiveAggregate['heat'];
  congestion: LiveAggregate['congestion'];
  people: number;
  alerts: LiveAlertCounts;
  air: LiveAir | undefined;
}

const noCounts = (): LiveAlertCounts => ({ blue: 0, yellow: 0, orange: 0, red: 0 });

function meanIndex(segments: LiveAggregate['congestion']): number | null {
  if (segments.length === 0) return null;
  const sum = segments.reduce((total, segment) => total + segment.congestionIndex, 0);
  return Math.round((sum / segments.length) * 100) / 100;
}

export function replayPicture(
  at: number,
  heat: HistoryHeat,
  alerts: HistoryAlerts,
  air: HistoryAir,
): ReplayPicture {
  const districts = new Map<string, DistrictParts>();
  const partsOf = (district: string): DistrictParts => {
    let parts = districts.get(district);
    if (parts === undefined) {
      parts = { heat: [], congestion: [], people: 0, alerts: noCounts(), air: undefined };
      districts.set(district, parts);
    }
    return parts;
  };
  let cityPeople = 0;
  // Cells and segments outside every district count toward the city only, as in the live view.
  for (const { cell, district, people } of heat.cells) {
    cityPeople += people;
    if (district === '') continue;
    const parts = partsOf(district);
    parts.heat.push({ cell, people });
    parts.people += people;
  }
  const allSegments: LiveAggregate['congestion'] = [];
  for (const { district, ...segment } of heat.segments) {
    allSegments.push(segment);
    if (district !== '') partsOf(district).congestion.push(segment);
  }
  const cityAlerts = noCounts();
  for (const alert of alerts.alerts) {
    cityAlerts[alert.level] += 1;
    partsOf(alert.district).alerts[alert.level] += 1;
  }
  let cityAir: LiveAir | undefined;
  for (const { district, ...values } of air.districts) {
    if (district === LIVE_CITY_KEY) cityAir = values;
    else partsOf(district).air = values;
  }

  const ts = new Date(at).toISOString();
  const aggregate = (district: string, parts: DistrictParts, congestionIndex: number | null) => ({
    district,
    seq: 0,
    ts,
    asOf: ts,
    kpis: { people: parts.people, congestionIndex, activeAlerts: parts.alerts },
    heat: parts.heat,
    congestion: parts.congestion,
    truncated: heat.truncated,
    ...(parts.air ? { air: parts.air } : {}),
  });
  const live = new Map<string, LiveAggregate>();
  for (const [district, parts] of districts)
    live.set(district, aggregate(district, parts, meanIndex(parts.congestion)));
  live.set(
    LIVE_CITY_KEY,
    aggregate(
      LIVE_CITY_KEY,
      { heat: [], congestion: [], people: cityPeople, alerts: cityAlerts, air: cityAir },
      meanIndex(allSegments),
    ),
  );
  return {
    at,
    live,
    alerts: new Map(alerts.alerts.map((alert: Alert) => [alert.alertId, alert])),
    congestionTrend: heat.trend,
  };
}
