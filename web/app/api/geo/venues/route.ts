// Crowd venues with capacity and cells, for the wall's venue occupancy panel.
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(webRuntime().venues, { headers: { 'cache-control': 'public, max-age=300' } });
}
