// The configured district boundaries for the base map (DISTRICTS_GEOJSON; DESIGN §6).
import { webRuntime } from '../../../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(webRuntime().districts, { headers: { 'cache-control': 'public, max-age=300' } });
}
