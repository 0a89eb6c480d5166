// Liveness and the wall feed's state, for load balancers and the ops team's monitoring.
import { webRuntime } from '../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  const { ok, details } = webRuntime().health();
  return Response.json({ status: ok ? 'ok' : 'degraded', ...details }, { status: ok ? 200 : 503 });
}
