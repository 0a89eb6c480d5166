'use client';
import type { Alert } from '@citybrain/schemas/events';
import { useMemo } from 'react';
import { useDuty } from './store/provider.js';
import { alertQueue, resolveSelection } from './store/selectors.js';

/** The alert selected in the queue as filtered now (what the detail shows and the action keys act on). */
export function useSelectedAlert(): Alert | undefined {
  const alerts = useDuty((s) => s.alerts);
  const filters = useDuty((s) => s.filters);
  const selectedId = useDuty((s) => s.selectedId);
  const selectedIndex = useDuty((s) => s.selectedIndex);
  return useMemo(() => {
    const id = resolveSelection(alertQueue(alerts, filters), selectedId, selectedIndex);
    return id === null ? undefined : alerts.get(id);
  }, [alerts, filters, selectedId, selectedIndex]);
}
