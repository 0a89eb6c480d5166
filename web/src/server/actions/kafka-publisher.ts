// Publishes actions to city.alert-actions.v1, keyed by alert so one alert's actions stay in order.
import { TOPICS } from '@citybrain/schemas/topics';
import type { Producer } from 'kafkajs';
import type { ActionPublisher } from './action-handler.js';

export function kafkaActionPublisher(producer: Producer): ActionPublisher {
  return {
    async publish(action) {
      await producer.send({
        topic: TOPICS.alertActions,
        acks: -1,
        timeout: 5_000,
        messages: [{ key: action.alertId, value: JSON.stringify(action) }],
      });
    },
  };
}
