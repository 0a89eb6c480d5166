'use client';
// The alert queue: most severe then newest first, filtered, the selection moved by j/k. Each row shows the
// level color, the title, district, status, time since raised and each assigned agency's progress.
import type { Alert } from '@citybrain/schemas/events';
import { memo, useEffect, useMemo, useRef } from 'react';
import { timeAgo } from '../../wall/i18n.js';
import { useNow } from '../../wall/use-now.js';
import { CATEGORY_NAMES, TEXT, type Bilingual, type Lang } from '../i18n.js';
import { isInFlight } from '../store/pending.js';
import { useDuty } from '../store/provider.js';
import { alertQueue, filtersActive, resolveSelection } from '../store/selectors.js';
import { FilterBar } from './FilterBar.js';
import { LevelBadge, ProgressChips, StatusBadge, levelColor } from './Badges.js';

interface RowProps {
  alert: Alert;
  index: number;
  selected: boolean;
  busy: boolean;
  ageMs: number;
  district: string;
  lang: Lang;
  onSelect: (alertId: string, index: number, open: boolean) => void;
}

const QueueRow = memo(function QueueRow({
  alert,
  index,
  selected,
  busy,
  ageMs,
  district,
  lang,
  onSelect,
}: RowProps) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={ref}
      role="option"
      aria-selected={selected}
      className={`queue-row level-${alert.level}${selected ? ' selected' : ''}`}
      data-testid="queue-row"
      data-alert-id={alert.alertId}
      data-version={alert.version}
      style={{ borderLeftColor: levelColor(alert.level) }}
      onClick={() => onSelect(alert.alertId, index, false)}
      onDoubleClick={() => onSelect(alert.alertId, index, true)}
    >
      <div className="queue-row-top">
        <LevelBadge level={alert.level} lang={lang} />
        <span className="queue-title">{alert.title[lang]}</span>
        {busy && <span className="queue-busy" aria-label={TEXT.sending[lang]} />}
        <StatusBadge status={alert.status} lang={lang} />
      </div>
      <div className="queue-row-bottom">
        <span className="queue-district">{district}</span>
        <span className="queue-category">{CATEGORY_NAMES[alert.category][lang]}</span>
        <ProgressChips alert={alert} lang={lang} />
        <span className="queue-age">{timeAgo(ageMs, lang)}</span>
      </div>
    </li>
  );
});

export function AlertQueue({ districtNames }: { districtNames: ReadonlyMap<string, Bilingual> }) {
  const alerts = useDuty((s) => s.alerts);
  const filters = useDuty((s) => s.filters);
  const selectedId = useDuty((s) => s.selectedId);
  const selectedIndex = useDuty((s) => s.selectedIndex);
  const pending = useDuty((s) => s.pending);
  const lang = useDuty((s) => s.lang);
  const skew = useDuty((s) => s.clockSkewMs);
  const select = useDuty((s) => s.select);
  const setDetailOpen = useDuty((s) => s.setDetailOpen);
  const now = useNow(5_000);
  const queue = useMemo(() => alertQueue(alerts, filters), [alerts, filters]);
  const current = resolveSelection(queue, selectedId, selectedIndex);
  const onSelect = useMemo(
    () => (alertId: string, index: number, open: boolean) => {
      select(alertId, index);
      if (open) setDetailOpen(true);
    },
    [select, setDetailOpen],
  );
  return (
    <section className="duty-panel queue-panel" aria-label={TEXT.queue[lang]}>
      <h2>
        {TEXT.queue[lang]} <span className="count">{alerts.size}</span>
      </h2>
      <FilterBar districtNames={districtNames} shown={queue.length} total={alerts.size} />
      {queue.length === 0 && (
        <p className="empty">
          {alerts.size > 0 && filtersActive(filters) ? TEXT.noMatch[lang] : TEXT.noAlerts[lang]}
        </p>
      )}
      <ol className="queue" role="listbox" data-testid="queue" aria-label={TEXT.queue[lang]}>
        {queue.map((alert, index) => (
          <QueueRow
            key={alert.alertId}
            alert={alert}
            index={index}
            selected={alert.alertId === current}
            busy={isInFlight(pending.get(alert.alertId))}
            ageMs={now + skew - Date.parse(alert.raisedAt)}
            district={districtNames.get(alert.district)?.[lang] ?? alert.district}
            lang={lang}
            onSelect={onSelect}
          />
        ))}
      </ol>
    </section>
  );
}
