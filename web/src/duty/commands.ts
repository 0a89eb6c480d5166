// Carries out a console command against the store: the keyboard and the buttons both come through here, so
// a key and a click do exactly the same thing. Permissions come from the shared table; the store's
// submitAction checks them again before anything is sent.
import {
  agencyId,
  ALERT_LEVELS,
  levelRank,
  type Alert,
  type AlertActionType,
} from '@citybrain/schemas/events';
import type { ActionRequest } from '../realtime/events.js';
import { allowedActions, nextLevel, progressAgencies } from '../realtime/permissions.js';
import { TEXT } from './i18n.js';
import type { Command } from './keyboard.js';
import type { DutyState, DutyStore } from './store/duty-store.js';
import { alertQueue, resolveSelection, stepSelection } from './store/selectors.js';
import type { ActionForm } from './store/ui-slice.js';

/** The assign form's agencies, in the order digits 1…7 toggle them. */
export const AGENCY_ORDER = agencyId.options;

/** What commands need of the page besides the store. */
export interface CommandDom {
  focusFilters(): void;
  /** Returns focus to the page so shortcuts apply again. */
  blur(): void;
}

/** The alert the officer has selected in the queue as it is filtered now. */
export function selectedAlert(state: DutyState): Alert | undefined {
  const queue = alertQueue(state.alerts, state.filters);
  const id = resolveSelection(queue, state.selectedId, state.selectedIndex);
  return id === null ? undefined : state.alerts.get(id);
}

function permitted(state: DutyState, alert: Alert, type: AlertActionType): boolean {
  return state.viewer !== null && allowedActions(state.viewer, alert).includes(type);
}

function formFor(kind: ActionForm['kind'], alert: Alert): ActionForm | null {
  const base = { alertId: alert.alertId, version: alert.version };
  switch (kind) {
    case 'resolve':
    case 'comment':
      return { ...base, kind, note: '' };
    case 'assign':
      // The routed agencies start checked: assigning them confirms the dispatch (streams merges the lists).
      return { ...base, kind, agencies: [...alert.agencies] };
    case 'escalate': {
      const level = nextLevel(alert.level);
      return level === undefined ? null : { ...base, kind, level };
    }
  }
}

/** The request an open form stands for, or why it cannot be sent yet. */
export function formRequest(form: ActionForm): ActionRequest | 'empty' {
  const base = { alertId: form.alertId, version: form.version, type: form.kind };
  switch (form.kind) {
    case 'resolve':
    case 'comment': {
      const note = form.note.trim();
      return note === '' ? 'empty' : { ...base, note };
    }
    case 'assign':
      return form.agencies.length === 0 ? 'empty' : { ...base, agencies: form.agencies };
    case 'escalate':
      return { ...base, level: form.level };
  }
}

export function runCommand(store: DutyStore, command: Command, dom: CommandDom): void {
  const state = store.getState();
  const alert = selectedAlert(state);
  const denied = () => state.notify({ tone: 'error', text: TEXT.notPermitted });
  // Acting on the alert the queue shows by default (its top row) makes it the officer's choice: an alert
  // raised meanwhile that sorts above it must not turn the next key (resolve after acknowledge) onto it.
  const pin = (target: Alert): void => {
    if (state.selectedId === target.alertId) return;
    const index = alertQueue(state.alerts, state.filters).findIndex((a) => a.alertId === target.alertId);
    state.select(target.alertId, Math.max(0, index));
  };

  switch (command.kind) {
    case 'move': {
      const queue = alertQueue(state.alerts, state.filters);
      const current = resolveSelection(queue, state.selectedId, state.selectedIndex);
      const next = stepSelection(queue, current, command.step);
      if (next !== null) state.select(next.id, next.index);
      return;
    }
    case 'open':
      if (alert !== undefined) state.setDetailOpen(true);
      return;
    case 'close':
      if (state.helpOpen) state.setHelpOpen(false);
      else if (state.form !== null) state.closeForm();
      else state.setDetailOpen(false);
      dom.blur();
      return;
    case 'help':
      state.setHelpOpen(!state.helpOpen);
      return;
    case 'lang':
      state.setLang(state.lang === 'zh' ? 'en' : 'zh');
      return;
    case 'focusFilters':
      dom.focusFilters();
      return;
    case 'blur':
      dom.blur();
      return;
    case 'ack':
      if (alert === undefined) return;
      pin(alert);
      if (!permitted(state, alert, 'ack')) return denied();
      void state.submitAction({ alertId: alert.alertId, version: alert.version, type: 'ack' });
      return;
    case 'progress': {
      if (alert === undefined || state.viewer === null) return;
      pin(alert);
      const mine = progressAgencies(state.viewer, alert);
      const agency = command.agency ?? mine[0];
      if (agency === undefined || !mine.includes(agency) || !permitted(state, alert, 'agency_update')) {
        return denied();
      }
      void state.submitAction({
        alertId: alert.alertId,
        version: alert.version,
        type: 'agency_update',
        agency,
        progress: command.progress,
      });
      return;
    }
    case 'form': {
      if (alert === undefined) return;
      pin(alert);
      if (!permitted(state, alert, command.form)) return denied();
      const form = formFor(command.form, alert);
      if (form !== null) state.openForm(form);
      return;
    }
    case 'submit': {
      const { form } = state;
      if (form === null) return;
      const request = formRequest(form);
      if (request === 'empty') {
        state.updateForm((f) => (f.kind === 'escalate' ? f : { ...f, error: true }));
        return;
      }
      void state.submitAction(request);
      return;
    }
    case 'toggleAgency': {
      const agency = AGENCY_ORDER[command.index];
      if (agency === undefined) return;
      state.updateForm((f) =>
        f.kind !== 'assign'
          ? f
          : {
              ...f,
              error: false,
              agencies: f.agencies.includes(agency)
                ? f.agencies.filter((a) => a !== agency)
                : AGENCY_ORDER.filter((a) => a === agency || f.agencies.includes(a)),
            },
      );
      return;
    }
    case 'stepLevel':
      state.updateForm((f) => {
        if (f.kind !== 'escalate') return f;
        const current = state.alerts.get(f.alertId);
        const floor = current === undefined ? 0 : levelRank(current.level) + 1;
        const rank = Math.min(ALERT_LEVELS.length - 1, Math.max(floor, levelRank(f.level) + command.step));
        const level = ALERT_LEVELS[rank];
        return level === undefined ? f : { ...f, level };
      });
      return;
  }
}
