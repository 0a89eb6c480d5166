// Child side of FeedProcess: builds the simulator feed and writes it to one kcat per topic on command.
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { TOPICS } from '@citybrain/schemas/topics';
import { uniqueName } from '@citybrain/devstack/testing';
import { createFeed } from '../src/simulator/index.js';
import { crowdHeats } from '../test/support/events.js';
import type { FeedCommand, FeedReply, FeedSpec } from './feed-process.js';
import { KcatProducer } from './kcat-producer.js';

/** Realistic city data (fixed sensors and detectors, crowd cells, incidents with PII) as `key\tvalue` lines. */
function feedChunks({ run, events: total, chunk }: FeedSpec): Map<string, Buffer>[] {
  const feed = createFeed({
    seed: 7,
    scenario: 'holiday-surge',
    runId: run,
    startMs: Date.now() - 6 * 3_600_000,
    districts: new DistrictIndex(loadDistricts()),
    pace: { speed: 3_600, rate: 200_000 },
  });
  const events = feed.generator.eventsUntil(Date.now(), total);
  if (events.length < total) throw new Error(`the simulator produced only ${events.length} events`);
  const chunks: Map<string, Buffer>[] = [];
  for (let i = 0; i < events.length; i += chunk) {
    const byTopic = new Map<string, string[]>();
    for (const e of events.slice(i, i + chunk)) {
      const lines = byTopic.get(e.topic) ?? [];
      lines.push(`${e.key}\t${JSON.stringify(e.value)}\n`);
      byTopic.set(e.topic, lines);
    }
    chunks.push(new Map([...byTopic].map(([topic, lines]) => [topic, Buffer.from(lines.join(''))])));
  }
  return chunks;
}

function reply(message: FeedReply): void {
  process.send?.(message);
}

const spec = JSON.parse(process.argv[2] ?? '{}') as FeedSpec;
const chunks = feedChunks(spec);
const producer = new KcatProducer(spec.brokers);
producer.open(new Set(chunks.flatMap((chunk) => [...chunk.keys()])));

async function run(command: FeedCommand): Promise<void> {
  switch (command.type) {
    case 'warm-up': {
      const warmUp = new KcatProducer(spec.brokers);
      const warm = crowdHeats(uniqueName('warm'), 1_000);
      await warmUp.write(
        TOPICS.crowdHeat,
        Buffer.from(warm.map((e) => `${e.id}\t${JSON.stringify(e)}\n`).join('')),
      );
      await warmUp.close();
      return;
    }
    case 'chunk':
      await Promise.all(
        [...(chunks[command.index] ?? [])].map(([topic, lines]) => producer.write(topic, lines)),
      );
      return;
    case 'close':
      await producer.close(); // kcat reads stdin in blocks: the last lines go out at end of input
      return;
  }
}

process.on('message', (command: FeedCommand) => {
  run(command).then(
    () => {
      reply({ type: 'done' });
      if (command.type === 'close') process.disconnect();
    },
    (error: unknown) => reply({ type: 'failed', error: String(error) }),
  );
});
reply({ type: 'ready', chunks: chunks.length });
