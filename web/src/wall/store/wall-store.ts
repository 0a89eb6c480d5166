// One store per page (STYLE §18), composed of slices with their actions beside their data (zustand's
// slices pattern). Created by WallStoreProvider, never as a module global.
import { spreadSet } from '../../store/spread-set.js';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WallScope } from '../../realtime/events.js';
import { createAlertsSlice, type AlertsSlice } from './alerts-slice.js';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice.js';
import { createHistorySlice, type HistorySlice } from './history-slice.js';
import { createLiveSlice, type LiveSlice } from './live-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';

export interface ScopeSlice {
  /** Fixed for the page's life: a different scope is a different page. */
  readonly scope: WallScope;
}

export type WallState = ScopeSlice & AlertsSlice & LiveSlice & ConnectionSlice & UiSlice & HistorySlice;
export type WallStore = StoreApi<WallState>;

export function createWallStore(scope: WallScope): WallStore {
  const versions = new Map<string, number>();
  return createStore<WallState>()(
    spreadSet((...a) => ({
      scope,
      ...createAlertsSlice(versions)(...a),
      ...createLiveSlice(...a),
      ...createConnectionSlice(versions)(...a),
      ...createUiSlice(...a),
      ...createHistorySlice(...a),
    })),
  );
}
