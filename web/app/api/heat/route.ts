// Crowd heat per cell over the last N minutes from ClickHouse: /api/heat?window=15&district=&limit=
// (a district caller gets its own district only)
import { heatQuery, queryHeat } from '../../../src/server/rest/heat-query.js';
import { parseQuery } from '../../../src/server/rest/params.js';
import { answerFor, districtFilter } from '../../../src/server/rest/scoped-answer.js';
import { webRuntime } from '../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return answerFor(request, ({ scope }) => {
    const query = parseQuery(heatQuery, request.url);
    const district = districtFilter(scope, query.district);
    return queryHeat(webRuntime().clickhouse, { ...query, ...(district !== undefined ? { district } : {}) });
  });
}
