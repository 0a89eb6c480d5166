// Air quality per district from the live aggregates' `air` (streams: mean of each station's latest reading):
// the worst districts first on a city wall, the district beside the city on a district wall. Bars are the
// AQI in its HJ 633-2012 category color; PM2.5 rides along in the row's label.
import { LIVE_CITY_KEY, type LiveAggregate } from '@citybrain/schemas/events';
import type { EChartsOption } from 'echarts';
import type { Lang } from '../store/ui-slice.js';
import { labelledBarsOption } from './labelled-bars.js';
import { CHART_MUTED } from './theme.js';

/** China's AQI categories (HJ 633-2012), with the official colors lifted where they vanish on the dark wall. */
export const AQI_BANDS: readonly { upTo: number; zh: string; en: string; color: string }[] = [
  { upTo: 50, zh: '优', en: 'Excellent', color: '#00e400' },
  { upTo: 100, zh: '良', en: 'Good', color: '#ffff00' },
  { upTo: 150, zh: '轻度污染', en: 'Light', color: '#ff7e00' },
  { upTo: 200, zh: '中度污染', en: 'Moderate', color: '#ff0000' },
  { upTo: 300, zh: '重度污染', en: 'Heavy', color: '#c2185b' },
  { upTo: Infinity, zh: '严重污染', en: 'Severe', color: '#a0153e' },
];

/** AQI above this exceeds the national standard (轻度污染 and worse). */
export const AQI_STANDARD = 100;

export function aqiBand(aqi: number): (typeof AQI_BANDS)[number] {
  return (
    AQI_BANDS.find((band) => Math.round(aqi) <= band.upTo) ?? (AQI_BANDS.at(-1) as (typeof AQI_BANDS)[number])
  );
}

export interface AirRow {
  /** Adcode, or 'city'. */
  key: string;
  aqi: number | null;
  pm25: number | null;
}

/** The panel fits this many rows at 1080p. */
export const AIR_MAX_ROWS = 4;
export const AIR_ROW_PX = 40;

/**
 * City wall: the districts with air data, worst AQI first (no AQI last), at most `limit`. District wall (its
 * own district in `focus`): that district, then the city for comparison.
 */
export function airRows(
  live: ReadonlyMap<string, LiveAggregate>,
  focus: string | undefined,
  limit = AIR_MAX_ROWS,
): AirRow[] {
  const rowOf = (key: string): AirRow | undefined => {
    const air = live.get(key)?.air;
    return air && (air.aqi !== null || air.pm25 !== null) ? { key, aqi: air.aqi, pm25: air.pm25 } : undefined;
  };
  if (focus !== undefined)
    return [rowOf(focus), rowOf(LIVE_CITY_KEY)].filter((row): row is AirRow => row !== undefined);
  const rows: AirRow[] = [];
  for (const key of live.keys()) {
    if (key === LIVE_CITY_KEY) continue;
    const row = rowOf(key);
    if (row) rows.push(row);
  }
  return rows.sort((a, b) => (b.aqi ?? -1) - (a.aqi ?? -1) || a.key.localeCompare(b.key)).slice(0, limit);
}

/** The city's AQI for the panel's title, if any station reports. */
export function cityAqi(live: ReadonlyMap<string, LiveAggregate>): number | null {
  return live.get(LIVE_CITY_KEY)?.air?.aqi ?? null;
}

export function airQualityOption(
  rows: readonly AirRow[],
  name: (key: string) => string,
  lang: Lang,
): EChartsOption {
  return labelledBarsOption(
    rows.map((row) => ({
      name: name(row.key),
      detail: row.pm25 == null ? undefined : `PM2.5 ${Math.round(row.pm25)}`,
      figure: row.aqi == null ? '—' : `${Math.round(row.aqi)} ${aqiBand(row.aqi)[lang]}`,
      value: row.aqi ?? 0,
      color: row.aqi == null ? CHART_MUTED : aqiBand(row.aqi).color,
    })),
    {
      rowPx: AIR_ROW_PX,
      top: 24,
      labelGapPx: 10,
      barWidth: 10,
      max: Math.max(150, ...rows.map((row) => Math.ceil((row.aqi ?? 0) / 50) * 50)),
      // The national standard: beyond it the air is polluted.
      reference: AQI_STANDARD,
    },
  );
}
