'use client';
// Keeps the heavy wall (maplibre, deck.gl, Socket.IO) out of server rendering, which it cannot use anyway:
// the server renders nothing here, the browser loads the wall's chunk and renders it.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { WallScope } from '../realtime/events.js';

const Wall = lazy(() => import('./components/Wall.js'));

const noSubscription = () => () => undefined;

export function WallClient({ scope }: { scope: WallScope }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) return null;
  return (
    <Suspense fallback={null}>
      <Wall scope={scope} />
    </Suspense>
  );
}
