// Fetches the picture at an instant from the history routes (heat + traffic, alerts, air) for the page's
// scope. The server decides what the caller may see; the scope sent here only asks for the page's own view.
import type { WallScope } from '../../realtime/events.js';
import type { HistoryAir, HistoryAlerts, HistoryHeat } from '../../realtime/history.js';
import { scopeKey } from '../../realtime/picture.js';
import type { ReplayPicture } from '../store/history-slice.js';
import { replayPicture } from './replay-picture.js';

export type HistoryRoute = 'heat' | 'alerts' | 'air';

export function historyUrl(route: HistoryRoute, at: number, scope: WallScope): string {
  const params = new URLSearchParams({ at: new Date(at).toISOString() });
  if (scope.kind !== 'city') params.set('scope', scopeKey(scope));
  return `/api/history/${route}?${params.toString()}`;
}

export class ReplayFetchError extends Error {
  override readonly name = 'ReplayFetchError';
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url}: HTTP ${status}`);
  }
}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new ReplayFetchError(url, response.status);
  return (await response.json()) as T;
}

export async function fetchReplay(at: number, scope: WallScope, signal: AbortSignal): Promise<ReplayPicture> {
  const [heat, alerts, air] = await Promise.all([
    getJson<HistoryHeat>(historyUrl('heat', at, scope), signal),
    getJson<HistoryAlerts>(historyUrl('alerts', at, scope), signal),
    getJson<HistoryAir>(historyUrl('air', at, scope), signal),
  ]);
  return replayPicture(at, heat, alerts, air);
}
