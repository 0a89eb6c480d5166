'use client';
// The scope's congestion index over the last minutes, its latest value in the title.
import { useMemo } from 'react';
import { EChart } from '../charts/EChart.js';
import { congestionTrendOption } from '../charts/congestion-trend.js';
import { TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { shownTrend } from '../store/shown.js';

export function CongestionTrendPanel() {
  const lang = useWall((s) => s.lang);
  const trend = useWall(shownTrend);
  const option = useMemo(() => congestionTrendOption(trend, lang), [trend, lang]);
  const latest = trend.at(-1);
  return (
    <section className="panel chart-panel trend-panel">
      <h2>
        {TEXT.congestionTrend[lang]}
        <span className="count">{latest ? latest.value.toFixed(2) : '—'}</span>
      </h2>
      <EChart option={option} testId="chart-congestion" />
    </section>
  );
}
