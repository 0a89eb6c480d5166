// The console's keyboard, as a pure function from a key press and what is open to a command (commands.ts
// carries it out). Nothing fires while the officer types: in a text field only Enter and Esc mean anything.
import type { AgencyId } from '@citybrain/schemas/events';
import type { FormKind } from './store/ui-slice.js';

/** Where the key was pressed, as far as shortcuts care. */
export type KeyTarget =
  /** The page itself, a row, a checkbox: shortcuts apply. */
  | 'none'
  /** A button: Enter and Space belong to the button. */
  | 'button'
  /** The note field of resolve / comment. */
  | 'note'
  /** A filter field (search box, select). */
  | 'filter'
  /** Any other text field. */
  | 'input';

export interface KeyInput {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  target: KeyTarget;
}

export interface KeyContext {
  helpOpen: boolean;
  form: FormKind | null;
  detailOpen: boolean;
  /** Agency users report their own progress with 1/2/3. */
  agencyKeys: boolean;
}

export type ProgressKey = 'acknowledged' | 'on_scene' | 'done';

export type Command =
  | { kind: 'move'; step: number | 'first' | 'last' }
  | { kind: 'open' }
  /** Esc: closes the innermost thing open (help, form, detail). */
  | { kind: 'close' }
  | { kind: 'ack' }
  | { kind: 'form'; form: 'assign' | 'escalate' | 'resolve' | 'comment' }
  /** An agency's progress: the viewer's own agency unless named (duty officers report for any, by click). */
  | { kind: 'progress'; progress: ProgressKey; agency?: AgencyId }
  | { kind: 'focusFilters' }
  | { kind: 'help' }
  | { kind: 'lang' }
  /** Sends the open form. */
  | { kind: 'submit' }
  /** Assign form: the n-th agency (0-based, in the agency list's order) in or out. */
  | { kind: 'toggleAgency'; index: number }
  /** Escalate form: the target level one step more (1) or less (-1) severe. */
  | { kind: 'stepLevel'; step: 1 | -1 }
  /** Leaves a filter field for the queue. */
  | { kind: 'blur' };

const PAGE = 10;
const PROGRESS_KEYS: Readonly<Record<string, ProgressKey>> = {
  '1': 'acknowledged',
  '2': 'on_scene',
  '3': 'done',
};
const FORM_KEYS: Readonly<Record<string, 'assign' | 'escalate' | 'resolve' | 'comment'>> = {
  s: 'assign',
  e: 'escalate',
  r: 'resolve',
  c: 'comment',
};

export function commandForKey(input: KeyInput, context: KeyContext): Command | null {
  const { key, target } = input;
  // Browser and system shortcuts (copy, reload, tab switching) stay theirs.
  if (input.ctrl || input.meta || input.alt) return null;

  if (target === 'note') {
    if (key === 'Escape') return { kind: 'close' };
    if (key === 'Enter' && !input.shift) return { kind: 'submit' };
    return null;
  }
  if (target === 'filter' || target === 'input') {
    return key === 'Escape' || key === 'Enter' ? { kind: 'blur' } : null;
  }
  if (target === 'button' && (key === 'Enter' || key === ' ')) return null;

  if (context.helpOpen) {
    return key === 'Escape' || key === '?' ? { kind: 'close' } : null;
  }
  if (key === '?') return { kind: 'help' };
  if (key === 'Escape') return context.form !== null || context.detailOpen ? { kind: 'close' } : null;

  if (context.form === 'assign') {
    if (key === 'Enter') return { kind: 'submit' };
    const digit = Number.parseInt(key, 10);
    if (/^[1-9]$/.test(key)) return { kind: 'toggleAgency', index: digit - 1 };
    return null;
  }
  if (context.form === 'escalate') {
    if (key === 'Enter') return { kind: 'submit' };
    if (key === 'ArrowUp' || key === 'k') return { kind: 'stepLevel', step: 1 };
    if (key === 'ArrowDown' || key === 'j') return { kind: 'stepLevel', step: -1 };
    return null;
  }
  // A resolve / comment form whose field lost focus: Enter sends it, like in the field.
  if ((context.form === 'resolve' || context.form === 'comment') && key === 'Enter')
    return { kind: 'submit' };

  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', step: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', step: -1 };
    case 'PageDown':
      return { kind: 'move', step: PAGE };
    case 'PageUp':
      return { kind: 'move', step: -PAGE };
    case 'Home':
    case 'g':
      return { kind: 'move', step: 'first' };
    case 'End':
    case 'G':
      return { kind: 'move', step: 'last' };
    case 'Enter':
      return { kind: 'open' };
    case 'a':
      return { kind: 'ack' };
    case 'f':
    case '/':
      return { kind: 'focusFilters' };
    case 'l':
      return { kind: 'lang' };
  }
  const form = FORM_KEYS[key];
  if (form !== undefined) return { kind: 'form', form };
  const progress = PROGRESS_KEYS[key];
  if (progress !== undefined && context.agencyKeys) return { kind: 'progress', progress };
  return null;
}

/** What the page's focus means for shortcuts (the DOM side of KeyTarget). */
export function keyTargetOf(element: Element | null): KeyTarget {
  if (element === null) return 'none';
  const role = element.getAttribute('data-keys');
  if (role === 'note') return 'note';
  if (role === 'filter') return 'filter';
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'input';
  if (tag === 'INPUT') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    return type === 'checkbox' || type === 'radio' ? 'none' : 'input';
  }
  if (tag === 'BUTTON') return 'button';
  if ((element as Partial<HTMLElement>).isContentEditable === true) return 'input';
  return 'none';
}
