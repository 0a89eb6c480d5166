// The alerts active at an instant, each in the state it had then, for the wall's history replay:
// /api/history/alerts?at=<iso>&scope=<city|adcode|agency:id>
import type { HistoryAlerts } from '../../../../src/realtime/history.js';
import { queryAlertsAt } from '../../../../src/server/rest/history-alerts-query.js';
import { historyQuery } from '../../../../src/server/rest/history-params.js';
import { parseQuery } from '../../../../src/server/rest/params.js';
import { answerFor } from '../../../../src/server/rest/scoped-answer.js';
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  // The caller's scope from its session; the page's `scope` parameter may only narrow it.
  return answerFor(request, async ({ scope }): Promise<HistoryAlerts> => {
    const { clickhouse } = webRuntime();
    const q = parseQuery(historyQuery(Date.now), request.url);
    const { alerts } = await queryAlertsAt(clickhouse, scope, q.at);
    return { at: new Date(q.at).toISOString(), alerts };
  });
}
