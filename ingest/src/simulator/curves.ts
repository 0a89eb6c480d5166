// Shapes of city life over the local day and of scenario build-ups. Values are illustrative planning
// figures (what an ops center would expect to see), not measurements.

/** 0 up to x = 0, 1 from x = 1, an S-curve between: build-ups start and end gently, as crowds do. */
export function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
}

/** Linear interpolation in a table of 24 values given at each full hour, wrapping past midnight. */
function hourly(table: readonly number[], hour: number): number {
  const base = Math.floor(hour) % 24;
  const next = (base + 1) % 24;
  const t = hour - Math.floor(hour);
  return (table[base] ?? 0) * (1 - t) + (table[next] ?? 0) * t;
}

export type CrowdProfile = 'park' | 'beach' | 'station' | 'port' | 'attraction' | 'plaza' | 'commercial';

// Share of a venue's capacity present at each hour (commercial: share of the area's peak). Parks and beaches
// fill in the afternoon and evening; stations and border ports follow commuters; shopping streets peak at night.
// prettier-ignore
const CROWD_BY_HOUR: Readonly<Record<CrowdProfile, readonly number[]>> = {
  //           0     1     2     3     4     5     6     7     8     9    10    11    12    13    14    15    16    17    18    19    20    21    22    23
  park:       [0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.10, 0.15, 0.17, 0.19, 0.23, 0.27, 0.29, 0.30, 0.33, 0.38, 0.42, 0.45, 0.45, 0.43, 0.37, 0.27, 0.14, 0.06],
  beach:      [0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.08, 0.12, 0.18, 0.26, 0.33, 0.38, 0.42, 0.46, 0.50, 0.50, 0.46, 0.38, 0.30, 0.22, 0.14, 0.07, 0.03],
  station:    [0.06, 0.02, 0.01, 0.01, 0.02, 0.06, 0.20, 0.42, 0.55, 0.46, 0.40, 0.40, 0.40, 0.40, 0.42, 0.45, 0.50, 0.60, 0.62, 0.52, 0.42, 0.34, 0.22, 0.12],
  port:       [0.03, 0.00, 0.00, 0.00, 0.00, 0.01, 0.10, 0.35, 0.50, 0.45, 0.40, 0.38, 0.36, 0.36, 0.38, 0.40, 0.45, 0.52, 0.55, 0.48, 0.40, 0.30, 0.18, 0.08],
  attraction: [0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.01, 0.03, 0.15, 0.30, 0.38, 0.40, 0.42, 0.48, 0.50, 0.50, 0.45, 0.40, 0.42, 0.40, 0.30, 0.10, 0.02],
  plaza:      [0.05, 0.03, 0.02, 0.02, 0.02, 0.03, 0.06, 0.10, 0.14, 0.18, 0.22, 0.28, 0.32, 0.33, 0.35, 0.40, 0.42, 0.45, 0.50, 0.55, 0.60, 0.50, 0.30, 0.12],
  commercial: [0.10, 0.05, 0.03, 0.03, 0.03, 0.05, 0.12, 0.30, 0.45, 0.55, 0.62, 0.70, 0.78, 0.75, 0.75, 0.80, 0.82, 0.85, 0.90, 0.95, 1.00, 0.88, 0.55, 0.25],
};

export function crowdShare(profile: CrowdProfile, hour: number): number {
  return hourly(CROWD_BY_HOUR[profile], hour);
}

/**
 * Road traffic demand over the day, ~0.1 at night, ~0.6 at midday and ~1.1 at the rush peaks: a daytime
 * plateau plus two bumps centred on 08:30 and 18:30, so the rush hours 07:30–09:30 and 17:30–19:30 stand out.
 */
export function trafficDemand(hour: number): number {
  const daytime = 1 / (1 + Math.exp(-(hour - 6.5) * 2)) / (1 + Math.exp((hour - 22.5) * 1.5));
  const morningRush = Math.exp(-(((hour - 8.5) / 0.7) ** 2));
  const eveningRush = Math.exp(-(((hour - 18.5) / 0.75) ** 2));
  return 0.1 + 0.5 * daytime + 0.45 * morningRush + 0.5 * eveningRush;
}

/** Shenzhen's monthly mean air temperature, °C (climate normals, rounded). */
const MONTHLY_MEAN_TEMPERATURE = [15.4, 16.5, 19.2, 22.9, 26.4, 28.1, 28.9, 28.7, 27.6, 25.1, 21.1, 17.1];

/** Air temperature: the month's mean plus a daily swing peaking mid-afternoon. */
export function airTemperature(month: number, hour: number): number {
  const mean = MONTHLY_MEAN_TEMPERATURE[month] ?? 22.5;
  return mean + 3.5 * Math.cos((2 * Math.PI * (hour - 14.5)) / 24);
}

/**
 * Fine particles: higher in the dry winter monsoon, lower in the wet summer; higher at night and in the
 * morning (shallow mixing layer) than in the afternoon.
 */
export function particleFactor(month: number, hour: number): number {
  const seasonal = [1.45, 1.35, 1.15, 0.95, 0.8, 0.7, 0.65, 0.7, 0.85, 1.05, 1.25, 1.4][month] ?? 1;
  return seasonal * (1 + 0.2 * Math.cos((2 * Math.PI * (hour - 6)) / 24));
}
