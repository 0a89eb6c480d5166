'use client';
import { useCallback } from 'react';
import { runCommand } from './commands.js';
import type { Command } from './keyboard.js';
import { useDutyStoreApi } from './store/provider.js';
import { PAGE_DOM } from './use-keyboard.js';

/** Runs a command the way its key would: what buttons call. */
export function useCommand(): (command: Command) => void {
  const store = useDutyStoreApi();
  return useCallback((command: Command) => runCommand(store, command, PAGE_DOM), [store]);
}
