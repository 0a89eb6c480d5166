// LiveStore + active alerts → the LiveAggregate messages of one tick: one per district (its top-N cells and
// most congested segments, KPIs) plus a city summary. Pure.
import type { Alert, LiveAggregate, LiveAir, LiveAlertCounts, LiveSensor } from '@citybrain/schemas/events';
import { LIVE_CITY_KEY, LIVE_SENSORS_MAX, SENSOR_KINDS } from '@citybrain/schemas/events';
import { AIR_KINDS, isAirKind, type AirKind, type LiveStation, type LiveStore } from './live-store.js';

export interface LiveViewOptions {
  topCells: number;
  topSegments: number;
  seq: number;
  nowMs: number;
}

interface DistrictAcc {
  people: number;
  ciSum: number;
  segments: number;
  cells: { cell: string; people: number }[];
  congestion: LiveAggregate['congestion'];
  alerts: LiveAlertCounts;
  air: AirAcc;
  sensors: { sensorId: string; station: LiveStation }[];
}

/** Sum and count of station readings per pollutant. */
type AirAcc = Record<AirKind, { sum: number; n: number }>;

const emptyAir = (): AirAcc =>
  Object.fromEntries(AIR_KINDS.map((kind) => [kind, { sum: 0, n: 0 }])) as AirAcc;

/** Means of the stations' latest readings (AQI whole, concentrations to 0.1); none reporting: no field. */
function airOf(acc: AirAcc): LiveAir | undefined {
  const stations = AIR_KINDS.reduce((sum, kind) => sum + acc[kind].n, 0);
  if (stations === 0) return undefined;
  const meanOf = (kind: AirKind, digits: number) => {
    const { sum, n } = acc[kind];
    const scale = 10 ** digits;
    return n === 0 ? null : Math.round((sum / n) * scale) / scale;
  };
  return {
    aqi: meanOf('air.aqi', 0),
    pm25: meanOf('air.pm25', 1),
    pm10: meanOf('air.pm10', 1),
    no2: meanOf('air.no2', 1),
    stations,
  };
}

function addTo(sum: { sum: number; n: number }, value: number): void {
  sum.sum += value;
  sum.n += 1;
}

/**
 * The district's sensors for the wall's map, newest reading first, cut at LIVE_SENSORS_MAX: the newest are
 * what changed, and a cut list stays a valid message. Ties by id, so an unchanged picture sends the same list.
 */
function sensorsOf(entries: { sensorId: string; station: LiveStation }[]): LiveSensor[] {
  entries.sort((a, b) => b.station.tsMs - a.station.tsMs || (a.sensorId < b.sensorId ? -1 : 1));
  return entries.slice(0, LIVE_SENSORS_MAX).map(({ sensorId, station }) => ({
    sensorId,
    kind: station.kind,
    lat: station.lat,
    lon: station.lon,
    value: station.value,
    unit: SENSOR_KINDS[station.kind].unit,
    ts: new Date(station.tsMs).toISOString(),
  }));
}

const emptyCounts = (): LiveAlertCounts => ({ blue: 0, yellow: 0, orange: 0, red: 0 });

export function buildLiveView(
  store: LiveStore,
  alerts: Iterable<Alert>,
  options: LiveViewOptions,
): LiveAggregate[] {
  const districts = new Map<string, DistrictAcc>();
  const acc = (adcode: string): DistrictAcc => {
    let d = districts.get(adcode);
    if (!d) {
      d = {
        people: 0,
        ciSum: 0,
        segments: 0,
        cells: [],
        congestion: [],
        alerts: emptyCounts(),
        air: emptyAir(),
        sensors: [],
      };
      districts.set(adcode, d);
    }
    return d;
  };
  const city = { people: 0, ciSum: 0, segments: 0, alerts: emptyCounts(), air: emptyAir() };
  for (const [cell, entry] of store.cells) {
    city.people += entry.people;
    if (entry.district === '') continue;
    const d = acc(entry.district);
    d.people += entry.people;
    d.cells.push({ cell, people: entry.people });
  }
  for (const [segmentId, s] of store.segments) {
    city.ciSum += s.congestionIndex;
    city.segments += 1;
    if (s.district === '') continue;
    const d = acc(s.district);
    d.ciSum += s.congestionIndex;
    d.segments += 1;
    d.congestion.push({
      segmentId,
      speedKmh: s.speedKmh,
      congestionIndex: s.congestionIndex,
      lat: s.lat,
      lon: s.lon,
    });
  }
  // Each station counts once toward its district and once toward the city (not a mean of district means).
  for (const [sensorId, station] of store.stations) {
    if (station.district === '') {
      if (isAirKind(station.kind)) addTo(city.air[station.kind], station.value);
      continue;
    }
    const d = acc(station.district);
    d.sensors.push({ sensorId, station });
    if (!isAirKind(station.kind)) continue;
    addTo(city.air[station.kind], station.value);
    addTo(d.air[station.kind], station.value);
  }
  for (const alert of alerts) {
    city.alerts[alert.level] += 1;
    acc(alert.district).alerts[alert.level] += 1;
  }
  const ts = new Date(options.nowMs).toISOString();
  const asOf = new Date(Number.isFinite(store.asOfMs) ? store.asOfMs : options.nowMs).toISOString();
  const messages: LiveAggregate[] = [];
  for (const [district, d] of [...districts].sort(([a], [b]) => a.localeCompare(b))) {
    d.cells.sort((a, b) => b.people - a.people);
    d.congestion.sort((a, b) => b.congestionIndex - a.congestionIndex);
    const air = airOf(d.air);
    const sensors = sensorsOf(d.sensors);
    messages.push({
      district,
      seq: options.seq,
      ts,
      asOf,
      kpis: { people: d.people, congestionIndex: mean(d.ciSum, d.segments), activeAlerts: d.alerts },
      heat: d.cells.slice(0, options.topCells),
      congestion: d.congestion.slice(0, options.topSegments),
      truncated: d.cells.length > options.topCells,
      ...(air ? { air } : {}),
      ...(sensors.length > 0 ? { sensors } : {}),
    });
  }
  const cityAir = airOf(city.air);
  messages.push({
    district: LIVE_CITY_KEY,
    seq: options.seq,
    ts,
    asOf,
    kpis: {
      people: city.people,
      congestionIndex: mean(city.ciSum, city.segments),
      activeAlerts: city.alerts,
    },
    heat: [],
    congestion: [],
    truncated: false,
    ...(cityAir ? { air: cityAir } : {}),
  });
  return messages;
}

function mean(sum: number, n: number): number | null {
  return n === 0 ? null : Math.round((sum / n) * 100) / 100;
}
