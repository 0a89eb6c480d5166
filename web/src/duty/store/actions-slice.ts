// Actions in flight, one per alert, and the message the officer last needs to read. Sending checks the
// shared permission table first (the server checks again); the outcome is settled by the gateway's reply
// and by the alert's next version (see pending.ts).
import type { Alert } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import type { ActionRequest } from '../../realtime/events.js';
import { checkAction } from '../../realtime/permissions.js';
import { TEXT, refusalText, type Bilingual } from '../i18n.js';
import { TransportError, type DutyTransport } from '../transport.js';
import type { DutyState, DutyStoreContext } from './duty-store.js';
import {
  isInFlight,
  started,
  withAlert,
  withAlertGone,
  withFailure,
  withReply,
  type PendingAction,
} from './pending.js';

export interface Notice {
  /** Increases with every notice, so a repeated message still restarts its timer. */
  id: number;
  tone: 'ok' | 'warn' | 'error';
  text: Bilingual;
  /** The server's own words, when it gave a reason. */
  detail?: string;
}

export interface ActionsSlice {
  pending: ReadonlyMap<string, PendingAction>;
  notice: Notice | null;
  /** Sends the action if the viewer may take it now; resolves once the gateway answered or gave up. */
  submitAction: (request: ActionRequest) => Promise<void>;
  /** Asks the gateway for a fresh snapshot (after a stale refusal). */
  resync: () => Promise<void>;
  /** A new version of an alert arrived. */
  settleWith: (alert: Alert) => void;
  /** A snapshot replaced the picture. */
  settleWithSnapshot: (alerts: ReadonlyMap<string, Alert>) => void;
  notify: (notice: Omit<Notice, 'id'>) => void;
  dismissNotice: () => void;
  /** Connects the store to the gateway (the realtime hook, once its socket exists; null on unmount). */
  setTransport: (transport: DutyTransport | null) => void;
}

export function createActionsSlice(context: DutyStoreContext): StateCreator<DutyState, [], [], ActionsSlice> {
  return (set, get) => {
    let notices = 0;
    const notify = (notice: Omit<Notice, 'id'>) => set({ notice: { ...notice, id: ++notices } });

    /** Replaces one alert's pending action; announces how it ended when that changed. */
    const update = (alertId: string, change: (pending: PendingAction) => PendingAction) => {
      const current = get().pending.get(alertId);
      if (current === undefined) return;
      const next = change(current);
      if (next === current) return;
      set({ pending: new Map(get().pending).set(alertId, next) });
      if (next.state !== current.state) announce(next);
    };

    const announce = (pending: PendingAction) => {
      const { request } = pending;
      switch (pending.state) {
        case 'done': {
          // The form stays open until the action shows on the alert, so a refused note is never lost.
          const { form } = get();
          if (form?.alertId === request.alertId && form.kind === request.type) set({ form: null });
          if (request.type === 'resolve') notify({ tone: 'ok', text: TEXT.resolved });
          return;
        }
        case 'superseded':
          notify({ tone: 'warn', text: pending.reason === 'closed' ? refusalText('closed') : TEXT.lostRace });
          reviewForm(request.alertId);
          return;
        case 'refused':
          if (pending.reason !== undefined && pending.reason !== 'timeout' && pending.reason !== 'offline') {
            notify({
              tone: pending.reason === 'stale_version' ? 'warn' : 'error',
              text: refusalText(pending.reason),
              ...(pending.detail !== undefined ? { detail: pending.detail } : {}),
            });
          }
          return;
        case 'failed':
          notify({ tone: 'error', text: pending.reason === 'offline' ? TEXT.offline : TEXT.noReply });
          return;
        case 'sending':
        case 'accepted':
          return;
      }
    };

    /** After "look again": the open form now stands for the version on screen, so Enter sends it. */
    const reviewForm = (alertId: string) => {
      const { form, alerts } = get();
      const alert = alerts.get(alertId);
      if (form?.alertId === alertId && alert !== undefined)
        set({ form: { ...form, version: alert.version } });
    };

    return {
      pending: new Map(),
      notice: null,
      notify,
      dismissNotice: () => set({ notice: null }),
      setTransport: (transport) => {
        context.transport = transport;
      },

      submitAction: async (request) => {
        const { viewer, alerts, pending, status } = get();
        if (viewer === null || isInFlight(pending.get(request.alertId))) return;
        const check = checkAction(viewer, alerts.get(request.alertId), request);
        if (!check.ok) {
          const text =
            check.reason === 'invalid' && request.type === 'resolve'
              ? TEXT.noteRequired
              : check.reason === 'forbidden'
                ? TEXT.notPermitted
                : refusalText(check.reason);
          notify({ tone: check.reason === 'stale_version' ? 'warn' : 'error', text, detail: check.detail });
          if (check.reason === 'stale_version') reviewForm(request.alertId);
          return;
        }
        const transport = context.transport;
        if (transport === null || status !== 'live') {
          notify({ tone: 'error', text: TEXT.offline });
          return;
        }
        set({ pending: new Map(pending).set(request.alertId, started(request)) });
        try {
          const reply = await transport.send(request);
          update(request.alertId, (p) => withReply(p, reply));
          if (!reply.ok && reply.reason === 'stale_version') {
            await get().resync();
            reviewForm(request.alertId);
          }
        } catch (error) {
          const reason = error instanceof TransportError ? error.reason : 'timeout';
          update(request.alertId, (p) => withFailure(p, reason));
        }
      },

      resync: async () => {
        const transport = context.transport;
        if (transport === null) return;
        try {
          get().applySnapshot(await transport.resync());
        } catch {
          // The socket's own reconnect brings a snapshot; the notice already told the officer to look again.
        }
      },

      settleWith: (alert) => update(alert.alertId, (p) => withAlert(p, alert)),

      settleWithSnapshot: (alerts) => {
        for (const alertId of get().pending.keys()) {
          const alert = alerts.get(alertId);
          update(alertId, (p) => (alert === undefined ? withAlertGone(p) : withAlert(p, alert)));
        }
      },
    };
  };
}
