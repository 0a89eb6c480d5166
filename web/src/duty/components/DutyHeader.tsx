'use client';
// Who is signed in and with what scope, the queue's counts per level, the connection, clock and language.
import { ALERT_LEVELS } from '@citybrain/schemas/events';
import { useMemo } from 'react';
import type { SessionInfo } from '../../realtime/events.js';
import { STATUS_NAMES, clockText, dateText } from '../../wall/i18n.js';
import { useNow } from '../../wall/use-now.js';
import { AGENCY_NAMES, ROLE_NAMES, TEXT, type Bilingual, type Lang } from '../i18n.js';
import { useDuty } from '../store/provider.js';
import { countByLevel } from '../store/selectors.js';
import { levelColor } from './Badges.js';
import { NoticeBar } from './NoticeBar.js';

function scopeName(viewer: SessionInfo, names: ReadonlyMap<string, Bilingual>, lang: Lang): string {
  const { scope } = viewer;
  switch (scope.kind) {
    case 'city':
      return TEXT.cityWide[lang];
    case 'district':
      return names.get(scope.adcode)?.[lang] ?? scope.adcode;
    case 'agency':
      return AGENCY_NAMES[scope.agency].full[lang];
  }
}

export function DutyHeader({ districtNames }: { districtNames: ReadonlyMap<string, Bilingual> }) {
  const now = useNow();
  const lang = useDuty((s) => s.lang);
  const setLang = useDuty((s) => s.setLang);
  const setHelpOpen = useDuty((s) => s.setHelpOpen);
  const status = useDuty((s) => s.status);
  const viewer = useDuty((s) => s.viewer);
  const signedOut = useDuty((s) => s.signedOut);
  const alerts = useDuty((s) => s.alerts);
  const counts = useMemo(() => countByLevel(alerts.values()), [alerts]);
  return (
    <header className="duty-header">
      <div className="duty-title">
        <span>{TEXT.title[lang]}</span>
        <span className="duty-subtitle">{TEXT.center[lang]}</span>
      </div>
      <div className="duty-counts" aria-label={TEXT.queue[lang]}>
        {[...ALERT_LEVELS].reverse().map((level) => (
          <span key={level} className="duty-count" data-level={level}>
            <span className="duty-count-swatch" style={{ background: levelColor(level) }} />
            {counts[level]}
          </span>
        ))}
      </div>
      <div className="duty-header-middle">
        {signedOut !== null ? (
          <div className="notice notice-error" role="alert" data-testid="signed-out" data-reason={signedOut}>
            <span className="notice-text">
              {TEXT.signedOut[lang]}{' '}
              <span className="notice-second">/ {TEXT.signedOut[lang === 'zh' ? 'en' : 'zh']}</span>
            </span>
            <a className="duty-button small" href={`/login?next=${encodeURIComponent('/duty')}`}>
              {TEXT.signIn[lang]}
            </a>
          </div>
        ) : (
          <NoticeBar lang={lang} />
        )}
      </div>
      <div className="duty-header-right">
        {viewer && (
          <div className="duty-viewer" data-testid="viewer" data-role={viewer.role} data-user={viewer.userId}>
            <span className="duty-viewer-user">{viewer.userId}</span>
            <span className="duty-viewer-role">{ROLE_NAMES[viewer.role][lang]}</span>
            <span className="duty-viewer-scope">{scopeName(viewer, districtNames, lang)}</span>
            {viewer.role === 'wall' && <span className="duty-readonly">{TEXT.readOnly[lang]}</span>}
          </div>
        )}
        <div className={`connection connection-${status}`} data-connection={status}>
          <span className="connection-dot" />
          {STATUS_NAMES[status][lang]}
        </div>
        <div className="duty-clock">
          <span className="duty-clock-date">{dateText(now, lang)}</span>
          <span className="duty-clock-time">{clockText(now)}</span>
        </div>
        <button
          type="button"
          className="duty-button"
          onClick={() => setHelpOpen(true)}
          title={TEXT.shortcuts[lang]}
        >
          ?
        </button>
        <button type="button" className="duty-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {TEXT.language[lang]}
        </button>
      </div>
    </header>
  );
}
