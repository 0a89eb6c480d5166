'use client';
// The slider from the keyboard, wherever the focus is on the wall (a wall is often driven from a keyboard
// beside it): ← / → step five minutes, Esc or L return to live.
import { useEffect } from 'react';
import { useWallStoreApi } from '../store/provider.js';
import { stepReplay } from '../store/replay-range.js';
import { replayingAt } from '../store/shown.js';

export type ReplayKeyAction = { kind: 'step'; direction: -1 | 1 } | { kind: 'live' } | null;

/** What a key press means for the replay; text fields keep their own keys. */
export function replayKeyAction(
  key: string,
  target: { tagName?: string; type?: string } | null,
): ReplayKeyAction {
  const tag = target?.tagName?.toLowerCase();
  const typing = tag === 'textarea' || tag === 'select' || (tag === 'input' && target?.type !== 'range');
  if (typing) return null;
  if (key === 'ArrowLeft') return { kind: 'step', direction: -1 };
  if (key === 'ArrowRight') return { kind: 'step', direction: 1 };
  if (key === 'Escape' || key === 'l' || key === 'L') return { kind: 'live' };
  return null;
}

export function useReplayKeys(): void {
  const store = useWallStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const action = replayKeyAction(
        event.key,
        event.target instanceof HTMLInputElement
          ? event.target
          : event.target instanceof HTMLElement
            ? event.target
            : null,
      );
      if (action === null) return;
      event.preventDefault();
      const state = store.getState();
      if (action.kind === 'live') {
        state.backToLive();
        return;
      }
      const now = Date.now() + state.clockSkewMs;
      const next = stepReplay(replayingAt(state), action.direction, now);
      if (next === null) state.backToLive();
      else state.replayAt(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
