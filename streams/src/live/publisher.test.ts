import type { LiveAggregate, SensorKind } from '@citybrain/schemas/events';
import { liveAggregate } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import type { ProducerRecord } from 'kafkajs';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createStreamsMetrics } from '../metrics.js';
import { LiveStore } from './live-store.js';
import { LivePublisher } from './publisher.js';

const T0 = Date.UTC(2026, 3, 5, 2, 0);

function harness() {
  const live = new LiveStore();
  const sent: ProducerRecord[] = [];
  let nowMs = T0;
  const publisher = new LivePublisher(
    {
      engine: { live, book: { alerts: () => [] } },
      producer: {
        send: (record) => {
          sent.push(record);
          return Promise.resolve([]);
        },
      },
      metrics: createStreamsMetrics(),
      logger: pino({ level: 'silent' }),
      now: () => nowMs,
    },
    { topN: 200, fullEveryMs: 60_000 },
  );
  const sensor = (sensorId: string, sensorKind: SensorKind, value: number, tsMs: number) =>
    live.observe({
      kind: 'sensor',
      tsMs,
      place: { cell: '89411ca1e6fffff', district: '440305', lat: 22.52, lon: 113.95 },
      sensorId,
      sensorKind,
      value,
    });
  const tick = async (advanceMs = 5_000): Promise<LiveAggregate[]> => {
    nowMs += advanceMs;
    const before = sent.length;
    await publisher.publish();
    return sent
      .slice(before)
      .flatMap((record) => record.messages.map((m) => liveAggregate.parse(JSON.parse(String(m.value)))));
  };
  return { sensor, tick, sent };
}

describe('live publisher', () => {
  it("sends a district's sensors and republishes it when only a sensor reading changed", async () => {
    const { sensor, tick, sent } = harness();
    sensor('water-1', 'water.level', 1.2, T0);
    sensor('noise-1', 'noise.leq', 58, T0);
    const first = await tick();
    expect(sent[0]?.topic).toBe(TOPICS.live);
    const nanshan = first.find((m) => m.district === '440305');
    expect(nanshan?.sensors?.map((s) => [s.sensorId, s.value, s.unit])).toEqual([
      ['noise-1', 58, 'dBA'],
      ['water-1', 1.2, 'm'],
    ]);
    expect(first.find((m) => m.district === 'city')?.sensors).toBeUndefined();
    // Nothing changed: nothing sent until the minute's full republish.
    expect(await tick()).toEqual([]);
    sensor('water-1', 'water.level', 2.8, T0 + 60_000);
    const next = await tick();
    expect(next.map((m) => m.district)).toEqual(['440305']);
    expect(next[0]?.sensors?.[0]).toMatchObject({ sensorId: 'water-1', value: 2.8 });
  });
});
