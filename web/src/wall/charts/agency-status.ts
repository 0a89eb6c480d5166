// Joint command at a glance (联动处置): per agency, the active alerts routed to it stacked by how far it has
// got with each — pending, received, on scene, done. An agency listed on an alert without a progress entry
// has not responded yet: pending.
import {
  AGENCY_PROGRESS_STATES,
  type AgencyId,
  type AgencyProgressState,
  type Alert,
} from '@citybrain/schemas/events';
import type { EChartsOption } from 'echarts';
import type { Lang } from '../store/ui-slice.js';
import { AGENCY_NAMES, PROGRESS_NAMES } from '../i18n.js';
import { CHART_BASE, CHART_FONT_SIZE, CHART_MUTED, CHART_TEXT } from './theme.js';

export type ProgressCounts = Record<AgencyProgressState, number>;

export interface AgencyRow {
  agency: AgencyId;
  total: number;
  byState: ProgressCounts;
}

/** Waiting stands out; the rest run cool to green. Apart from the alert level colors on purpose. */
export const PROGRESS_COLORS: Readonly<Record<AgencyProgressState, string>> = {
  pending: '#f06292',
  acknowledged: '#4fc3f7',
  on_scene: '#9575cd',
  done: '#00c853',
};

/** The panel fits this many agencies at 1080p; the rest are counted in the title. */
export const AGENCY_MAX_ROWS = 5;
export const AGENCY_ROW_PX = 30;

export function agencyStatus(alerts: Iterable<Alert>): AgencyRow[] {
  const rows = new Map<AgencyId, AgencyRow>();
  for (const alert of alerts)
    for (const agency of new Set(alert.agencies)) {
      let row = rows.get(agency);
      if (row === undefined) {
        row = { agency, total: 0, byState: { pending: 0, acknowledged: 0, on_scene: 0, done: 0 } };
        rows.set(agency, row);
      }
      row.total += 1;
      row.byState[alert.agencyProgress?.[agency]?.state ?? 'pending'] += 1;
    }
  // Most waiting first: that is where the duty officer has to chase.
  return [...rows.values()].sort(
    (a, b) => b.byState.pending - a.byState.pending || b.total - a.total || a.agency.localeCompare(b.agency),
  );
}

export function pendingTotal(rows: readonly AgencyRow[]): number {
  return rows.reduce((sum, row) => sum + row.byState.pending, 0);
}

export function agencyStatusOption(rows: readonly AgencyRow[], lang: Lang): EChartsOption {
  const shown = rows.slice(0, AGENCY_MAX_ROWS);
  // Top to bottom as given: a category axis draws its first item at the bottom.
  const ordered = [...shown].reverse();
  const names = ordered.map((row) => AGENCY_NAMES[row.agency][lang]);
  const max = Math.max(1, ...shown.map((row) => row.total));
  return {
    ...CHART_BASE,
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 14,
      textStyle: { color: CHART_MUTED, fontSize: CHART_FONT_SIZE - 2 },
      data: AGENCY_PROGRESS_STATES.map((state) => PROGRESS_NAMES[state][lang]),
      selectedMode: false,
    },
    grid: { left: 2, right: 36, top: 34, height: shown.length * AGENCY_ROW_PX, containLabel: true },
    xAxis: { type: 'value', min: 0, max, show: false },
    yAxis: [
      {
        type: 'category',
        data: names,
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: CHART_TEXT, fontSize: CHART_FONT_SIZE },
      },
      {
        // The agency's total, in a column at the right.
        type: 'category',
        position: 'right',
        data: ordered.map((row) => String(row.total)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: CHART_TEXT, fontSize: CHART_FONT_SIZE, fontWeight: 'bold' },
      },
    ],
    series: AGENCY_PROGRESS_STATES.map((state) => ({
      type: 'bar' as const,
      name: PROGRESS_NAMES[state][lang],
      stack: 'progress',
      yAxisIndex: 0,
      barWidth: 18,
      itemStyle: { color: PROGRESS_COLORS[state] },
      label: {
        show: true,
        color: '#0a0f1a',
        fontSize: CHART_FONT_SIZE - 4,
        fontWeight: 'bold' as const,
        formatter: (params: { value?: unknown }) => (Number(params.value) > 0 ? String(params.value) : ''),
      },
      data: ordered.map((row) => row.byState[state]),
    })),
  };
}
