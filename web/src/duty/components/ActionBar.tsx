'use client';
// The actions on the selected alert, each with its key. A button is enabled when the shared permission table
// allows the action to this viewer on this alert now; it shows its action's progress until the alert's
// next version shows it done.
import type { AgencyId, AgencyProgressState, Alert, AlertActionType } from '@citybrain/schemas/events';
import type { SessionInfo } from '../../realtime/events.js';
import { allowedActions, progressAgencies } from '../../realtime/permissions.js';
import { ACTION_NAMES, AGENCY_NAMES, PROGRESS_NAMES, TEXT, refusalText, type Lang } from '../i18n.js';
import type { Command, ProgressKey } from '../keyboard.js';
import { isInFlight, type PendingAction } from '../store/pending.js';
import { useDuty } from '../store/provider.js';
import { useCommand } from '../use-command.js';

type ButtonState = 'idle' | PendingAction['state'];

function stateText(state: ButtonState, pending: PendingAction | undefined, lang: Lang): string | null {
  switch (state) {
    case 'idle':
      return null;
    case 'sending':
      return TEXT.sending[lang];
    case 'accepted':
      return TEXT.waiting[lang];
    case 'done':
      return `✓ ${TEXT.done[lang]}`;
    case 'refused':
    case 'superseded':
    case 'failed':
      return pending?.reason === undefined ? '✕' : `✕ ${shortReason(pending, lang)}`;
  }
}

function shortReason(pending: PendingAction, lang: Lang): string {
  const { reason } = pending;
  if (reason === 'timeout') return TEXT.noReply[lang];
  if (reason === 'offline' || reason === undefined) return TEXT.offline[lang];
  return refusalText(reason)[lang];
}

export function ActionButton({
  action,
  label,
  keyHint,
  enabled,
  state,
  pending,
  lang,
  onRun,
  progress,
  agency,
}: {
  action: AlertActionType;
  label: string;
  /** The shortcut, shown on the button. */
  keyHint?: string;
  enabled: boolean;
  state: ButtonState;
  pending: PendingAction | undefined;
  lang: Lang;
  onRun: () => void;
  progress?: AgencyProgressState;
  agency?: AgencyId;
}) {
  const text = stateText(state, pending, lang);
  return (
    <button
      type="button"
      className={`action-button action-${action} state-${state}`}
      data-testid="action-button"
      data-action={action}
      data-state={state}
      {...(progress !== undefined ? { 'data-progress': progress } : {})}
      {...(agency !== undefined ? { 'data-agency': agency } : {})}
      disabled={!enabled}
      aria-busy={state === 'sending' || state === 'accepted'}
      title={enabled ? undefined : TEXT.notPermitted[lang]}
      onClick={onRun}
    >
      {keyHint !== undefined && <kbd>{keyHint}</kbd>}
      <span className="action-label">{label}</span>
      {text !== null && <span className="action-state">{text}</span>}
    </button>
  );
}

/** The state a button shows: its own action's, when the alert's last action was this one. */
export function buttonState(
  pending: PendingAction | undefined,
  matches: (p: PendingAction) => boolean,
): ButtonState {
  return pending !== undefined && matches(pending) ? pending.state : 'idle';
}

const MAIN_ACTIONS: readonly { type: AlertActionType; key: string; command: Command }[] = [
  { type: 'ack', key: 'A', command: { kind: 'ack' } },
  { type: 'assign', key: 'S', command: { kind: 'form', form: 'assign' } },
  { type: 'escalate', key: 'E', command: { kind: 'form', form: 'escalate' } },
  { type: 'resolve', key: 'R', command: { kind: 'form', form: 'resolve' } },
  { type: 'comment', key: 'C', command: { kind: 'form', form: 'comment' } },
];

const PROGRESS_KEYS: readonly { progress: ProgressKey; key: string }[] = [
  { progress: 'acknowledged', key: '1' },
  { progress: 'on_scene', key: '2' },
  { progress: 'done', key: '3' },
];

export function ActionBar({ alert, viewer, lang }: { alert: Alert; viewer: SessionInfo | null; lang: Lang }) {
  const pending = useDuty((s) => s.pending.get(alert.alertId));
  const run = useCommand();
  const allowed = viewer === null ? [] : allowedActions(viewer, alert);
  const busy = isInFlight(pending);
  // Agency users report their own part from here (keys 1/2/3); duty officers per agency in the agency panel.
  const own = viewer?.role === 'agency' ? progressAgencies(viewer, alert)[0] : undefined;
  return (
    <div className="action-bar" data-testid="action-bar">
      {MAIN_ACTIONS.map(({ type, key, command }) => (
        <ActionButton
          key={type}
          action={type}
          label={ACTION_NAMES[type][lang]}
          keyHint={key}
          enabled={allowed.includes(type) && !busy}
          state={buttonState(pending, (p) => p.request.type === type)}
          pending={pending}
          lang={lang}
          onRun={() => run(command)}
        />
      ))}
      {own !== undefined && (
        <span className="action-group" aria-label={TEXT.progressFor[lang]}>
          <span className="action-group-label">{AGENCY_NAMES[own].short[lang]}</span>
          {PROGRESS_KEYS.map(({ progress, key }) => (
            <ActionButton
              key={progress}
              action="agency_update"
              progress={progress}
              agency={own}
              label={PROGRESS_NAMES[progress][lang]}
              keyHint={key}
              enabled={allowed.includes('agency_update') && !busy}
              state={buttonState(
                pending,
                (p) => p.request.type === 'agency_update' && p.request.progress === progress,
              )}
              pending={pending}
              lang={lang}
              onRun={() => run({ kind: 'progress', progress })}
            />
          ))}
        </span>
      )}
    </div>
  );
}
