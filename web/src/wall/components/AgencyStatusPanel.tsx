'use client';
// Per agency: the active alerts routed to it, stacked by its progress on each; pending tasks in the title.
import { useMemo } from 'react';
import { EChart } from '../charts/EChart.js';
import { agencyStatus, agencyStatusOption, pendingTotal } from '../charts/agency-status.js';
import { TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { shownAlerts } from '../store/shown.js';

export function AgencyStatusPanel() {
  const lang = useWall((s) => s.lang);
  const alerts = useWall(shownAlerts);
  const rows = useMemo(() => agencyStatus(alerts.values()), [alerts]);
  const option = useMemo(() => agencyStatusOption(rows, lang), [rows, lang]);
  const pending = pendingTotal(rows);
  return (
    <section className="panel chart-panel agency-panel">
      <h2>
        {TEXT.agencyStatus[lang]}
        {rows.length > 0 && (
          <span className={`count ${pending > 0 ? 'count-pending' : ''}`} data-testid="agency-pending">
            {pending} {TEXT.pendingTasks[lang]}
          </span>
        )}
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{TEXT.noAgencyTasks[lang]}</p>
      ) : (
        <EChart option={option} testId="chart-agencies" />
      )}
    </section>
  );
}
