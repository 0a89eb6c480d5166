'use client';
// Renders the console in the browser only: it is live data over Socket.IO from the first frame, so a server
// render would only show an empty queue and then replace it.
import { lazy, Suspense, useSyncExternalStore } from 'react';

const DutyConsole = lazy(() => import('./components/DutyConsole.js'));

const noSubscription = () => () => undefined;

export function DutyClient() {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) return null;
  return (
    <Suspense fallback={null}>
      <DutyConsole />
    </Suspense>
  );
}
