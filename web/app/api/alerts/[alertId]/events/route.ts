// One alert's action timeline from the audit trail: /api/alerts/<alertId>/events, oldest version first.
// Scoped by the caller's token like every REST handler: an alert outside the scope (or unknown) answers an
// empty timeline, so a scope cannot probe for alerts it may not see.
import { alertIdParam, queryAlertTimeline } from '../../../../../src/server/rest/alert-timeline-query.js';
import { BadRequestError } from '../../../../../src/server/rest/params.js';
import { answerFor } from '../../../../../src/server/rest/scoped-answer.js';
import { webRuntime } from '../../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export async function GET(
  request: Request,
  context: { params: Promise<{ alertId: string }> },
): Promise<Response> {
  const { alertId } = await context.params;
  return answerFor(request, async ({ scope }) => {
    const id = alertIdParam.safeParse(alertId);
    if (!id.success) throw new BadRequestError('alertId: must be 1 to 128 characters');
    return (await queryAlertTimeline(webRuntime().clickhouse, id.data, scope)) ?? [];
  });
}
