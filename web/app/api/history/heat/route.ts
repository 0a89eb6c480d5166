// Crowd heat per H3 cell and road congestion per segment at an instant, for the wall's history replay:
// /api/history/heat?at=<iso>&window=<minutes, default 10>&scope=<city|adcode|agency:id>
import { segmentArterials } from '@citybrain/schemas/geo';
import type { HistoryHeat } from '../../../../src/realtime/history.js';
import { historyQuery } from '../../../../src/server/rest/history-params.js';
import { queryHeatAt } from '../../../../src/server/rest/history-heat-query.js';
import { querySegmentsAt, queryTrendAt } from '../../../../src/server/rest/history-traffic-query.js';
import { parseQuery } from '../../../../src/server/rest/params.js';
import { answerFor } from '../../../../src/server/rest/scoped-answer.js';
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

// Feeds that leave out the free-flow speed (some FIWARE ones) get the arterial table's, as streams does.
let freeFlow: ReadonlyMap<string, number> | undefined;
const freeFlowOf = () =>
  (freeFlow ??= new Map(segmentArterials().map((segment) => [segment.id, segment.freeFlowKmh])));

export function GET(request: Request): Promise<Response> {
  // The caller's scope from its session; the page's `scope` parameter may only narrow it.
  return answerFor(request, async ({ scope }): Promise<HistoryHeat> => {
    const { clickhouse } = webRuntime();
    const q = parseQuery(historyQuery(Date.now), request.url);
    const [heat, segments, trend] = await Promise.all([
      queryHeatAt(clickhouse, scope, q.at, q.window),
      querySegmentsAt(clickhouse, scope, q.at, q.window, freeFlowOf()),
      queryTrendAt(clickhouse, scope, q.at, freeFlowOf()),
    ]);
    return {
      at: new Date(q.at).toISOString(),
      windowMinutes: q.window,
      cells: heat.cells,
      truncated: heat.truncated,
      segments,
      trend,
    };
  });
}
