import { defineConfig } from 'vitest/config';

// End-to-end tests start real processes: run files one at a time on this 2-core machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
