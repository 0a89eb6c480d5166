'use client';
// The alert's audit trail, oldest first: what happened, who did it in which role, and their note.
import { dateTimeText, eventTypeName, roleName, TEXT, type Lang } from '../i18n.js';
import { useTimeline } from '../use-timeline.js';

export function Timeline({ alertId, version, lang }: { alertId: string; version: number; lang: Lang }) {
  const timeline = useTimeline(alertId, version);
  const entries = timeline.kind === 'failed' ? undefined : timeline.entries;
  return (
    <section className="detail-block timeline-block" data-testid="timeline" data-state={timeline.kind}>
      <h3>{TEXT.timeline[lang]}</h3>
      {timeline.kind === 'failed' && <p className="empty">{TEXT.timelineFailed[lang]}</p>}
      {timeline.kind === 'loading' && entries === undefined && (
        <p className="empty">{TEXT.timelineLoading[lang]}</p>
      )}
      {entries?.length === 0 && <p className="empty">{TEXT.timelineEmpty[lang]}</p>}
      {entries !== undefined && entries.length > 0 && (
        <ol className="timeline">
          {entries.map((entry) => (
            <li
              key={`${entry.version}-${entry.type}-${entry.ts}`}
              className={`timeline-entry type-${entry.type}`}
              data-testid="timeline-entry"
              data-type={entry.type}
              data-version={entry.version}
            >
              <span className="timeline-time">{dateTimeText(Date.parse(entry.ts))}</span>
              <span className="timeline-type">{eventTypeName(entry.type, lang)}</span>
              <span className="timeline-actor">
                {entry.actor} · {roleName(entry.role, lang)}
              </span>
              <span className="timeline-version">v{entry.version}</span>
              {entry.note !== '' && <span className="timeline-note">{entry.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
