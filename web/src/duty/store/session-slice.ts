// Who this console is, as the server says in each snapshot (never what the page assumes): it decides the
// scope the queue is filtered to and which actions are offered.
import type { StateCreator } from 'zustand';
import type { SessionInfo } from '../../realtime/events.js';
import type { DutyState } from './duty-store.js';

export interface SessionSlice {
  viewer: SessionInfo | null;
  /**
   * Why the gateway refused this console's session (expired, revoked…), once it has: nothing more will
   * arrive until the officer signs in again. Null while the session stands.
   */
  signedOut: string | null;
  setViewer: (viewer: SessionInfo) => void;
  setSignedOut: (reason: string | null) => void;
}

export const createSessionSlice: StateCreator<DutyState, [], [], SessionSlice> = (set) => ({
  viewer: null,
  signedOut: null,
  setViewer: (viewer) => set({ viewer }),
  setSignedOut: (signedOut) => set({ signedOut }),
});
