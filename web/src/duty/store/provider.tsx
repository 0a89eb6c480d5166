'use client';
// Creates the console's store once per mount and hands it down (zustand's Next.js guide): no store is
// shared between pages, tabs or server renders.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createDutyStore, type DutyState, type DutyStore } from './duty-store.js';

const DutyStoreContext = createContext<DutyStore | null>(null);

export function DutyStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createDutyStore());
  return <DutyStoreContext.Provider value={store}>{children}</DutyStoreContext.Provider>;
}

export function useDutyStoreApi(): DutyStore {
  const store = useContext(DutyStoreContext);
  if (store === null) throw new Error('useDuty needs a <DutyStoreProvider> above it');
  return store;
}

/** Subscribes to one narrow slice of state; the component re-renders only when that value changes. */
export function useDuty<T>(selector: (state: DutyState) => T): T {
  return useStore(useDutyStoreApi(), selector);
}
