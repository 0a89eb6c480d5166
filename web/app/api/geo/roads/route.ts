// Arterial segment polylines for the traffic layer; live congestion arrives by segment id over Socket.IO.
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(webRuntime().roads, { headers: { 'cache-control': 'public, max-age=300' } });
}
