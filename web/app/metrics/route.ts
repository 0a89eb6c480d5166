// Prometheus text for this web instance (sockets, emits, consumed and rejected messages, process stats).
import { webRuntime } from '../../src/server/runtime.js';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const registry = webRuntime().metrics;
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
}
