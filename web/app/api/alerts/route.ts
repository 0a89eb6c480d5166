// Active alerts and history from ClickHouse: /api/alerts?status=active|closed|all&level=&district=&hours=&limit=
import { alertsQuery, queryAlerts } from '../../../src/server/rest/alerts-query.js';
import { answer, parseQuery } from '../../../src/server/rest/params.js';
import { webRuntime } from '../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return answer(() => queryAlerts(webRuntime().clickhouse, parseQuery(alertsQuery, request.url)));
}
