// People in each key venue against its capacity: the venue's cells summed from the live heat.
import type { LiveAggregate } from '@citybrain/schemas/events';
import type { EChartsOption } from 'echarts';
import type { VenueGeometry } from '../../realtime/geo.js';
import type { Lang } from '../store/ui-slice.js';
import { LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { labelledBarsOption } from './labelled-bars.js';

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
  const max = Math.max(100, ...rows.map((row) => Math.ceil((row.ratio * 100) / 20) * 20));
  return labelledBarsOption(
    rows.map((row) => ({
      name: row.name[lang],
      detail: `${compactCount(row.people, lang)} / ${compactCount(row.capacity, lang)}`,
      figure: `${Math.round(row.ratio * 100)}%`,
      value: Math.round(row.ratio * 1000) / 10,
      color: occupancyColor(row.ratio),
    })),
    {
      rowPx: VENUE_ROW_PX,
      top: 26,
      labelGapPx: 12,
      barWidth: 12,
      max,
      // Capacity, when a venue over it stretched the axis.
      reference: max > 100 ? 100 : undefined,
    },
  );
}
