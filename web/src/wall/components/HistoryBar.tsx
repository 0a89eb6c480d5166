'use client';
// The history slider under the map: the last six hours, live at the right end. Dragging or ← / → moves the
// replayed instant; "Back to live" (or Esc / L) returns. While replaying the bar turns amber like the header.
import type { ChangeEvent } from 'react';
import { TEXT, clockText, replayTimeText } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { replayInstant, replayRange, replayTicks } from '../store/replay-range.js';
import { replayError, replayLoading, replayingAt } from '../store/shown.js';
import { useNow } from '../use-now.js';

const MINUTE = 60_000;

export function HistoryBar() {
  const lang = useWall((s) => s.lang);
  const skew = useWall((s) => s.clockSkewMs);
  const at = useWall(replayingAt);
  const loading = useWall(replayLoading);
  const error = useWall(replayError);
  const replayAt = useWall((s) => s.replayAt);
  const backToLive = useWall((s) => s.backToLive);
  // A minute's resolution is all the slider has; the range's live end follows the server's clock.
  const now = useNow(10_000) + skew;
  const { min, max } = replayRange(now);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const instant = replayInstant(Number(event.target.value), now);
    if (instant === null) backToLive();
    else replayAt(instant);
  };
  const replaying = at !== null;
  return (
    <div className={`history-bar ${replaying ? 'history-replay' : 'history-live'}`} data-testid="history-bar">
      <div className="history-label">{replaying ? TEXT.replayBadge[lang] : TEXT.history[lang]}</div>
      <div className="history-track">
        <input
          type="range"
          className="history-slider"
          data-testid="history-slider"
          aria-label={TEXT.replaySlider[lang]}
          aria-valuetext={replaying ? replayTimeText(at, lang) : TEXT.liveNow[lang]}
          min={min}
          max={max}
          step={MINUTE}
          value={at ?? max}
          onChange={onChange}
        />
        <div className="history-ticks" aria-hidden="true">
          {replayTicks(now).map((tick) => (
            <span key={tick.ms} className="history-tick" style={{ left: `${tick.percent}%` }}>
              {clockText(tick.ms).slice(0, 5)}
            </span>
          ))}
        </div>
      </div>
      <div className="history-state">
        {replaying ? (
          <>
            {/* Loading and failure change the time's look, not the bar's layout (see wall.css). */}
            <span
              className={`history-at ${loading ? 'history-at-loading' : ''} ${error === null ? '' : 'history-at-error'}`}
              data-testid="history-at"
              data-loading={loading}
              title={error === null ? undefined : `${TEXT.replayFailed[lang]}: ${error}`}
            >
              {error === null ? '' : '⚠ '}
              {replayTimeText(at, lang)}
            </span>
            <button type="button" className="history-live-button" onClick={backToLive}>
              {TEXT.backToLive[lang]}
            </button>
          </>
        ) : (
          <span className="history-keys">{TEXT.replayKeys[lang]}</span>
        )}
      </div>
    </div>
  );
}
