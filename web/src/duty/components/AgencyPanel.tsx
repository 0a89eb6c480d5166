'use client';
// Each assigned agency's part in the alert (联动处置): its state, who reported it and when. Duty officers and
// admins can report for any assigned agency here; agency users report their own from the action bar.
import type { Alert } from '@citybrain/schemas/events';
import type { SessionInfo } from '../../realtime/events.js';
import { allowedActions, progressAgencies } from '../../realtime/permissions.js';
import { clockText } from '../../wall/i18n.js';
import { AGENCY_NAMES, PROGRESS_NAMES, TEXT, type Lang } from '../i18n.js';
import type { ProgressKey } from '../keyboard.js';
import { isInFlight } from '../store/pending.js';
import { useDuty } from '../store/provider.js';
import { progressChips } from '../store/selectors.js';
import { useCommand } from '../use-command.js';
import { ActionButton, buttonState } from './ActionBar.js';

const STEPS: readonly ProgressKey[] = ['acknowledged', 'on_scene', 'done'];

export function AgencyPanel({
  alert,
  viewer,
  lang,
}: {
  alert: Alert;
  viewer: SessionInfo | null;
  lang: Lang;
}) {
  const pending = useDuty((s) => s.pending.get(alert.alertId));
  const run = useCommand();
  const chips = progressChips(alert);
  const canReport =
    viewer !== null && viewer.role !== 'agency' && allowedActions(viewer, alert).includes('agency_update');
  const reportable = canReport ? progressAgencies(viewer, alert) : [];
  const busy = isInFlight(pending);
  return (
    <section className="detail-block agency-block" data-testid="agency-progress">
      <h3>{TEXT.agencies[lang]}</h3>
      {chips.length === 0 && <p className="empty">{TEXT.noAgencies[lang]}</p>}
      <ul className="agency-list">
        {chips.map(({ agency, state }) => {
          const report = alert.agencyProgress?.[agency];
          return (
            <li key={agency} className="agency-row" data-agency={agency} data-state={state}>
              <span className="agency-name">{AGENCY_NAMES[agency].full[lang]}</span>
              <span
                className={`progress-chip progress-${state}`}
                data-testid="progress-chip"
                data-agency={agency}
                data-state={state}
              >
                {(state === 'on_scene' || state === 'done') && <span className="progress-mark">✓</span>}
                {PROGRESS_NAMES[state][lang]}
              </span>
              <span className="agency-by">
                {report ? `${report.by ?? ''} ${clockText(Date.parse(report.at))}` : ''}
                {report?.note ? ` · ${report.note}` : ''}
              </span>
              {reportable.includes(agency) && (
                <span className="agency-actions">
                  {STEPS.map((progress) => (
                    <ActionButton
                      key={progress}
                      action="agency_update"
                      progress={progress}
                      agency={agency}
                      label={PROGRESS_NAMES[progress][lang]}
                      enabled={!busy && state !== progress}
                      state={buttonState(
                        pending,
                        (p) =>
                          p.request.type === 'agency_update' &&
                          p.request.agency === agency &&
                          p.request.progress === progress,
                      )}
                      pending={pending}
                      lang={lang}
                      onRun={() => run({ kind: 'progress', progress, agency })}
                    />
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
