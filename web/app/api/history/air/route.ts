// Air quality per district and for the city at an instant, for the wall's history replay:
// /api/history/air?at=<iso>&window=<minutes, default 10>&scope=<city|adcode|agency:id>
import type { HistoryAir } from '../../../../src/realtime/history.js';
import { queryAirAt } from '../../../../src/server/rest/history-air-query.js';
import { historyQuery } from '../../../../src/server/rest/history-params.js';
import { parseQuery } from '../../../../src/server/rest/params.js';
import { answerFor } from '../../../../src/server/rest/scoped-answer.js';
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  // The caller's scope from its session; the page's `scope` parameter may only narrow it.
  return answerFor(request, async ({ scope }): Promise<HistoryAir> => {
    const { clickhouse } = webRuntime();
    const q = parseQuery(historyQuery(Date.now), request.url);
    return {
      at: new Date(q.at).toISOString(),
      windowMinutes: q.window,
      districts: await queryAirAt(clickhouse, scope, q.at, q.window),
    };
  });
}
