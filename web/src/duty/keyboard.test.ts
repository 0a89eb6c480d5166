import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyContext, type KeyInput } from './keyboard.js';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrl: false,
  meta: false,
  alt: false,
  shift: false,
  target: 'none',
  ...over,
});
const queue: KeyContext = { helpOpen: false, form: null, detailOpen: false, agencyKeys: false };
const press = (k: string, context: Partial<KeyContext> = {}, over: Partial<KeyInput> = {}) =>
  commandForKey(key(k, over), { ...queue, ...context });

describe('keyboard', () => {
  it('moves the selection with j/k and the arrows, pages and ends', () => {
    expect(press('j')).toEqual({ kind: 'move', step: 1 });
    expect(press('ArrowDown')).toEqual({ kind: 'move', step: 1 });
    expect(press('k')).toEqual({ kind: 'move', step: -1 });
    expect(press('ArrowUp')).toEqual({ kind: 'move', step: -1 });
    expect(press('PageDown')).toEqual({ kind: 'move', step: 10 });
    expect(press('Home')).toEqual({ kind: 'move', step: 'first' });
    expect(press('G', {}, { shift: true })).toEqual({ kind: 'move', step: 'last' });
  });

  it('opens with Enter and closes the innermost layer with Esc', () => {
    expect(press('Enter')).toEqual({ kind: 'open' });
    expect(press('Escape')).toBeNull();
    expect(press('Escape', { detailOpen: true })).toEqual({ kind: 'close' });
    expect(press('Escape', { form: 'assign' })).toEqual({ kind: 'close' });
  });

  it('maps the action keys', () => {
    expect(press('a')).toEqual({ kind: 'ack' });
    expect(press('s')).toEqual({ kind: 'form', form: 'assign' });
    expect(press('e')).toEqual({ kind: 'form', form: 'escalate' });
    expect(press('r')).toEqual({ kind: 'form', form: 'resolve' });
    expect(press('c')).toEqual({ kind: 'form', form: 'comment' });
    expect(press('x')).toBeNull();
  });

  it('gives 1/2/3 to agency users only', () => {
    expect(press('1')).toBeNull();
    expect(press('1', { agencyKeys: true })).toEqual({ kind: 'progress', progress: 'acknowledged' });
    expect(press('2', { agencyKeys: true })).toEqual({ kind: 'progress', progress: 'on_scene' });
    expect(press('3', { agencyKeys: true })).toEqual({ kind: 'progress', progress: 'done' });
    expect(press('4', { agencyKeys: true })).toBeNull();
  });

  it('focuses the filters, toggles help and language', () => {
    expect(press('f')).toEqual({ kind: 'focusFilters' });
    expect(press('/')).toEqual({ kind: 'focusFilters' });
    expect(press('?', {}, { shift: true })).toEqual({ kind: 'help' });
    expect(press('l')).toEqual({ kind: 'lang' });
  });

  it('lets the help overlay swallow everything but ? and Esc', () => {
    expect(press('j', { helpOpen: true })).toBeNull();
    expect(press('a', { helpOpen: true })).toBeNull();
    expect(press('?', { helpOpen: true })).toEqual({ kind: 'close' });
    expect(press('Escape', { helpOpen: true })).toEqual({ kind: 'close' });
  });

  it('fires no shortcut while typing; Enter and Esc end the field', () => {
    for (const k of ['a', 'j', 'r', '1', '?', '/', ' '])
      for (const target of ['note', 'filter', 'input'] as const) expect(press(k, {}, { target })).toBeNull();
    expect(press('Enter', { form: 'resolve' }, { target: 'note' })).toEqual({ kind: 'submit' });
    expect(press('Enter', { form: 'resolve' }, { target: 'note', shift: true })).toBeNull(); // a new line
    expect(press('Escape', { form: 'resolve' }, { target: 'note' })).toEqual({ kind: 'close' });
    expect(press('Escape', {}, { target: 'filter' })).toEqual({ kind: 'blur' });
    expect(press('Enter', {}, { target: 'filter' })).toEqual({ kind: 'blur' });
  });

  it('leaves Enter and Space on a button to the button, and modified keys to the browser', () => {
    expect(press('Enter', {}, { target: 'button' })).toBeNull();
    expect(press(' ', {}, { target: 'button' })).toBeNull();
    expect(press('j', {}, { target: 'button' })).toEqual({ kind: 'move', step: 1 });
    expect(press('r', {}, { ctrl: true })).toBeNull();
    expect(press('a', {}, { meta: true })).toBeNull();
  });

  it('drives the assign and escalate forms', () => {
    expect(press('3', { form: 'assign' })).toEqual({ kind: 'toggleAgency', index: 2 });
    expect(press('Enter', { form: 'assign' })).toEqual({ kind: 'submit' });
    expect(press('j', { form: 'assign' })).toBeNull();
    expect(press('ArrowUp', { form: 'escalate' })).toEqual({ kind: 'stepLevel', step: 1 });
    expect(press('j', { form: 'escalate' })).toEqual({ kind: 'stepLevel', step: -1 });
    expect(press('Enter', { form: 'escalate' })).toEqual({ kind: 'submit' });
    expect(press('Enter', { form: 'comment' })).toEqual({ kind: 'submit' });
  });
});
