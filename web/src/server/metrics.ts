// Prometheus metrics of one web instance, served at /metrics.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export interface WebMetrics {
  readonly registry: Registry;
  readonly messages: Counter<'topic'>;
  readonly rejected: Counter<'topic'>;
  readonly emits: Counter<'event'>;
  readonly sockets: Gauge;
  readonly activeAlerts: Gauge;
}

export function createWebMetrics(): WebMetrics {
  // A registry per instance, not the global one: tests and the embedded launcher may start several.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'citybrain_web_' });
  return {
    registry,
    messages: new Counter({
      name: 'citybrain_web_kafka_messages_total',
      help: 'Messages consumed from Kafka by topic',
      labelNames: ['topic'],
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'citybrain_web_kafka_rejected_total',
      help: 'Messages skipped because they failed contract validation',
      labelNames: ['topic'],
      registers: [registry],
    }),
    emits: new Counter({
      name: 'citybrain_web_socket_emits_total',
      help: 'Deltas and snapshots sent to Socket.IO rooms',
      labelNames: ['event'],
      registers: [registry],
    }),
    sockets: new Gauge({
      name: 'citybrain_web_sockets',
      help: 'Connected Socket.IO clients',
      registers: [registry],
    }),
    activeAlerts: new Gauge({
      name: 'citybrain_web_active_alerts',
      help: 'Active alerts in the in-memory picture',
      registers: [registry],
    }),
  };
}
