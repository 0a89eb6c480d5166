import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Consumer-group joins take ~3 s on the mock broker.
  test: { testTimeout: 60_000, hookTimeout: 30_000 },
});
