'use client';
// The console's keyboard: one listener on the window, the key mapped by commandForKey and carried out by
// runCommand, the same path the buttons take.
import { useEffect } from 'react';
import { runCommand, type CommandDom } from './commands.js';
import { commandForKey, keyTargetOf } from './keyboard.js';
import { useDutyStoreApi } from './store/provider.js';

export const PAGE_DOM: CommandDom = {
  focusFilters: () => document.querySelector<HTMLElement>('[data-keys="filter"]')?.focus(),
  blur: () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement) active.blur();
  },
};

export function useKeyboard(): void {
  const store = useDutyStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing) return; // an IME is building Chinese text: its Enter is not ours
      const state = store.getState();
      const command = commandForKey(
        {
          key: event.key,
          ctrl: event.ctrlKey,
          meta: event.metaKey,
          alt: event.altKey,
          shift: event.shiftKey,
          target: keyTargetOf(document.activeElement),
        },
        {
          helpOpen: state.helpOpen,
          form: state.form?.kind ?? null,
          detailOpen: state.detailOpen,
          agencyKeys: state.viewer?.role === 'agency',
        },
      );
      if (command === null) return;
      event.preventDefault();
      runCommand(store, command, PAGE_DOM);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
