#!/usr/bin/env -S npx tsx
// Runs the city feed simulator alone against a Kafka cluster:
//   KAFKA_BROKERS=127.0.0.1:9092 npm run simulate -w @citybrain/ingest -- --scenario holiday-surge --seed 42 --speed 60
import { parseArgs } from 'node:util';
import { createKafka, runUntilSignal } from '@citybrain/service-kit';
import { pino } from 'pino';
import { loadSimulatorEnv, parseCliOptions, SimulatorConfigError } from '../simulator/config.js';
import { SCENARIOS, startSimulator } from '../simulator/index.js';

const USAGE = `usage: simulate [--scenario NAME] [--seed N] [--speed X] [--rate N] [--duration S] [--run-id ID] [--start ISO]

  --scenario  ${Object.values(SCENARIOS)
    .map((s) => `${s.name}: ${s.description}`)
    .join('\n              ')}
  --seed      random seed: the same seed, run id and start time replay the same events (default: random)
  --speed     simulated seconds per real second: 1 = real time, 60 = a simulated minute per second (default 1)
  --rate      events per real second the feed aims at (default 1000)
  --duration  stop after this many real seconds (default: until Ctrl-C)
  --run-id    prefix of event ids (default: random)
  --start     simulated start time, ISO-8601 with zone (default: now; evening-rush: 17:00 today)

environment: KAFKA_BROKERS (required, host:port,...), LOG_LEVEL (default info)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      'run-id': { type: 'string' },
      start: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = parseCliOptions(values);
  const env = loadSimulatorEnv();
  const logger = pino({ level: env.logLevel, base: { service: 'simulator' } });
  const kafka = createKafka(env.kafkaBrokers, 'citybrain-simulator', logger);
  await runUntilSignal(async () => {
    const simulator = await startSimulator({ kafka, logger, ...options });
    // With --duration the simulator ends by itself; the process exits once Kafka is disconnected. A failure
    // is already logged by the simulator: only the exit code is left to set.
    simulator.finished.catch(() => {
      process.exitCode = 1;
    });
    return simulator;
  });
}

main().catch((error: unknown) => {
  if (
    error instanceof SimulatorConfigError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `simulator failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
