// Active alerts counted by level (a ring) and by district (bars stacked by level).
import { ALERT_LEVELS, type Alert, type AlertLevel } from '@citybrain/schemas/events';
import type { EChartsOption } from 'echarts';
import type { Lang } from '../store/ui-slice.js';
import { LEVEL_NAMES } from '../i18n.js';
import { LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { CHART_BASE, CHART_FONT_SIZE, CHART_MUTED, CHART_TEXT, axisLine, splitLine } from './theme.js';

export type LevelCounts = Record<AlertLevel, number>;

export function alertsByLevel(alerts: Iterable<Alert>): LevelCounts {
  const counts: LevelCounts = { blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const alert of alerts) counts[alert.level] += 1;
  return counts;
}

export interface DistrictCounts {
  district: string;
  total: number;
  byLevel: LevelCounts;
}

/** Districts with at least one alert, most alerts first (most severe breaking ties), at most `limit`. */
export function alertsByDistrict(alerts: Iterable<Alert>, limit = 6): DistrictCounts[] {
  const rows = new Map<string, DistrictCounts>();
  for (const alert of alerts) {
    let row = rows.get(alert.district);
    if (row === undefined) {
      row = { district: alert.district, total: 0, byLevel: { blue: 0, yellow: 0, orange: 0, red: 0 } };
      rows.set(alert.district, row);
    }
    row.total += 1;
    row.byLevel[alert.level] += 1;
  }
  const severity = (row: DistrictCounts) => ALERT_LEVELS.map((level) => row.byLevel[level]).reverse();
  return [...rows.values()]
    .sort((a, b) => {
      if (b.total !== a.total) return b.total - a.total;
      const [sa, sb] = [severity(a), severity(b)];
      for (let i = 0; i < sa.length; i++)
        if ((sb[i] ?? 0) !== (sa[i] ?? 0)) return (sb[i] ?? 0) - (sa[i] ?? 0);
      return a.district.localeCompare(b.district);
    })
    .slice(0, limit);
}

const MOST_SEVERE_FIRST = [...ALERT_LEVELS].reverse();

/** Left: a ring of levels with the total in its hole; right: districts as bars stacked by level. */
export function alertStatsOption(
  byLevel: LevelCounts,
  byDistrict: readonly DistrictCounts[],
  districtName: (adcode: string) => string,
  lang: Lang,
): EChartsOption {
  const total = ALERT_LEVELS.reduce((sum, level) => sum + byLevel[level], 0);
  // Top to bottom, most alerts first: a category axis draws its first item at the bottom.
  const districts = [...byDistrict].reverse();
  const maxTotal = Math.max(1, ...byDistrict.map((row) => row.total));
  return {
    ...CHART_BASE,
    title: {
      text: String(total),
      subtext: lang === 'zh' ? '条' : 'active',
      left: '22%',
      top: '38%',
      textAlign: 'center',
      itemGap: 2,
      textStyle: { color: CHART_TEXT, fontSize: 34, fontWeight: 'bold' },
      subtextStyle: { color: CHART_MUTED, fontSize: CHART_FONT_SIZE - 2 },
    },
    grid: { left: '46%', right: 16, top: 8, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      max: maxTotal,
      splitNumber: Math.min(maxTotal, 4),
      splitLine: splitLine(),
      axisLabel: { color: CHART_MUTED, fontSize: CHART_FONT_SIZE - 2 },
    },
    yAxis: {
      type: 'category',
      data: districts.map((row) => districtName(row.district)),
      axisLine: axisLine(),
      axisTick: { show: false },
      axisLabel: { color: CHART_TEXT, fontSize: CHART_FONT_SIZE },
    },
    series: [
      {
        type: 'pie',
        radius: ['50%', '72%'],
        center: ['22%', '50%'],
        label: { show: false },
        silent: true,
        // No sweep animation: on a wall that updates every few seconds it only shows wrong shares in between.
        animation: false,
        // With no alerts the ring gets no data at all: ECharts draws four equal level-coloured sectors for
        // values that are all zero, which on the wall reads as alerts of every level. Without data it draws
        // the empty circle, which still reads as "zero", not as a missing chart.
        data:
          total === 0
            ? []
            : MOST_SEVERE_FIRST.map((level) => ({
                name: LEVEL_NAMES[level][lang],
                value: byLevel[level],
                itemStyle: { color: cssColor(LEVEL_COLORS[level]) },
              })),
        emptyCircleStyle: { color: 'rgba(159, 180, 214, 0.15)' },
      },
      ...MOST_SEVERE_FIRST.map((level) => ({
        type: 'bar' as const,
        name: LEVEL_NAMES[level][lang],
        stack: 'level',
        barWidth: 16,
        itemStyle: { color: cssColor(LEVEL_COLORS[level]) },
        data: districts.map((row) => row.byLevel[level]),
      })),
    ],
  };
}
