'use client';
// Loads the replayed picture whenever the instant asked for changes: after a short pause (dragging the
// slider asks for dozens of instants; only the one it rests on is fetched), cancelling a load that a newer
// instant made pointless.
import { useEffect } from 'react';
import { useWall, useWallStoreApi } from '../store/provider.js';
import { replayingAt } from '../store/shown.js';
import { fetchReplay } from './replay-client.js';

const SETTLE_MS = 250;

export function useReplay(): void {
  const store = useWallStoreApi();
  const at = useWall(replayingAt);
  useEffect(() => {
    if (at === null) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const { scope } = store.getState();
      fetchReplay(at, scope, abort.signal).then(
        (picture) => store.getState().replayLoaded(picture),
        (error: unknown) => {
          if (!abort.signal.aborted) store.getState().replayFailed(at, String(error));
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [at, store]);
}
