// The scope's congestion index over the last minutes, with the bands the traffic layer uses.
import type { EChartsOption } from 'echarts';
import { TREND_WINDOW_MS, type TrendPoint } from '../store/congestion-trend.js';
import type { Lang } from '../store/ui-slice.js';
import { CONGESTION_STOPS, congestionColor, cssColor } from '../layers/colors.js';
import { CHART_BASE, CHART_FONT_SIZE, CHART_MUTED, axisLine, splitLine } from './theme.js';

/** City-local hh:mm, whatever the display machine's zone. */
function hhmm(epochMs: number): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(epochMs);
}

/** Upper end of the y axis: at least the jam band's start, else the next half step above the peak. */
export function trendAxisMax(points: readonly TrendPoint[]): number {
  const peak = Math.max(0, ...points.map((point) => point.value));
  return Math.max(3, Math.ceil(peak * 2) / 2);
}

export function congestionTrendOption(points: readonly TrendPoint[], lang: Lang): EChartsOption {
  const latest = points.at(-1);
  const color = cssColor(congestionColor(latest?.value));
  return {
    ...CHART_BASE,
    grid: { left: 44, right: 24, top: 14, bottom: 32 },
    // A fixed window ending at the latest point: the line grows in from the right as history builds up,
    // and the time labels stay whole, distinct minutes.
    xAxis: {
      type: 'time',
      ...(latest ? { min: latest.ts - TREND_WINDOW_MS, max: latest.ts } : {}),
      minInterval: 5 * 60_000,
      axisLine: axisLine(),
      axisTick: { show: false },
      axisLabel: {
        color: CHART_MUTED,
        fontSize: CHART_FONT_SIZE - 2,
        hideOverlap: true,
        formatter: (value: number) => hhmm(value),
      },
    },
    yAxis: {
      type: 'value',
      min: 1,
      max: trendAxisMax(points),
      interval: 0.5,
      splitLine: splitLine(),
      axisLabel: { color: CHART_MUTED, fontSize: CHART_FONT_SIZE - 2 },
    },
    series: [
      {
        type: 'line',
        name: lang === 'zh' ? '拥堵指数' : 'Congestion index',
        data: points.map((point) => [point.ts, point.value]),
        showSymbol: false,
        lineStyle: { color, width: 3 },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.15 },
        // The traffic bands as thin lines, so "1.8" reads as "slow" without a legend.
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          data: CONGESTION_STOPS.filter((stop) => stop.from > 0).map((stop) => ({
            yAxis: stop.from,
            lineStyle: { color: cssColor(stop.color), type: 'dashed' as const, width: 1, opacity: 0.7 },
          })),
        },
      },
    ],
  };
}
