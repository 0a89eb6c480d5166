// A list of labelled horizontal bars, one row each, top to bottom: the name with a muted detail above the bar
// on the left, the figure in the bar's color on the right (a second category axis, so the column lines up),
// and a dashed reference line. The venue-occupancy and air-quality panels differ only in what they put in it.
import type { EChartsOption } from 'echarts';
import { CHART_BASE, CHART_FONT_SIZE, CHART_MUTED, CHART_TEXT } from './theme.js';

export interface LabelledBar {
  name: string;
  /** Muted text after the name (PM2.5, people / capacity), if any. */
  detail?: string | undefined;
  /** The right-hand figure. */
  figure: string;
  /** Bar length on the value axis. */
  value: number;
  /** Bar and figure color. */
  color: string;
}

export interface LabelledBarsLayout {
  /** Fixed row height, so two rows sit at the top of the panel rather than stretched apart. */
  rowPx: number;
  top: number;
  /** Space between a row's labels and its bar. */
  labelGapPx: number;
  barWidth: number;
  /** End of the value axis. */
  max: number;
  /** Where on the value axis the dashed reference line goes, if anywhere. */
  reference?: number | undefined;
}

export function labelledBarsOption(bars: readonly LabelledBar[], layout: LabelledBarsLayout): EChartsOption {
  // Top to bottom as given: a category axis draws its first item at the bottom.
  const ordered = [...bars].reverse();
  const names = ordered.map((bar) => bar.name);
  const label = {
    inside: true,
    verticalAlign: 'bottom' as const,
    padding: [0, 0, layout.labelGapPx, 0],
    fontSize: CHART_FONT_SIZE,
  };
  const hidden = { axisTick: { show: false }, axisLine: { show: false } };
  return {
    ...CHART_BASE,
    grid: { left: 2, right: 2, top: layout.top, height: bars.length * layout.rowPx, containLabel: false },
    xAxis: { type: 'value', min: 0, max: layout.max, show: false },
    yAxis: [
      {
        type: 'category',
        data: names,
        ...hidden,
        axisLabel: {
          ...label,
          color: CHART_TEXT,
          formatter: (name: string | number, index: number) => {
            const detail = ordered[index]?.detail;
            return detail === undefined ? String(name) : `${name}  {detail|${detail}}`;
          },
          rich: { detail: { color: CHART_MUTED, fontSize: CHART_FONT_SIZE - 2 } },
        },
      },
      {
        type: 'category',
        position: 'right',
        data: names,
        ...hidden,
        axisLabel: {
          ...label,
          fontWeight: 'bold',
          formatter: (_name: string | number, index: number) => ordered[index]?.figure ?? '',
          color: (_value?: string | number, index?: number) => ordered[index ?? 0]?.color ?? CHART_MUTED,
        },
      },
    ],
    series: [
      {
        type: 'bar',
        yAxisIndex: 0,
        barWidth: layout.barWidth,
        data: ordered.map((bar) => ({ value: bar.value, itemStyle: { color: bar.color, borderRadius: 3 } })),
        showBackground: true,
        backgroundStyle: { color: 'rgba(159, 180, 214, 0.12)', borderRadius: 3 },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: CHART_MUTED, type: 'dashed', width: 1 },
          data: layout.reference === undefined ? [] : [{ xAxis: layout.reference }],
        },
      },
    ],
  };
}
