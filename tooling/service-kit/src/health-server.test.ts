import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from './health-server.js';

describe('health server', () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('serves health as 200 or 503 and metrics as Prometheus text', async () => {
    const registry = new Registry();
    new Counter({ name: 'demo_total', help: 'a counter', registers: [registry] }).inc(3);
    let ok = true;
    server = await startHealthServer({ host: '127.0.0.1', port: 0 }, registry, () => ({
      ok,
      details: { kafka: 'up' },
    }));
    const healthy = await fetch(`${server.url}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ok', kafka: 'up' });
    ok = false;
    expect((await fetch(`${server.url}/health`)).status).toBe(503);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('demo_total 3');
    expect((await fetch(`${server.url}/other`)).status).toBe(404);
  });
});
