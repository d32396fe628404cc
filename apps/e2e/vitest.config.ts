import { defineConfig } from 'vitest/config';

// Workspace packages resolve through their `source` export condition, so the runs use the
// TypeScript sources of the runner and need no build step.
const conditions = ['source', 'import', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Real servers on a loaded 2-core machine: generous limits; each file's servers start in beforeAll.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // One file at a time: each starts its own servers, and in parallel they would only compete for two cores.
    fileParallelism: false,
  },
});
