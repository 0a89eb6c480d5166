// Prometheus metrics of one streams instance; a registry per instance so two in one process do not collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createStreamsMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'citybrain_streams_' });
  return {
    registry,
    events: new Counter({
      name: 'citybrain_streams_events_total',
      help: 'Source events consumed, by topic and outcome (accepted, late, bad_json, invalid, future)',
      labelNames: ['topic', 'outcome'] as const,
      registers: [registry],
    }),
    windowsClosed: new Counter({
      name: 'citybrain_streams_windows_closed_total',
      help: 'Event-time windows closed and evaluated',
      registers: [registry],
    }),
    evaluationSeconds: new Histogram({
      name: 'citybrain_streams_evaluation_seconds',
      help: 'Time to close due windows and evaluate every rule on them',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    watermark: new Gauge({
      name: 'citybrain_streams_watermark_seconds',
      help: 'Event-time watermark (epoch seconds): windows ending before it are closed',
      registers: [registry],
    }),
    alertEvents: new Counter({
      name: 'citybrain_streams_alert_events_total',
      help: 'Alert events published to city.alerts.v1, by type and level',
      labelNames: ['type', 'level'] as const,
      registers: [registry],
    }),
    activeAlerts: new Gauge({
      name: 'citybrain_streams_active_alerts',
      help: 'Live (not resolved or expired) alerts',
      registers: [registry],
    }),
    actions: new Counter({
      name: 'citybrain_streams_actions_total',
      help: 'Alert actions from city.alert-actions.v1, by type and outcome (applied or the refusal reason)',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    liveMessages: new Counter({
      name: 'citybrain_streams_live_messages_total',
      help: 'LiveAggregate messages published to city.live.v1',
      registers: [registry],
    }),
    sinkRetries: new Counter({
      name: 'citybrain_streams_sink_retries_total',
      help: 'Failed alert writes that will be retried, by target (clickhouse, kafka)',
      labelNames: ['target'] as const,
      registers: [registry],
    }),
  };
}

export type StreamsMetrics = ReturnType<typeof createStreamsMetrics>;
