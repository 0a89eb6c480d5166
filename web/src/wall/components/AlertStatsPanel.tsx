'use client';
// Active alerts by level (ring) and by district (stacked bars).
import { useMemo } from 'react';
import { EChart } from '../charts/EChart.js';
import { alertStatsOption, alertsByDistrict, alertsByLevel } from '../charts/alert-stats.js';
import { TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { shownAlerts } from '../store/shown.js';

export function AlertStatsPanel({
  districtNames,
}: {
  districtNames: ReadonlyMap<string, { zh: string; en: string }>;
}) {
  const lang = useWall((s) => s.lang);
  const alerts = useWall(shownAlerts);
  const option = useMemo(() => {
    const values = [...alerts.values()];
    const name = (adcode: string) => districtNames.get(adcode)?.[lang] ?? adcode;
    return alertStatsOption(alertsByLevel(values), alertsByDistrict(values, 5), name, lang);
  }, [alerts, districtNames, lang]);
  return (
    <section className="panel chart-panel stats-panel">
      <h2>{TEXT.alertStats[lang]}</h2>
      <EChart option={option} testId="chart-alert-stats" />
    </section>
  );
}
