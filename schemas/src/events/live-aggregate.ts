// What streams/ publishes on city.live.v1 every few seconds, keyed by district (DESIGN §4): the wall display's
// live picture. Sized for a browser: each district message carries only its top-N heat cells and most
// congested segments, and a district whose picture did not change is not republished.
import { z } from 'zod';
import { adcode } from './alert.js';
import { eventTime, h3Cell } from './common.js';
import { sensorKind } from './sensor-reading.js';

/** The whole-city summary message uses this key instead of an adcode. */
export const LIVE_CITY_KEY = 'city';

export const liveAlertCounts = z.object({
  blue: z.number().int().min(0),
  yellow: z.number().int().min(0),
  orange: z.number().int().min(0),
  red: z.number().int().min(0),
});
export type LiveAlertCounts = z.infer<typeof liveAlertCounts>;

export const liveKpis = z.object({
  /** People counted in the district's crowd cells (latest report per cell, stale cells left out). */
  people: z.number().min(0),
  /** Mean congestion index (free-flow ÷ current speed; 1 = free flow) over reporting segments; null: no data. */
  congestionIndex: z.number().min(0).nullable(),
  /** Active (not resolved or expired) alerts by level. */
  activeAlerts: liveAlertCounts,
});
export type LiveKpis = z.infer<typeof liveKpis>;

export const liveHeatCell = z.object({ cell: h3Cell, people: z.number().min(0) });

/**
 * Air quality in a district (or the city): the mean of each station's latest reading per pollutant, stations
 * that stopped reporting left out. null: no station of that kind reports there.
 */
export const liveAir = z.object({
  /** Air quality index (HJ 633-2012): 0–50 excellent … > 300 severe. */
  aqi: z.number().min(0).nullable(),
  /** µg/m³ */
  pm25: z.number().min(0).nullable(),
  /** µg/m³ */
  pm10: z.number().min(0).nullable(),
  /** µg/m³ */
  no2: z.number().min(0).nullable(),
  /** Stations reporting any of these pollutants. */
  stations: z.number().int().min(0),
});
export type LiveAir = z.infer<typeof liveAir>;

/** At most this many sensors in one district's message (the demo city has ~300 sensors in nine districts). */
export const LIVE_SENSORS_MAX = 100;

/** One sensor's latest reading, for the wall's sensor layer (sensors report locations, no personal data). */
export const liveSensor = z.object({
  sensorId: z.string().min(1).max(128),
  kind: sensorKind,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  value: z.number(),
  /** The kind's canonical unit (SENSOR_KINDS). */
  unit: z.string().min(1).max(16),
  /** Event time of the reading. */
  ts: eventTime,
});
export type LiveSensor = z.infer<typeof liveSensor>;

export const liveSegment = z.object({
  segmentId: z.string().min(1),
  speedKmh: z.number().min(0),
  congestionIndex: z.number().min(0),
  lat: z.number(),
  lon: z.number(),
});

export const liveAggregate = z.object({
  /** District adcode, or 'city' for the whole-city summary (its heat and segments are empty). */
  district: z.union([adcode, z.literal(LIVE_CITY_KEY)]),
  /** Monotonic per publisher run: a client drops a message older than the one it holds. */
  seq: z.number().int().min(0),
  /** Wall-clock publish time. */
  ts: eventTime,
  /** Event time the picture is current to (the stream's watermark). */
  asOf: eventTime,
  kpis: liveKpis,
  /** The district's busiest cells, most people first (at most the publisher's top-N). */
  heat: z.array(liveHeatCell),
  /** The district's most congested segments, highest index first (at most the publisher's top-N). */
  congestion: z.array(liveSegment),
  /** True when `heat` was cut at top-N: the district has more reporting cells than shown. */
  truncated: z.boolean(),
  /**
   * Air quality from the district's stations. Optional: publishers before this field existed, and districts
   * without an air station, leave it out.
   */
  air: liveAir.optional(),
  /**
   * Each reporting sensor's latest reading in the district, newest first, at most LIVE_SENSORS_MAX. Optional
   * like `air`: older publishers, the city summary and districts without a sensor leave it out.
   */
  sensors: z.array(liveSensor).max(LIVE_SENSORS_MAX).optional(),
});
export type LiveAggregate = z.infer<typeof liveAggregate>;
