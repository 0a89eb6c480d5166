'use client';
// The shortcut legend along the bottom (always on screen) and the full list behind `?`.
import { TEXT, type Lang } from '../i18n.js';
import { FORM_SHORTCUTS, SHORTCUTS, type Shortcut } from '../shortcuts.js';
import { useDuty } from '../store/provider.js';

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="keys">
      {keys.map((key) => (
        <kbd key={key}>{key}</kbd>
      ))}
    </span>
  );
}

function visible(shortcuts: readonly Shortcut[], agencyUser: boolean): readonly Shortcut[] {
  return shortcuts.filter((s) => agencyUser || s.agency !== true);
}

export function ShortcutLegend() {
  const lang = useDuty((s) => s.lang);
  const agencyUser = useDuty((s) => s.viewer?.role === 'agency');
  return (
    <footer className="shortcut-legend" data-testid="shortcut-legend">
      {visible(SHORTCUTS, agencyUser)
        .filter((s) => s.legend === true)
        .map((s) => (
          <span key={s.keys.join()} className="legend-entry">
            <Keys keys={s.keys} />
            {s.text[lang]}
          </span>
        ))}
    </footer>
  );
}

export function HelpOverlay({ lang }: { lang: Lang }) {
  const setHelpOpen = useDuty((s) => s.setHelpOpen);
  const agencyUser = useDuty((s) => s.viewer?.role === 'agency');
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label={TEXT.shortcuts[lang]}
      onClick={() => setHelpOpen(false)}
    >
      <div className="help" data-testid="help" onClick={(event) => event.stopPropagation()}>
        <h2>{TEXT.shortcuts[lang]}</h2>
        <div className="help-columns">
          <dl>
            {visible(SHORTCUTS, agencyUser).map((s) => (
              <div key={s.keys.join()} className="help-row">
                <dt>
                  <Keys keys={s.keys} />
                </dt>
                <dd>{s.text[lang]}</dd>
              </div>
            ))}
          </dl>
          <dl>
            {FORM_SHORTCUTS.map((s) => (
              <div key={s.keys.join()} className="help-row">
                <dt>
                  <Keys keys={s.keys} />
                </dt>
                <dd>{s.text[lang]}</dd>
              </div>
            ))}
          </dl>
        </div>
        <button type="button" className="duty-button" onClick={() => setHelpOpen(false)}>
          {TEXT.close[lang]} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
