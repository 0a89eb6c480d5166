'use client';
// Creates the page's store once per mount and hands it down (zustand's Next.js guide): no store is shared
// between pages, tabs or server renders.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WallScope } from '../../realtime/events.js';
import { createWallStore, type WallState, type WallStore } from './wall-store.js';

const WallStoreContext = createContext<WallStore | null>(null);

export function WallStoreProvider({ scope, children }: { scope: WallScope; children: ReactNode }) {
  const [store] = useState(() => createWallStore(scope));
  return <WallStoreContext.Provider value={store}>{children}</WallStoreContext.Provider>;
}

export function useWallStoreApi(): WallStore {
  const store = useContext(WallStoreContext);
  if (store === null) throw new Error('useWallStore needs a <WallStoreProvider> above it');
  return store;
}

/** Subscribes to one narrow slice of state; the component re-renders only when that value changes. */
export function useWall<T>(selector: (state: WallState) => T): T {
  return useStore(useWallStoreApi(), selector);
}
