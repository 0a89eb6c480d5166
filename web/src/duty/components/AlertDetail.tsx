'use client';
// The selected alert in full: bilingual title, status, metric against threshold with the forecast, where it
// is, each agency's part, the evidence, the action timeline, and the actions this viewer may take.
import type { Alert } from '@citybrain/schemas/events';
import type { DistrictCollection } from '../../realtime/geo.js';
import { timeAgo } from '../../wall/i18n.js';
import { useNow } from '../../wall/use-now.js';
import { CATEGORY_NAMES, TEXT, dateTimeText, etaText, type Bilingual, type Lang } from '../i18n.js';
import { useDuty } from '../store/provider.js';
import { ActionBar } from './ActionBar.js';
import { ActionFormPanel } from './ActionFormPanel.js';
import { AgencyPanel } from './AgencyPanel.js';
import { LevelBadge, StatusBadge, levelColor } from './Badges.js';
import { DistrictMapView } from './DistrictMapView.js';
import { EvidenceTable } from './EvidenceTable.js';
import { Timeline } from './Timeline.js';

const other = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

function number(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
}

function Metrics({ alert, lang, nowMs }: { alert: Alert; lang: Lang; nowMs: number }) {
  const { metric } = alert;
  const over = metric.threshold === 0 ? null : Math.round((metric.value / metric.threshold) * 100);
  return (
    <div className="metrics" data-testid="metrics">
      <div className="metric-card">
        <div className="metric-label">
          {TEXT.metric[lang]} · {metric.name}
        </div>
        <div className="metric-value" style={{ color: levelColor(alert.level) }}>
          {number(metric.value)}
          <span className="metric-unit">{metric.unit}</span>
        </div>
        {over !== null && (
          <div className="metric-sub">
            {over}% {TEXT.threshold[lang]}
          </div>
        )}
      </div>
      <div className="metric-card">
        <div className="metric-label">{TEXT.threshold[lang]}</div>
        <div className="metric-value">
          {number(metric.threshold)}
          <span className="metric-unit">{metric.unit}</span>
        </div>
      </div>
      <div className="metric-card" data-testid="forecast">
        <div className="metric-label">{TEXT.forecast[lang]}</div>
        {metric.forecast ? (
          <>
            <div className="metric-value">
              {number(metric.forecast.value)}
              <span className="metric-unit">{metric.unit}</span>
            </div>
            <div className="metric-sub">
              {TEXT.eta[lang]} {dateTimeText(Date.parse(metric.forecast.eta)).slice(-8)} ·{' '}
              {etaText(Date.parse(metric.forecast.eta) - nowMs, lang)}
            </div>
          </>
        ) : (
          <div className="metric-none">{TEXT.noForecast[lang]}</div>
        )}
      </div>
    </div>
  );
}

export function AlertDetail({
  alert,
  districts,
  districtNames,
}: {
  alert: Alert;
  districts: DistrictCollection | undefined;
  districtNames: ReadonlyMap<string, Bilingual>;
}) {
  const lang = useDuty((s) => s.lang);
  const viewer = useDuty((s) => s.viewer);
  const skew = useDuty((s) => s.clockSkewMs);
  const now = useNow(5_000) + skew;
  const district = districtNames.get(alert.district)?.[lang] ?? alert.district;
  return (
    <article
      className="alert-detail"
      data-testid="alert-detail"
      data-alert-id={alert.alertId}
      data-version={alert.version}
    >
      <header className="detail-head" style={{ borderLeftColor: levelColor(alert.level) }}>
        <div className="detail-titles">
          <div className="detail-title-row">
            <LevelBadge level={alert.level} lang={lang} />
            <h2 className="detail-title">{alert.title[lang]}</h2>
          </div>
          <div className="detail-title-other" lang={other(lang) === 'zh' ? 'zh-CN' : 'en'}>
            {alert.title[other(lang)]}
          </div>
        </div>
        <div className="detail-status">
          <StatusBadge status={alert.status} lang={lang} />
          <span className="detail-version">
            {TEXT.version[lang]} {alert.version}
          </span>
        </div>
      </header>
      <div className="detail-meta">
        <span>{district}</span>
        <span>{CATEGORY_NAMES[alert.category][lang]}</span>
        <span>
          {TEXT.raisedAt[lang]} {dateTimeText(Date.parse(alert.raisedAt))} (
          {timeAgo(now - Date.parse(alert.raisedAt), lang)})
        </span>
        <span>
          {TEXT.updatedAt[lang]} {dateTimeText(Date.parse(alert.updatedAt))}
        </span>
        <span className="detail-id">{alert.alertId}</span>
      </div>
      <div className="detail-top">
        <Metrics alert={alert} lang={lang} nowMs={now} />
        <DistrictMapView districts={districts} alert={alert} />
      </div>
      <AgencyPanel alert={alert} viewer={viewer} lang={lang} />
      <div className="detail-bottom">
        <EvidenceTable alert={alert} lang={lang} />
        <Timeline alertId={alert.alertId} version={alert.version} lang={lang} />
      </div>
      <ActionFormPanel alert={alert} lang={lang} />
      <ActionBar alert={alert} viewer={viewer} lang={lang} />
    </article>
  );
}
