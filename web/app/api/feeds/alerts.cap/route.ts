// OASIS CAP 1.2 feed of the active alerts in the caller's scope: /api/feeds/alerts.cap[?alertId=][&scope=]
// (Atom of CAP alerts; one CAP document with alertId). Authenticated like every REST call: a district
// center's or agency's token gets its scope only.
import { capAnswer } from '../../../../src/server/rest/cap-feed.js';
import { respondFor } from '../../../../src/server/rest/scoped-answer.js';
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return respondFor(request, ({ scope }) => {
    const runtime = webRuntime();
    const url = new URL(request.url);
    const answer = capAnswer(
      {
        activeAlerts: () => runtime.activeAlerts(),
        districtNames: runtime.districtNames,
        origin: url.origin,
      },
      scope,
      url.searchParams.get('alertId'),
    );
    return new Response(answer.body, {
      status: answer.status,
      headers: { 'content-type': `${answer.type}; charset=utf-8`, 'cache-control': 'no-store' },
    });
  });
}
