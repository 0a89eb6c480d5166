'use client';
// Small labelled marks shared by the queue and the detail: level, status and each agency's progress.
import type { Alert, AlertLevel, AlertStatus } from '@citybrain/schemas/events';
import { LEVEL_COLORS, cssColor } from '../../wall/layers/colors.js';
import { LEVEL_NAMES } from '../../wall/i18n.js';
import { AGENCY_NAMES, ALERT_STATUS_NAMES, PROGRESS_NAMES, type Lang } from '../i18n.js';
import { progressChips } from '../store/selectors.js';

export function levelColor(level: AlertLevel): string {
  return cssColor(LEVEL_COLORS[level]);
}

export function LevelBadge({ level, lang }: { level: AlertLevel; lang: Lang }) {
  return (
    <span className={`level-badge level-${level}`} style={{ background: levelColor(level) }}>
      {LEVEL_NAMES[level][lang]}
    </span>
  );
}

export function StatusBadge({ status, lang }: { status: AlertStatus; lang: Lang }) {
  return (
    <span className={`status-badge status-${status}`} data-testid="status-badge" data-status={status}>
      {ALERT_STATUS_NAMES[status][lang]}
    </span>
  );
}

const DONE_MARK = '✓';

/** e.g. 公安 ✓ 到场 · 城管 待处置: one chip per assigned agency. */
export function ProgressChips({ alert, lang }: { alert: Alert; lang: Lang }) {
  const chips = progressChips(alert);
  if (chips.length === 0) return null;
  return (
    <span className="progress-chips">
      {chips.map(({ agency, state }) => (
        <span
          key={agency}
          className={`progress-chip progress-${state}`}
          data-testid="progress-chip"
          data-agency={agency}
          data-state={state}
        >
          {AGENCY_NAMES[agency].short[lang]}
          {(state === 'on_scene' || state === 'done') && <span className="progress-mark">{DONE_MARK}</span>}
          <span className="progress-state">{PROGRESS_NAMES[state][lang]}</span>
        </span>
      ))}
    </span>
  );
}
