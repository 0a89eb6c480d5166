// OASIS CAP 1.2 feed of the active alerts in the caller's scope: /api/feeds/alerts.cap[?alertId=][&scope=]
// (Atom of CAP alerts; one CAP document with alertId). Authenticated like every REST call: a district
// center's or agency's token gets its scope only.
import { capAnswer } from '../../../../src/server/rest/cap-feed.js';
import { AuthError, ScopeError } from '../../../../src/server/auth/principal.js';
import { resolveScope } from '../../../../src/server/auth/scope.js';
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const runtime = webRuntime();
  const url = new URL(request.url);
  try {
    const principal = await runtime.principalOf(request);
    const scope = resolveScope(principal, url.searchParams.get('scope') ?? undefined, runtime.districtCodes);
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
  } catch (error) {
    if (error instanceof AuthError)
      return Response.json(
        { error: 'unauthenticated', reason: error.reason, message: error.message },
        { status: 401 },
      );
    if (error instanceof ScopeError)
      return Response.json({ error: 'forbidden', reason: 'scope', message: error.message }, { status: 403 });
    throw error;
  }
}
