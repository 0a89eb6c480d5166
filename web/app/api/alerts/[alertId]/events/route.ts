// One alert's action timeline from the audit trail: /api/alerts/<alertId>/events, oldest version first;
// 404 when the alert is unknown or outside the caller's scope (not told apart).
import type { WallScope } from '../../../../../src/realtime/events.js';
import { alertIdParam, queryAlertTimeline } from '../../../../../src/server/rest/alert-timeline-query.js';
import { webRuntime } from '../../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

// The whole city until the signed-in session's scope reaches route handlers (the authentication half of
// issue #5 passes it here); the query already refuses anything outside the scope it is given.
const CALLER_SCOPE: WallScope = { kind: 'city' };

export async function GET(
  _request: Request,
  context: { params: Promise<{ alertId: string }> },
): Promise<Response> {
  const alertId = alertIdParam.safeParse((await context.params).alertId);
  if (!alertId.success) {
    return Response.json({ error: 'alertId: must be 1 to 128 characters' }, { status: 400 });
  }
  const timeline = await queryAlertTimeline(webRuntime().clickhouse, alertId.data, CALLER_SCOPE);
  if (timeline === null) return Response.json({ error: 'unknown alert' }, { status: 404 });
  return Response.json(timeline, { headers: { 'cache-control': 'no-store' } });
}
