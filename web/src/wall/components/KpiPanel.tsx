'use client';
// The headline numbers of the scope: people counted, congestion index, active alerts by level.
import { ALERT_LEVELS } from '@citybrain/schemas/events';
import { LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { LEVEL_NAMES, TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { shownAlerts, shownLive } from '../store/shown.js';
import { scopeDistrict } from '../../realtime/picture.js';

export function KpiPanel() {
  const lang = useWall((s) => s.lang);
  const scope = useWall((s) => s.scope);
  // The city summary for the city wall, the district's own aggregate for a district wall.
  const key = scopeDistrict(scope) ?? 'city';
  const kpis = useWall((s) => shownLive(s).get(key)?.kpis);
  const alerts = useWall(shownAlerts);
  const byLevel = { blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const alert of alerts.values()) byLevel[alert.level] += 1;
  return (
    <section className="panel kpi-panel">
      <div className="kpi">
        <div className="kpi-label">{TEXT.people[lang]}</div>
        <div className="kpi-value">{kpis ? Math.round(kpis.people).toLocaleString() : '—'}</div>
      </div>
      <div className="kpi">
        <div className="kpi-label">{TEXT.congestion[lang]}</div>
        <div className="kpi-value">
          {kpis?.congestionIndex != null ? kpis.congestionIndex.toFixed(2) : '—'}
        </div>
      </div>
      <div className="kpi">
        <div className="kpi-label">{TEXT.activeAlerts[lang]}</div>
        <div className="kpi-levels">
          {[...ALERT_LEVELS].reverse().map((level) => (
            <div key={level} className="kpi-level" title={LEVEL_NAMES[level][lang]}>
              <span className="kpi-level-swatch" style={{ background: cssColor(LEVEL_COLORS[level]) }} />
              <span className="kpi-level-count">{byLevel[level]}</span>
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
