'use client';
// City, clock, connection state and data freshness. Stale data says so in words and color, never as live;
// a replay replaces the freshness and connection state with the replayed instant, so it never looks live.
import { TEXT, STATUS_NAMES, clockText, dateText, replayTimeText, timeAgo } from '../i18n.js';
import { AlertTicker } from './AlertTicker.js';
import { useWall } from '../store/provider.js';
import { freshness } from '../store/selectors.js';
import { replayingAt } from '../store/shown.js';
import { useNow } from '../use-now.js';

export function Header({
  subtitle,
  districtNames,
}: {
  subtitle?: { zh: string; en: string };
  districtNames: ReadonlyMap<string, { zh: string; en: string }>;
}) {
  const now = useNow();
  const lang = useWall((s) => s.lang);
  const setLang = useWall((s) => s.setLang);
  const status = useWall((s) => s.status);
  const lastLiveTs = useWall((s) => s.lastLiveTs);
  const skew = useWall((s) => s.clockSkewMs);
  const staleAfterMs = useWall((s) => s.staleAfterMs);
  const at = useWall(replayingAt);
  const fresh = freshness(lastLiveTs, now, skew, staleAfterMs);
  return (
    <header className={`wall-header ${at === null ? '' : 'wall-header-replay'}`}>
      <div className="wall-title">
        <span>{TEXT.title[lang]}</span>
        {subtitle && <span className="wall-subtitle">{subtitle[lang]}</span>}
      </div>
      <AlertTicker districtNames={districtNames} />
      <div className="wall-header-right">
        {at !== null ? (
          <div
            className="replay-badge"
            data-testid="replay-badge"
            data-replay-at={new Date(at).toISOString()}
          >
            <strong>{TEXT.replayBadge[lang]}</strong>
            <span className="replay-badge-time">{replayTimeText(at, lang)}</span>
          </div>
        ) : (
          <>
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
          </>
        )}
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
