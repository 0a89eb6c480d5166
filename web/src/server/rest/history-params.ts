// Query parameters of the history routes (/api/history/*): the instant to replay and the window before it
// in which each cell's, segment's and station's latest report stands for "then".
import { z } from 'zod';

/** How far back the routes answer: the wall's slider covers 6 h; a week leaves room for incident reviews. */
export const HISTORY_MAX_AGE_MS = 7 * 24 * 3_600_000;
/** An instant a little ahead of this server's clock is a page clock running fast, not a request for the future. */
const FUTURE_SLACK_MS = 60_000;

/**
 * The default window matches streams' `STREAMS_STALE_MS` (10 min): a cell that had not reported for that long
 * was off the live picture then, so it stays off the replayed one.
 */
export const DEFAULT_WINDOW_MINUTES = 10;

export function historyQuery(now: () => number) {
  return z.object({
    at: z.iso
      .datetime({ offset: true })
      .transform((text) => Date.parse(text))
      .refine((ms) => ms <= now() + FUTURE_SLACK_MS, 'must not be in the future')
      .refine((ms) => ms >= now() - HISTORY_MAX_AGE_MS, 'must be within the last 7 days'),
    window: z.coerce.number().int().min(1).max(60).default(DEFAULT_WINDOW_MINUTES),
  });
}
export type HistoryQuery = z.infer<ReturnType<typeof historyQuery>>;
