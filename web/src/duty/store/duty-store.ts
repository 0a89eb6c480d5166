// One store per page (STYLE §18), composed of slices with their actions beside their data: the alerts in
// the viewer's scope, the link to the gateway, who the viewer is, what the officer is looking at, and the
// actions in flight. Created by DutyStoreProvider, never as a module global.
import { spreadSet } from '../../store/spread-set.js';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DutyTransport } from '../transport.js';
import { createActionsSlice, type ActionsSlice } from './actions-slice.js';
import { createAlertsSlice, type AlertsSlice } from './alerts-slice.js';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice.js';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';

export type DutyState = AlertsSlice & ConnectionSlice & SessionSlice & UiSlice & ActionsSlice;
export type DutyStore = StoreApi<DutyState>;

/** What lives beside the store rather than in it: nothing renders these. */
export interface DutyStoreContext {
  /** Highest version seen per alert, so a replayed older event never rolls an alert back. */
  versions: Map<string, number>;
  /** The gateway link, set once the socket exists. */
  transport: DutyTransport | null;
  /** Page clock (epoch ms). */
  now: () => number;
}

export function createDutyStore(options: { transport?: DutyTransport; now?: () => number } = {}): DutyStore {
  const context: DutyStoreContext = {
    versions: new Map(),
    transport: options.transport ?? null,
    now: options.now ?? Date.now,
  };
  return createStore<DutyState>()(
    spreadSet((...a) => ({
      ...createAlertsSlice(context)(...a),
      ...createConnectionSlice(context)(...a),
      ...createSessionSlice(...a),
      ...createUiSlice(...a),
      ...createActionsSlice(context)(...a),
    })),
  );
}
