'use client';
// One line in the header with the latest alert changes as they arrive, newest first, each in its level
// colour with district and time. When the line is wider than its space it scrolls as a CSS marquee (two
// copies of the list, translated by one copy's width): no scrollbar, no timers, nothing else waits on it.
// Hidden during a history replay: the ticker reports what happens now, and nothing on a replayed wall may
// pass for live (the replay's alerts are in the alert list).
import { useLayoutEffect, useRef, useState } from 'react';
import { LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { LEVEL_SHORT, TEXT, TICKER_CHANGES, clockText } from '../i18n.js';
import type { TickerEvent } from '../store/alert-ticker.js';
import { useWall } from '../store/provider.js';
import { replayingAt } from '../store/shown.js';
import type { Lang } from '../store/ui-slice.js';

/** Marquee speed: slow enough to read a line from 5 m. */
const PX_PER_SECOND = 70;

function TickerItems({
  events,
  lang,
  districtNames,
  copy,
}: {
  events: readonly TickerEvent[];
  lang: Lang;
  districtNames: ReadonlyMap<string, { zh: string; en: string }>;
  copy: boolean;
}) {
  return (
    <ul className="ticker-list" aria-hidden={copy || undefined}>
      {events.map((event) => (
        <li
          key={event.key}
          className={`ticker-item ticker-${event.change}`}
          {...(copy
            ? {}
            : {
                'data-testid': 'ticker-item',
                'data-ticker-alert-id': event.alertId,
                'data-change': event.change,
              })}
        >
          <span className="ticker-level" style={{ background: cssColor(LEVEL_COLORS[event.level]) }}>
            {LEVEL_SHORT[event.level][lang]}
          </span>
          <span className="ticker-change">{TICKER_CHANGES[event.change][lang]}</span>
          <span className="ticker-district">
            {districtNames.get(event.district)?.[lang] ?? event.district}
          </span>
          <span className="ticker-title">{event.title[lang]}</span>
          <span className="ticker-time">{clockText(event.atMs)}</span>
        </li>
      ))}
    </ul>
  );
}

export function AlertTicker({
  districtNames,
}: {
  districtNames: ReadonlyMap<string, { zh: string; en: string }>;
}) {
  const events = useWall((s) => s.events);
  const lang = useWall((s) => s.lang);
  const replaying = useWall((s) => replayingAt(s) !== null);
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Width of one copy of the list when it overflows the box (it scrolls), else null (it stands still).
  const [scrollPx, setScrollPx] = useState<number | null>(null);

  useLayoutEffect(() => {
    const measure = () => {
      const first = list.current?.firstElementChild;
      if (!box.current || !(first instanceof HTMLElement)) return setScrollPx(null);
      setScrollPx(first.offsetWidth > box.current.clientWidth ? first.offsetWidth : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, [events, lang, districtNames, replaying]);

  if (replaying) return null;
  return (
    <div className="ticker" ref={box} data-testid="alert-ticker" aria-label={TEXT.ticker[lang]}>
      {events.length === 0 ? (
        <span className="ticker-empty">{TEXT.noTicker[lang]}</span>
      ) : (
        <div
          ref={list}
          className={`ticker-track ${scrollPx === null ? '' : 'ticker-scrolling'}`}
          data-scrolling={scrollPx !== null}
          style={scrollPx === null ? undefined : { animationDuration: `${scrollPx / PX_PER_SECOND}s` }}
        >
          <TickerItems events={events} lang={lang} districtNames={districtNames} copy={false} />
          {scrollPx !== null && (
            <TickerItems events={events} lang={lang} districtNames={districtNames} copy />
          )}
        </div>
      )}
    </div>
  );
}
