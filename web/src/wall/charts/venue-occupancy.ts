// People in each key venue against its capacity: the venue's cells summed from the live heat.
import type { LiveAggregate } from '@citybrain/schemas/events';
import type { EChartsOption } from 'echarts';
import type { VenueGeometry } from '../../realtime/geo.js';
import type { Lang } from '../store/ui-slice.js';
import { LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { CHART_BASE, CHART_FONT_SIZE, CHART_MUTED, CHART_TEXT } from './theme.js';

export interface VenueOccupancy {
  id: string;
  name: { zh: string; en: string };
  people: number;
  capacity: number;
  /** people ÷ capacity */
  ratio: number;
}

/**
 * Occupancy per venue, fullest first. The live feed carries each district's busiest cells only, so a venue
 * whose cells fell outside a truncated top-N counts low, never high: a lower bound, which is the safe side
 * for a wall that also shows the crowd alerts computed on the full stream.
 */
export function venueOccupancy(
  venues: readonly VenueGeometry[],
  live: ReadonlyMap<string, LiveAggregate>,
): VenueOccupancy[] {
  const venueOfCell = new Map<string, string>();
  for (const venue of venues) for (const cell of venue.cells) venueOfCell.set(cell, venue.id);
  const people = new Map<string, number>();
  for (const aggregate of live.values())
    for (const { cell, people: n } of aggregate.heat) {
      const venue = venueOfCell.get(cell);
      if (venue !== undefined) people.set(venue, (people.get(venue) ?? 0) + n);
    }
  return venues
    .map((venue) => {
      const count = Math.round(people.get(venue.id) ?? 0);
      return {
        id: venue.id,
        name: venue.name,
        people: count,
        capacity: venue.capacity,
        ratio: count / venue.capacity,
      };
    })
    .sort((a, b) => b.ratio - a.ratio || a.id.localeCompare(b.id));
}

/** One venue row at 1080p: its name line and bar (the panel fits eight). */
export const VENUE_ROW_PX = 46;

/** The crowd rules' thresholds, as colors: calm, watch (≥ 60 %), crowded (≥ 80 %), over capacity. */
export function occupancyColor(ratio: number): string {
  if (ratio >= 1) return cssColor(LEVEL_COLORS.red);
  if (ratio >= 0.8) return cssColor(LEVEL_COLORS.orange);
  if (ratio >= 0.6) return cssColor(LEVEL_COLORS.yellow);
  return '#26c6da';
}

/** "3.2万" / "32k": a count short enough for a bar label. */
export function compactCount(n: number, lang: Lang): string {
  if (lang === 'zh') return n >= 10_000 ? `${(n / 10_000).toFixed(n >= 100_000 ? 0 : 1)}万` : String(n);
  return n >= 1_000 ? `${(n / 1_000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}

/**
 * Horizontal bars of percent of capacity, one row per venue: its name and "people / capacity" above the bar
 * on the left, the percent in its level color on the right (a second category axis, so the column lines up).
 */
export function venueOccupancyOption(rows: readonly VenueOccupancy[], lang: Lang): EChartsOption {
  // Top to bottom, fullest first: a category axis draws its first item at the bottom.
  const ordered = [...rows].reverse();
  const max = Math.max(100, ...rows.map((row) => Math.ceil((row.ratio * 100) / 20) * 20));
  const names = ordered.map((row) => row.name[lang]);
  const percent = (index: number) => `${Math.round((ordered[index]?.ratio ?? 0) * 100)}%`;
  const rowLabel: { inside: true; verticalAlign: 'bottom'; padding: number[]; fontSize: number } = {
    inside: true,
    verticalAlign: 'bottom',
    padding: [0, 0, 12, 0],
    fontSize: CHART_FONT_SIZE,
  } as const;
  const hidden = { axisTick: { show: false }, axisLine: { show: false } };
  return {
    ...CHART_BASE,
    // Fixed row height, so a district wall with two venues shows two rows at the top, not two stretched apart.
    grid: { left: 2, right: 2, top: 26, height: rows.length * VENUE_ROW_PX, containLabel: false },
    xAxis: { type: 'value', min: 0, max, show: false },
    yAxis: [
      {
        type: 'category',
        data: names,
        ...hidden,
        axisLabel: {
          ...rowLabel,
          color: CHART_TEXT,
          formatter: (name: string | number, index: number) => {
            const row = ordered[index];
            return row === undefined
              ? String(name)
              : `${name}  {count|${compactCount(row.people, lang)} / ${compactCount(row.capacity, lang)}}`;
          },
          rich: { count: { color: CHART_MUTED, fontSize: CHART_FONT_SIZE - 2 } },
        },
      },
      {
        type: 'category',
        position: 'right',
        data: names,
        ...hidden,
        axisLabel: {
          ...rowLabel,
          fontWeight: 'bold',
          formatter: (_name: string | number, index: number) => percent(index),
          color: (_value?: string | number, index?: number) =>
            occupancyColor(ordered[index ?? 0]?.ratio ?? 0),
        },
      },
    ],
    series: [
      {
        type: 'bar',
        yAxisIndex: 0,
        barWidth: 12,
        data: ordered.map((row) => ({
          value: Math.round(row.ratio * 1000) / 10,
          itemStyle: { color: occupancyColor(row.ratio), borderRadius: 3 },
        })),
        showBackground: true,
        backgroundStyle: { color: 'rgba(159, 180, 214, 0.12)', borderRadius: 3 },
        // Capacity, when a venue over it stretched the axis.
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: CHART_MUTED, type: 'dashed', width: 1 },
          data: max > 100 ? [{ xAxis: 100 }] : [],
        },
      },
    ],
  };
}
