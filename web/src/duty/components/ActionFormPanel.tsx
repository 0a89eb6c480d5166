'use client';
// The input an action needs beyond its key: a note (resolve: required; comment), the agencies to assign,
// or the level to escalate to. Keys drive it (keyboard.ts); the buttons run the same commands.
import { ALERT_LEVELS, levelRank, type Alert } from '@citybrain/schemas/events';
import { LEVEL_NAMES } from '../../wall/i18n.js';
import { AGENCY_ORDER } from '../commands.js';
import { ACTION_NAMES, AGENCY_NAMES, TEXT, type Lang } from '../i18n.js';
import { isInFlight } from '../store/pending.js';
import { useDuty } from '../store/provider.js';
import type { ActionForm } from '../store/ui-slice.js';
import { useCommand } from '../use-command.js';
import { levelColor } from './Badges.js';

function NoteForm({
  form,
  lang,
}: {
  form: Extract<ActionForm, { kind: 'resolve' | 'comment' }>;
  lang: Lang;
}) {
  const updateForm = useDuty((s) => s.updateForm);
  const required = form.kind === 'resolve';
  return (
    <>
      <textarea
        className={`note-field${form.error ? ' invalid' : ''}`}
        data-testid="note-field"
        data-keys="note"
        aria-label={ACTION_NAMES[form.kind][lang]}
        aria-required={required}
        aria-invalid={form.error === true}
        placeholder={required ? TEXT.notePlaceholderResolve[lang] : TEXT.notePlaceholderComment[lang]}
        maxLength={2000}
        rows={2}
        // The officer pressed r or c to write: the field takes the keys at once.
        autoFocus
        value={form.note}
        onChange={(event) => {
          const note = event.target.value;
          updateForm((f) =>
            f.kind === 'resolve' || f.kind === 'comment' ? { ...f, note, error: false } : f,
          );
        }}
      />
      {form.error && (
        <p className="form-error" data-testid="form-error" role="alert">
          {required ? TEXT.noteRequired[lang] : TEXT.commentRequired[lang]}
        </p>
      )}
    </>
  );
}

function AssignForm({ form, lang }: { form: Extract<ActionForm, { kind: 'assign' }>; lang: Lang }) {
  const run = useCommand();
  return (
    <>
      <p className="form-hint">{TEXT.chooseAgencies[lang]}</p>
      <div className="agency-choices" data-testid="assign-agencies">
        {AGENCY_ORDER.map((agency, index) => (
          <label key={agency} className={`agency-choice${form.agencies.includes(agency) ? ' checked' : ''}`}>
            <input
              type="checkbox"
              data-agency={agency}
              checked={form.agencies.includes(agency)}
              onChange={() => run({ kind: 'toggleAgency', index })}
            />
            <kbd>{index + 1}</kbd>
            <span>{AGENCY_NAMES[agency].full[lang]}</span>
          </label>
        ))}
      </div>
      {form.error && (
        <p className="form-error" role="alert">
          {TEXT.chooseAgenciesFirst[lang]}
        </p>
      )}
    </>
  );
}

function EscalateForm({
  form,
  alert,
  lang,
}: {
  form: Extract<ActionForm, { kind: 'escalate' }>;
  alert: Alert;
  lang: Lang;
}) {
  const updateForm = useDuty((s) => s.updateForm);
  return (
    <>
      <p className="form-hint">{TEXT.chooseLevel[lang]}</p>
      <div className="level-choices" data-testid="escalate-levels">
        {ALERT_LEVELS.map((level) => {
          const possible = levelRank(level) > levelRank(alert.level);
          return (
            <button
              key={level}
              type="button"
              className={`level-choice${form.level === level ? ' chosen' : ''}`}
              data-level={level}
              disabled={!possible}
              style={{ borderColor: levelColor(level) }}
              onClick={() => updateForm((f) => (f.kind === 'escalate' ? { ...f, level } : f))}
            >
              {LEVEL_NAMES[level][lang]}
            </button>
          );
        })}
      </div>
    </>
  );
}

export function ActionFormPanel({ alert, lang }: { alert: Alert; lang: Lang }) {
  const form = useDuty((s) => s.form);
  const pending = useDuty((s) => s.pending.get(alert.alertId));
  const run = useCommand();
  if (form === null || form.alertId !== alert.alertId) return null;
  const busy = isInFlight(pending);
  return (
    <div className={`action-form form-${form.kind}`} data-testid="action-form" data-form={form.kind}>
      <div className="action-form-title">{ACTION_NAMES[form.kind][lang]}</div>
      <div className="action-form-body">
        {(form.kind === 'resolve' || form.kind === 'comment') && <NoteForm form={form} lang={lang} />}
        {form.kind === 'assign' && <AssignForm form={form} lang={lang} />}
        {form.kind === 'escalate' && <EscalateForm form={form} alert={alert} lang={lang} />}
      </div>
      <div className="action-form-buttons">
        <button
          type="button"
          className="duty-button primary"
          data-testid="form-submit"
          disabled={busy}
          onClick={() => run({ kind: 'submit' })}
        >
          {busy ? TEXT.sending[lang] : TEXT.submit[lang]} <kbd>Enter</kbd>
        </button>
        <button
          type="button"
          className="duty-button"
          data-testid="form-cancel"
          onClick={() => run({ kind: 'close' })}
        >
          {TEXT.cancel[lang]} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
