// Active alerts and history from ClickHouse: /api/alerts?status=active|closed|all&level=&district=&hours=&limit=&scope=
// (scoped by the caller's token; `scope` may only narrow it)
import { alertsQuery, queryAlerts } from '../../../src/server/rest/alerts-query.js';
import { parseQuery } from '../../../src/server/rest/params.js';
import { answerFor } from '../../../src/server/rest/scoped-answer.js';
import { webRuntime } from '../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return answerFor(request, ({ scope }) =>
    queryAlerts(webRuntime().clickhouse, parseQuery(alertsQuery, request.url), scope),
  );
}
