'use client';
// City, clock, connection state and data freshness. Stale data says so in words and color, never as live.
import { TEXT, STATUS_NAMES, clockText, dateText, timeAgo } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { freshness } from '../store/selectors.js';
import { useNow } from '../use-now.js';

export function Header({ subtitle }: { subtitle?: { zh: string; en: string } }) {
  const now = useNow();
  const lang = useWall((s) => s.lang);
  const setLang = useWall((s) => s.setLang);
  const status = useWall((s) => s.status);
  const lastLiveTs = useWall((s) => s.lastLiveTs);
  const skew = useWall((s) => s.clockSkewMs);
  const staleAfterMs = useWall((s) => s.staleAfterMs);
  const fresh = freshness(lastLiveTs, now, skew, staleAfterMs);
  return (
    <header className="wall-header">
      <div className="wall-title">
        <span>{TEXT.title[lang]}</span>
        {subtitle && <span className="wall-subtitle">{subtitle[lang]}</span>}
      </div>
      <div className="wall-header-right">
        <div className={`freshness freshness-${fresh.kind}`} data-freshness={fresh.kind}>
          {fresh.kind === 'none' ? (
            TEXT.noData[lang]
          ) : (
            <>
              {fresh.kind === 'stale' && <strong className="stale-badge">{TEXT.stale[lang]}</strong>}
              {TEXT.dataAsOf[lang]} {clockText(lastLiveTs ?? 0)} · {timeAgo(fresh.ageMs, lang)}
            </>
          )}
        </div>
        <div className={`connection connection-${status}`} data-connection={status}>
          <span className="connection-dot" />
          {STATUS_NAMES[status][lang]}
        </div>
        <div className="clock">
          <span className="clock-date">{dateText(now, lang)}</span>
          <span className="clock-time">{clockText(now)}</span>
        </div>
        <button type="button" className="lang-toggle" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {TEXT.language[lang]}
        </button>
      </div>
    </header>
  );
}
