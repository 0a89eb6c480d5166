'use client';
// Active alerts, most severe then newest first, each in its level color with a bilingual title and the
// time since it was raised.
import { useMemo } from 'react';
import { LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { LEVEL_NAMES, TEXT, timeAgo } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { replayingAt, shownAlerts, shownPictureAt } from '../store/shown.js';
import { sortAlerts } from '../store/selectors.js';
import { useNow } from '../use-now.js';

// As many as fit above the alert statistics at 1080p without clipping one mid-card; the rest are counted.
const MAX_SHOWN = 5;

export function AlertList({
  districtNames,
}: {
  districtNames: ReadonlyMap<string, { zh: string; en: string }>;
}) {
  const alerts = useWall(shownAlerts);
  const replayAt = useWall(shownPictureAt);
  const replaying = useWall((s) => replayingAt(s) !== null);
  const lang = useWall((s) => s.lang);
  const skew = useWall((s) => s.clockSkewMs);
  const now = useNow(5_000);
  const sorted = useMemo(() => sortAlerts(alerts.values()), [alerts]);
  return (
    <section className="panel alert-panel">
      <h2>
        {(replaying ? TEXT.alertsThen : TEXT.alerts)[lang]} <span className="count">{sorted.length}</span>
      </h2>
      {sorted.length === 0 && <p className="empty">{TEXT.noAlerts[lang]}</p>}
      <ol className="alert-list" data-testid="alert-list">
        {sorted.slice(0, MAX_SHOWN).map((alert) => (
          <li
            key={alert.alertId}
            className={`alert alert-${alert.level}`}
            data-alert-id={alert.alertId}
            style={{ borderLeftColor: cssColor(LEVEL_COLORS[alert.level]) }}
          >
            <div className="alert-top">
              <span className="alert-level" style={{ background: cssColor(LEVEL_COLORS[alert.level]) }}>
                {LEVEL_NAMES[alert.level][lang]}
              </span>
              <span className="alert-district">
                {districtNames.get(alert.district)?.[lang] ?? alert.district}
              </span>
              <span className="alert-age">
                {timeAgo((replayAt ?? now + skew) - Date.parse(alert.raisedAt), lang)}
              </span>
            </div>
            <div className="alert-title">{alert.title[lang]}</div>
            <div className="alert-metric">
              {alert.metric.value.toLocaleString()} / {alert.metric.threshold.toLocaleString()}{' '}
              {alert.metric.unit}
            </div>
          </li>
        ))}
      </ol>
      {sorted.length > MAX_SHOWN && <p className="more">+{sorted.length - MAX_SHOWN}</p>}
    </section>
  );
}
