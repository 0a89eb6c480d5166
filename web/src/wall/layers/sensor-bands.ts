// What a sensor's reading means, as a colour band per kind: China's air-quality categories (HJ 633-2012),
// the noise limits of GB 3096-2008, and for water and rain the thresholds of streams' default rules
// (streams/rules/default.yaml), so a dot turns yellow exactly when the reading would raise a yellow warning.
// Pure tables and one lookup, read by the map's sensor layer and its legend alike. Web keeps its own copy of
// the rule figures because web does not import streams; change both together.
import type { SensorKind } from '@citybrain/schemas/events';
import { LEVEL_COLORS, type Rgba } from './colors.js';

export interface SensorBand {
  color: Rgba;
  zh: string;
  en: string;
}

export interface BandTable {
  /**
   * Band boundaries, ascending: band i holds the readings between edges[i-1] and edges[i]. Upper-inclusive
   * tables (a standard's "≤ limit") put a reading on an edge in the lower band; lower-inclusive ones (a rule's
   * "≥ threshold") in the upper band.
   */
  edges: readonly number[];
  inclusive: 'upper' | 'lower';
  /** One more band than edges. */
  bands: readonly SensorBand[];
  /** AQI is a whole number: a mean rounds before it is banded (as the air-quality panel does). */
  round?: boolean;
}

const rgb = (hex: string): Rgba => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
  255,
];

/**
 * HJ 633-2012 AQI categories in their official colours (green, yellow, orange, red, purple, maroon), the last
 * two lifted where they vanish on the dark wall — the same colours as the air-quality panel.
 */
export const AQI_CATEGORIES: readonly SensorBand[] = [
  { zh: '优', en: 'Excellent', color: rgb('#00e400') },
  { zh: '良', en: 'Good', color: rgb('#ffff00') },
  { zh: '轻度污染', en: 'Light', color: rgb('#ff7e00') },
  { zh: '中度污染', en: 'Moderate', color: rgb('#ff0000') },
  { zh: '重度污染', en: 'Heavy', color: rgb('#c2185b') },
  { zh: '严重污染', en: 'Severe', color: rgb('#a0153e') },
];

/**
 * HJ 633-2012 table 1: the concentrations at IAQI 50, 100, 150, 200 and 300 (24-hour means, µg/m³); a reading
 * belongs to the category its IAQI would fall in. Streams' air rules apply the same 24-hour figures to window
 * means, so the map and the warnings agree.
 */
const airTable = (edges: readonly number[], round = false): BandTable => ({
  edges,
  inclusive: 'upper',
  bands: AQI_CATEGORIES,
  ...(round ? { round } : {}),
});

/** Below the rule's blue threshold: normal; then the warning level the reading would raise. */
const warningBands = (normal: SensorBand): readonly SensorBand[] => [
  normal,
  { zh: '蓝色', en: 'Blue', color: LEVEL_COLORS.blue },
  { zh: '黄色', en: 'Yellow', color: LEVEL_COLORS.yellow },
  { zh: '橙色', en: 'Orange', color: LEVEL_COLORS.orange },
  { zh: '红色', en: 'Red', color: LEVEL_COLORS.red },
];

const WATER_NORMAL: SensorBand = { zh: '正常', en: 'Normal', color: [38, 198, 218, 255] };

/** Temperature has no warning band here: one neutral colour, so it never reads as good or bad. */
export const NEUTRAL_BAND: SensorBand = { zh: '温度', en: 'Temperature', color: [176, 190, 197, 255] };

export const SENSOR_BANDS: Readonly<Record<SensorKind, BandTable>> = {
  'air.aqi': airTable([50, 100, 150, 200, 300], true),
  'air.pm25': airTable([35, 75, 115, 150, 250]),
  'air.pm10': airTable([50, 150, 250, 350, 420]),
  'air.no2': airTable([40, 80, 180, 280, 565]),
  // streams/rules/default.yaml water-level: blue 2.5, yellow 3.0, orange 3.5, red 4.0 m.
  'water.level': { edges: [2.5, 3.0, 3.5, 4.0], inclusive: 'lower', bands: warningBands(WATER_NORMAL) },
  // streams/rules/default.yaml rain-intensity: blue 16 (heavy rain), yellow 30, orange 50, red 100 mm/h.
  'rain.intensity': { edges: [16, 30, 50, 100], inclusive: 'lower', bands: warningBands(WATER_NORMAL) },
  // GB 3096-2008 daytime limits by functional zone, dB(A): class 0 50, 1 55, 2 60, 3 65, 4 70. A sensor's
  // zone is not known here, so a reading is banded by the quietest class whose limit it still meets.
  'noise.leq': {
    edges: [50, 55, 60, 65, 70],
    inclusive: 'upper',
    bands: [
      { zh: '0类 ≤50', en: 'Class 0 ≤50', color: [0, 200, 83, 255] },
      { zh: '1类 ≤55', en: 'Class 1 ≤55', color: [139, 195, 74, 255] },
      { zh: '2类 ≤60', en: 'Class 2 ≤60', color: [205, 220, 57, 255] },
      { zh: '3类 ≤65', en: 'Class 3 ≤65', color: [255, 193, 7, 255] },
      { zh: '4类 ≤70', en: 'Class 4 ≤70', color: [255, 112, 67, 255] },
      { zh: '超标 >70', en: 'Over 70', color: [229, 57, 53, 255] },
    ],
  },
  temperature: { edges: [], inclusive: 'upper', bands: [NEUTRAL_BAND] },
};

/** The band index of a reading: 0 is the best band. */
export function bandIndex(table: BandTable, value: number): number {
  const v = table.round ? Math.round(value) : value;
  let i = 0;
  for (const edge of table.edges) if (table.inclusive === 'upper' ? v > edge : v >= edge) i += 1;
  return i;
}

export function sensorBand(kind: SensorKind, value: number): SensorBand {
  const table = SENSOR_BANDS[kind];
  return table.bands[bandIndex(table, value)] ?? NEUTRAL_BAND;
}

/** The legend's groups: one swatch strip per family of kinds, best band first. */
export const SENSOR_LEGEND: readonly { zh: string; en: string; bands: readonly SensorBand[] }[] = [
  { zh: '空气', en: 'Air', bands: AQI_CATEGORIES },
  { zh: '水位·雨量', en: 'Water·rain', bands: SENSOR_BANDS['water.level'].bands },
  { zh: '噪声', en: 'Noise', bands: SENSOR_BANDS['noise.leq'].bands },
  { zh: '温度', en: 'Temp.', bands: [NEUTRAL_BAND] },
];
