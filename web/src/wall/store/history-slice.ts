// History replay: whether the wall shows the live picture or a past instant, and that past picture once it
// has loaded. Live deltas keep flowing into the alerts and live slices while replaying (nothing is paused),
// so going back to live shows the current picture at once; the panels choose which picture to draw through
// the `shown*` selectors, never by reading `live`/`alerts` directly.
import type { Alert, LiveAggregate } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import type { TrendPoint } from './congestion-trend.js';
import type { WallState } from './wall-store.js';

/** The city as it was at one instant, in the live picture's shapes so every panel draws it unchanged. */
export interface ReplayPicture {
  /** The instant shown (epoch ms, server clock). */
  at: number;
  live: ReadonlyMap<string, LiveAggregate>;
  alerts: ReadonlyMap<string, Alert>;
  congestionTrend: readonly TrendPoint[];
}

export type HistoryState =
  | { mode: 'live' }
  | {
      mode: 'replay';
      /** The instant asked for. */
      at: number;
      /** The last picture loaded: the one for `at`, or the previous one while `at`'s is loading. */
      picture: ReplayPicture | null;
      loading: boolean;
      error: string | null;
    };

export interface HistorySlice {
  history: HistoryState;
  /** Enters replay at `at` (epoch ms, server clock), or moves it there; the picture loads after. */
  replayAt: (at: number) => void;
  /** A picture arrived: kept only if it is for the instant still asked for. */
  replayLoaded: (picture: ReplayPicture) => void;
  replayFailed: (at: number, error: string) => void;
  backToLive: () => void;
}

const LIVE: HistoryState = { mode: 'live' };

export const createHistorySlice: StateCreator<WallState, [], [], HistorySlice> = (set, get) => ({
  history: LIVE,
  replayAt: (at) => {
    const current = get().history;
    if (current.mode === 'replay' && current.at === at) return;
    set({
      history: {
        mode: 'replay',
        at,
        picture: current.mode === 'replay' ? current.picture : null,
        loading: true,
        error: null,
      },
    });
  },
  replayLoaded: (picture) => {
    const current = get().history;
    if (current.mode !== 'replay' || current.at !== picture.at) return;
    set({ history: { ...current, picture, loading: false, error: null } });
  },
  replayFailed: (at, error) => {
    const current = get().history;
    if (current.mode !== 'replay' || current.at !== at) return;
    set({ history: { ...current, loading: false, error } });
  },
  backToLive: () => {
    if (get().history.mode !== 'live') set({ history: LIVE });
  },
});
