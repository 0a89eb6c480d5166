'use client';
// The one message the officer must read now: a refusal, a stale alert to look at again, a resolve done.
// Both languages at once: it may be read by a partner agency's officer at the same desk.
import { useEffect } from 'react';
import { TEXT, type Lang } from '../i18n.js';
import { useDuty } from '../store/provider.js';

const SHOWN_MS = { ok: 6_000, warn: 15_000, error: 15_000 } as const;

export function NoticeBar({ lang }: { lang: Lang }) {
  const notice = useDuty((s) => s.notice);
  const dismiss = useDuty((s) => s.dismissNotice);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(dismiss, SHOWN_MS[notice.tone]);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (notice === null) return null;
  const second = lang === 'zh' ? 'en' : 'zh';
  return (
    <div
      className={`notice notice-${notice.tone}`}
      role="alert"
      data-testid="notice"
      data-tone={notice.tone}
      // The server's own words (English, for whoever investigates) on hover, not in the officer's way.
      title={notice.detail}
    >
      <span className="notice-text">
        {notice.text[lang]} <span className="notice-second">/ {notice.text[second]}</span>
      </span>
      <button type="button" className="notice-close" aria-label={TEXT.close[lang]} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
