import { defineConfig } from 'vitest/config';

// Workspace packages resolve through their `source` export condition, so tests run on the
// TypeScript sources and need no build step.
const conditions = ['source', 'import', 'node', 'default'];

// `npm run bench` sets ASSAY_BENCH: the benchmarks then run instead of the tests, on their own.
const bench = process.env.ASSAY_BENCH !== undefined;

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: bench ? ['bench/**/*.bench.ts'] : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: bench ? 300_000 : 60_000,
    hookTimeout: 60_000,
  },
});
