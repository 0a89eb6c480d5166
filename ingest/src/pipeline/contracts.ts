// The event contracts of @citybrain/schemas as ingest validates them: zod's ahead-of-time compiled clones
// (`z.compile`, zod ≥ 4.4). A valid event takes the generated fast path (~1 µs instead of ~4 µs); anything
// else falls back to the schema's own parser, so what is accepted, what is refused and every issue message
// stay exactly zod's. contracts.test.ts holds that against the plain schemas on the simulator's feed, the
// test fixtures and a corpus of mutations, and fails if a contract stops compiling.
import { crowdHeat, sensorReading, trafficFlow, trafficIncident } from '@citybrain/schemas/events';
import { z } from 'zod';

export const CONTRACTS = {
  sensorReading: z.compile(sensorReading),
  crowdHeat: z.compile(crowdHeat),
  trafficFlow: z.compile(trafficFlow),
  trafficIncident: z.compile(trafficIncident),
};
