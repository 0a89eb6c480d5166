// Who this console is, as the server says in each snapshot (never what the page assumes): it decides the
// scope the queue is filtered to and which actions are offered.
import type { StateCreator } from 'zustand';
import type { SessionInfo } from '../../realtime/events.js';
import type { DutyState } from './duty-store.js';

export interface SessionSlice {
  viewer: SessionInfo | null;
  setViewer: (viewer: SessionInfo) => void;
}

export const createSessionSlice: StateCreator<DutyState, [], [], SessionSlice> = (set) => ({
  viewer: null,
  setViewer: (viewer) => set({ viewer }),
});
