// Air quality per district and for the city at an instant, for the wall's history replay:
// /api/history/air?at=<iso>&window=<minutes, default 10>&scope=<city|adcode|agency:id>
import type { HistoryAir } from '../../../../src/realtime/history.js';
import { queryAirAt } from '../../../../src/server/rest/history-air-query.js';
import { historyQuery } from '../../../../src/server/rest/history-params.js';
import { answer, parseQuery } from '../../../../src/server/rest/params.js';
import { districtsOf, requestScope } from '../../../../src/server/rest/request-scope.js';
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return answer(async (): Promise<HistoryAir> => {
    const { clickhouse, districts } = webRuntime();
    const q = parseQuery(historyQuery(Date.now), request.url);
    const scope = requestScope(q.scope, districtsOf(districts));
    return {
      at: new Date(q.at).toISOString(),
      windowMinutes: q.window,
      districts: await queryAirAt(clickhouse, scope, q.at, q.window),
    };
  });
}
