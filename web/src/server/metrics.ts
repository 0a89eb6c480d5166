// Prometheus metrics of one web instance, served at /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface WebMetrics {
  readonly registry: Registry;
  readonly messages: Counter<'topic'>;
  readonly rejected: Counter<'topic'>;
  readonly emits: Counter<'event'>;
  readonly broadcastSeconds: Histogram<'event'>;
  readonly sockets: Gauge;
  readonly activeAlerts: Gauge;
  readonly authRefused: Counter<'reason'>;
  readonly socketRefused: Counter<'reason'>;
  readonly actions: Counter<'type' | 'outcome'>;
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
    broadcastSeconds: new Histogram({
      name: 'citybrain_web_broadcast_seconds',
      help: 'Time to hand one alert or live tick to every socket that gets it (the server share of fan-out)',
      labelNames: ['event'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
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
    authRefused: new Counter({
      name: 'citybrain_web_auth_refused_total',
      help: 'HTTP requests and sign-ins refused, by reason (missing, expired, bad_credentials, forbidden, …)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    socketRefused: new Counter({
      name: 'citybrain_web_socket_refused_total',
      help: 'Socket.IO handshakes and client events refused, by reason (expired, scope, oversized, malformed, unknown_event, …)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    actions: new Counter({
      name: 'citybrain_web_actions_total',
      help: 'Alert actions asked for on sockets, by type and outcome (accepted or the refusal reason)',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
  };
}
