'use client';
// The open alert's action timeline, fetched again whenever its version changes: every change writes its
// audit row before the new version is published, so the new row is there by the time the version arrives.
import { useEffect, useState } from 'react';
import type { TimelineEntry } from '../server/rest/alert-timeline-query.js';

export type TimelineState =
  | { kind: 'loading'; entries?: TimelineEntry[] }
  | { kind: 'ready'; entries: TimelineEntry[] }
  | { kind: 'failed' };

interface Held {
  alertId: string;
  version: number;
  timeline: TimelineState;
}

export function useTimeline(alertId: string, version: number): TimelineState {
  const [held, setHeld] = useState<Held | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/alerts/${encodeURIComponent(alertId)}/events`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const entries = (await response.json()) as TimelineEntry[];
        setHeld({ alertId, version, timeline: { kind: 'ready', entries } });
      })
      .catch(() => {
        if (!controller.signal.aborted) setHeld({ alertId, version, timeline: { kind: 'failed' } });
      });
    return () => controller.abort();
  }, [alertId, version]);
  if (held?.alertId === alertId && held.version === version) return held.timeline;
  // A newer version of the same alert: keep showing the rows held while the new ones load.
  if (held?.alertId === alertId && held.timeline.kind === 'ready') {
    return { kind: 'loading', entries: held.timeline.entries };
  }
  return { kind: 'loading' };
}
