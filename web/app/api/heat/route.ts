// Crowd heat per cell over the last N minutes from ClickHouse: /api/heat?window=15&district=&limit=
import { heatQuery, queryHeat } from '../../../src/server/rest/heat-query.js';
import { answer, parseQuery } from '../../../src/server/rest/params.js';
import { webRuntime } from '../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return answer(() => queryHeat(webRuntime().clickhouse, parseQuery(heatQuery, request.url)));
}
