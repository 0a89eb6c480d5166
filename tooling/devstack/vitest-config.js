// Plain JS: vitest loads configs with Node, which cannot import TypeScript from a workspace package.
// The vitest settings of every package whose tests start the mock Kafka cluster and chDB.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    // chDB binds one data directory per process and the machine has two cores: integration files run one
    // at a time, each in its own process.
    pool: 'forks',
    fileParallelism: false,
    // Consumer-group joins take ~3 s on the mock broker; crash and restart tests run child processes.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
